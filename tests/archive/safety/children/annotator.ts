// Kill-test child: bookmarks and tags random articles through the Library, printing each change
// only once its commit has returned.
import { setTimeout as sleep } from 'node:timers/promises';
import { openArchive } from '../../../../archive/db/open.ts';
import { Library } from '../../../../archive/library/library.ts';
import { seededRandom } from '../synthetic.ts';

const [archivePath, firstSeq, seed] = process.argv.slice(2) as [string, string, string];
const { db, startup } = await openArchive(archivePath);
process.stdout.write(`startup ${startup.outcome}\n`);
const library = new Library(db);
const maxId = db.prepare('SELECT max(id) FROM articles').pluck();
const random = seededRandom(Number(seed));
let seq = Number(firstSeq);

for (;;) {
  const max = (maxId.get() as number | null) ?? 0;
  if (max === 0) {
    await sleep(5);
    continue;
  }
  const id = 1 + Math.floor(random() * max);
  try {
    if (random() < 0.5) {
      if (library.setBookmarked(id, true)) process.stdout.write(`B ${id}\n`);
    } else {
      if (library.setTags(id, [`s${seq}`, 'kill-test'])) process.stdout.write(`T ${id} ${seq}\n`);
      seq++;
    }
  } catch (error) {
    process.stdout.write(`E ${(error as Error).message}\n`);
  }
  await sleep(random() * 4);
}
