// Kill-test child: bookmarks, tags, writes article notes and adds highlights with notes to random
// articles through the Library and Annotations, printing each change only once its commit has
// returned. Every change but a bookmark carries a sequence number that grows with each change, so
// the test can tell which commits a torn copy holds.
import { setTimeout as sleep } from 'node:timers/promises';
import { openArchive } from '../../../../archive/db/open.ts';
import { Annotations } from '../../../../archive/library/annotations.ts';
import { Library } from '../../../../archive/library/library.ts';
import { seededRandom } from '../synthetic.ts';

const [archivePath, firstSeq, seed] = process.argv.slice(2) as [string, string, string];
const { db, startup } = await openArchive(archivePath);
process.stdout.write(`startup ${startup.outcome}\n`);
const library = new Library(db);
const annotations = new Annotations(db);
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
  const choice = random();
  try {
    if (choice < 0.25) {
      if (library.setBookmarked(id, true)) process.stdout.write(`B ${id}\n`);
    } else if (choice < 0.5) {
      if (library.setTags(id, [`s${seq}`, 'kill-test'])) process.stdout.write(`T ${id} ${seq}\n`);
    } else if (choice < 0.75) {
      annotations.setNote(id, `n${seq} A note of the reader's own on article ${id}.`);
      process.stdout.write(`N ${id} ${seq}\n`);
    } else {
      const highlight = annotations.addHighlight(id, { start: 0, end: 7 }, 'yellow', `h${seq}`);
      if (highlight) process.stdout.write(`H ${id} ${seq} ${highlight.id}\n`);
    }
  } catch (error) {
    process.stdout.write(`E ${(error as Error).message}\n`);
  }
  seq++;
  await sleep(random() * 4);
}
