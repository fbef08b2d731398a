import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ArticleStore } from '../../archive/articles/store.ts';
import { openArchive } from '../../archive/db/open.ts';
import { Searcher } from '../../archive/search/search.ts';
import type { CisiCollection } from './cisi.ts';
import type { Ranking } from './metrics.ts';
import { allWordsQuery, anyWordQuery, plainFtsQuery } from './queries.ts';

/** How deep each system's ranking is read: Recall@100 needs no more. */
export const DEPTH = 100;

export interface SystemRun {
  name: string;
  /** Ranked CISI document ids by query id. */
  rankings: Map<number, Ranking>;
}

function rankAll(collection: CisiCollection, rank: (text: string) => Ranking): Map<number, Ranking> {
  return new Map(collection.queries.map((query) => [query.id, rank(query.text)]));
}

/** Our archive, imported through ArticleStore and searched through Searcher, as the app does. */
export async function runOurs(collection: CisiCollection): Promise<SystemRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'archive-reader-quality-'));
  try {
    const { db } = await openArchive(join(dir, 'archive.sqlite'));
    try {
      const outcomes = new ArticleStore(db).addMany(
        collection.documents.map((document) => ({
          title: document.title,
          paragraphs: document.paragraphs,
          lang: 'en',
        })),
      );
      // A document identical to an earlier one is stored once, as the earlier; that article stands
      // for both, as FTS5 would rank the two texts side by side.
      const cisiIds = new Map<number, number[]>();
      outcomes.forEach((outcome, index) => {
        if (outcome instanceof Error) throw outcome;
        const cisiId = collection.documents[index]?.id;
        if (cisiId !== undefined) cisiIds.set(outcome.id, [...(cisiIds.get(outcome.id) ?? []), cisiId]);
      });
      const searcher = new Searcher(db);
      const rank = (query: string) =>
        searcher
          .search(query, { limit: DEPTH, offset: 0 })
          .results.flatMap((result) => cisiIds.get(result.id) ?? [])
          .slice(0, DEPTH);
      return [
        { name: 'ours, all words', rankings: rankAll(collection, (text) => rank(allWordsQuery(text))) },
        { name: 'ours, any word', rankings: rankAll(collection, (text) => rank(anyWordQuery(text))) },
      ];
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The baseline: FTS5's own tokenizer on the raw text, no stemming nor stop words, the same title weight. */
export function runPlainFts(collection: CisiCollection): SystemRun {
  const db = new Database(':memory:');
  try {
    db.exec("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'unicode61')");
    const insert = db.prepare('INSERT INTO t (rowid, title, body) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (const document of collection.documents)
        insert.run(document.id, document.title, document.paragraphs.join('\n\n'));
    })();
    const search = db.prepare<[string, number], { rowid: number }>(
      'SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 10.0, 1.0), rowid LIMIT ?',
    );
    const rank = (text: string) => {
      const match = plainFtsQuery(text);
      return match === '' ? [] : search.all(match, DEPTH).map((row) => row.rowid);
    };
    return { name: 'plain FTS5', rankings: rankAll(collection, rank) };
  } finally {
    db.close();
  }
}
