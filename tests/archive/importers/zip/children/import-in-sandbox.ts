// Hostile-zip child: imports the given files into an archive one after the other and prints one
// JSON line with each file's report, the time it took and the memory this process had used by
// its end, so that the parent measures what each file costs over the one before.
import { ArticleStore } from '../../../../../archive/articles/store.ts';
import { openArchive } from '../../../../../archive/db/open.ts';
import { importPaths } from '../../../../../archive/importers/import-paths.ts';

const [archivePath, ...paths] = process.argv.slice(2) as [string, ...string[]];
const { db } = await openArchive(archivePath);
const store = new ArticleStore(db);
const mebibytes = (bytes: number) => Math.round((bytes / 1024 ** 2) * 10) / 10;

let peakHeap = 0;
const sample = () => {
  const { heapUsed, external } = process.memoryUsage();
  peakHeap = Math.max(peakHeap, heapUsed + external);
};
const sampler = setInterval(sample, 5);
const files = [];
for (const path of paths) {
  peakHeap = 0;
  const started = performance.now();
  const report = await importPaths(store, [path]);
  sample();
  files.push({
    items: report.items.map(({ path, status, title, message }) => ({ path, status, title, message })),
    milliseconds: Math.round(performance.now() - started),
    // maxRSS is in KiB: the most this process (all its threads) has held so far.
    maxRssMiB: mebibytes(process.resourceUsage().maxRSS * 1024),
    peakHeapMiB: mebibytes(peakHeap),
  });
}
clearInterval(sampler);
db.close();
process.stdout.write(`${JSON.stringify(files)}\n`);
