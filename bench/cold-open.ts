import { performance } from 'node:perf_hooks';
import { openArchive } from '../archive/db/open.ts';
import { Searcher } from '../archive/search/search.ts';
import { PAGE_SIZE } from './engines/engine.ts';
import { QUERIES } from './queries.ts';

/** Opening an existing archive in a fresh process and answering a first query, as the app starts. */
export interface ColdOpen {
  /** Whether the archive file was in the OS page cache, or had been evicted from it, at the start. */
  pageCache: 'cached' | 'evicted';
  query: string;
  hits: number;
  /** openArchive: the file opened, its pragmas set and its schema version checked. */
  openMs: number;
  searcherMs: number;
  /** The first page of results, with highlights and snippets. */
  firstQueryMs: number;
  /** From the start of the process: Node's own start and the loading of the modules included. */
  sinceProcessStartMs: number;
}

/** In a fresh child process: times opening `path`, a new Searcher and a first search. */
export async function timeColdOpen(path: string): Promise<Omit<ColdOpen, 'pageCache'>> {
  const query = QUERIES[0]?.text ?? '';
  const start = performance.now();
  const { db } = await openArchive(path);
  try {
    const opened = performance.now();
    const searcher = new Searcher(db);
    const ready = performance.now();
    const { total } = searcher.search(query, { limit: PAGE_SIZE, offset: 0 });
    const answered = performance.now();
    return {
      query,
      hits: total,
      openMs: opened - start,
      searcherMs: ready - opened,
      firstQueryMs: answered - ready,
      // performance.now() counts from the process's time origin, its start.
      sinceProcessStartMs: answered,
    };
  } finally {
    db.close();
  }
}
