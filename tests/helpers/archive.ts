import { ArticleStore } from '../../archive/articles/store.ts';
import { openArchive, type ArchiveDb } from '../../archive/db/open.ts';
import { importPaths } from '../../archive/importers/import-paths.ts';
import { Searcher } from '../../archive/search/search.ts';
import { tempArchivePath } from './temp.ts';

export interface TestArchive {
  db: ArchiveDb;
  path: string;
  store: ArticleStore;
  searcher: Searcher;
  importPaths(paths: string[]): ReturnType<typeof importPaths>;
}

/** A real archive file in a temp folder, removed when the test process exits. */
export async function createTestArchive(): Promise<TestArchive> {
  const path = tempArchivePath();
  const { db } = await openArchive(path);
  const store = new ArticleStore(db);
  const searcher = new Searcher(db);
  return {
    db,
    path,
    store,
    searcher,
    async importPaths(paths) {
      const report = await importPaths(store, paths);
      searcher.forgetLanguages();
      return report;
    },
  };
}
