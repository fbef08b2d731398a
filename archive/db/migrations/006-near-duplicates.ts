import { simHash, simHashBands } from '../../articles/simhash.ts';
import type { Migration } from './migration.ts';

export const migration006: Migration = {
  version: 6,
  name: 'capture dates, near-duplicate fingerprints and the copies they link',
  up(db) {
    db.exec(`
      -- When a web archive (WARC-Date) or a saved page (SingleFile, MHTML) says the page was captured.
      ALTER TABLE articles ADD COLUMN captured_at TEXT;

      -- Each article's 64-bit SimHash (16 hex digits) and its four 16-bit bands: a fingerprint within
      -- 3 bits of another shares at least one band with it, so a lookup reads four small index ranges.
      CREATE TABLE article_fingerprints (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        simhash TEXT NOT NULL,
        band0 INTEGER NOT NULL,
        band1 INTEGER NOT NULL,
        band2 INTEGER NOT NULL,
        band3 INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX article_fingerprints_band0 ON article_fingerprints(band0);
      CREATE INDEX article_fingerprints_band1 ON article_fingerprints(band1);
      CREATE INDEX article_fingerprints_band2 ON article_fingerprints(band2);
      CREATE INDEX article_fingerprints_band3 ON article_fingerprints(band3);

      -- A near-duplicate met on import (a syndicated copy of a stored article): not stored as an article
      -- of its own, but remembered with where it came from, so the report and a re-import can name it.
      CREATE TABLE article_copies (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL UNIQUE,
        distance INTEGER NOT NULL,
        title TEXT NOT NULL,
        url TEXT,
        source TEXT,
        source_path TEXT,
        captured_at TEXT,
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX article_copies_article ON article_copies(article_id);
    `);
    // Articles stored before this version get their fingerprints now, so their copies are found too.
    const insert = db.prepare(
      `INSERT INTO article_fingerprints (article_id, simhash, band0, band1, band2, band3)
       VALUES (@id, @simhash, @band0, @band1, @band2, @band3)`,
    );
    // Read by pages: better-sqlite3 cannot write while a read on the same connection is still open.
    const page = db.prepare<[{ after: number }], { id: number; text: string }>(
      'SELECT id, text FROM articles WHERE id > @after ORDER BY id LIMIT 1000',
    );
    for (let rows = page.all({ after: 0 }); rows.length; rows = page.all({ after: rows[rows.length - 1]?.id ?? 0 })) {
      for (const { id, text } of rows) {
        const hash = simHash(text);
        if (!hash) continue;
        const [band0, band1, band2, band3] = simHashBands(hash);
        insert.run({ id, simhash: hash, band0, band1, band2, band3 });
      }
    }
  },
};
