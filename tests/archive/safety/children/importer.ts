// Kill-test child: imports a folder, printing a line after each batch has been committed.
import { ArticleStore, type NewArticle } from '../../../../archive/articles/store.ts';
import { openArchive } from '../../../../archive/db/open.ts';
import { importPaths } from '../../../../archive/importers/import-paths.ts';

const [archivePath, folder] = process.argv.slice(2) as [string, string];
const { db, startup } = await openArchive(archivePath);
process.stdout.write(`startup ${startup.outcome}\n`);

class ReportingStore extends ArticleStore {
  override addMany(articles: readonly NewArticle[], importedAt?: string) {
    const outcomes = super.addMany(articles, importedAt);
    process.stdout.write(`batch ${outcomes.length}\n`);
    return outcomes;
  }
}

const report = await importPaths(new ReportingStore(db), [folder]);
process.stdout.write(`done ${report.imported} ${report.duplicates} ${report.failed}\n`);
db.close();
