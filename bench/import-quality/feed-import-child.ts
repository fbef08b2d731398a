import { ArticleStore } from '../../archive/articles/store.ts';
import { openArchive } from '../../archive/db/open.ts';
import { importPaths } from '../../archive/importers/import-paths.ts';

// Run by feed-memory.ts in a process of its own, so that its peak memory is the import's alone.
const [feed, archivePath] = process.argv.slice(2);
if (!feed || !archivePath) throw new Error('usage: feed-import-child.ts <feed> <archive>');
const { db } = await openArchive(archivePath);
const started = performance.now();
const report = await importPaths(new ArticleStore(db), [feed], { onItems: () => {} });
db.close();
console.log(
  JSON.stringify({
    stored: report.imported + (report.nearDuplicates ?? 0),
    failed: report.failed,
    wallSeconds: (performance.now() - started) / 1000,
    peakResidentBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
