import type { NewArticle } from '../../articles/store.ts';
import type { CarriedLibrary, Share } from '../file-importer.ts';

/** A report line of a file as an extraction worker read it: articles come completed and prepared for the index. */
export type PooledEntry =
  | {
      kind: 'article';
      article: NewArticle;
      library?: CarriedLibrary;
      position?: string;
      decoding?: string | null;
      share?: Share;
    }
  | { kind: 'skipped' | 'failed'; message: string; position?: string; share?: Share };

/** Messages from the pool to an extraction worker. */
export type PoolRequest =
  /** `repeatedLines`: the site's header and footer lines of the file's folder, surveyed once by the writer. */
  | { type: 'read'; job: number; path: string; repeatedLines: string[] }
  /** The writer has taken `weight` more of the worker's entries: it may read that much further ahead. */
  | { type: 'credit'; weight: number };

/**
 * A file's entries, in order, from an extraction worker to the pool. The last message of a file says
 * `done` (with its last entries, so a small file is one message); `error`: the file as a whole could
 * not be read (what its importer threw).
 */
export type PoolReply = { type: 'ready' } | FileReply;

export interface FileReply {
  type: 'entries';
  job: number;
  entries: PooledEntry[];
  weight: number;
  done: boolean;
  error?: string;
}

/** What an entry costs the window: one, plus one per MB of HTML (a WARC page with its images inlined). */
export function entryWeight(entry: PooledEntry): number {
  return entry.kind === 'article' ? 1 + Math.floor((entry.article.html?.length ?? 0) / 1048576) : 1;
}
