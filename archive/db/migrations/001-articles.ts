import type { Migration } from './migration.ts';

export const migration001: Migration = {
  version: 1,
  name: 'articles and their full-text index',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        html TEXT,
        source TEXT,
        url TEXT,
        author TEXT,
        lang TEXT,
        published_at TEXT,
        imported_at TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        source_path TEXT,
        word_count INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX articles_imported_at ON articles(imported_at);
      CREATE INDEX articles_published_at ON articles(published_at);
      CREATE INDEX articles_lang ON articles(lang);

      -- Analysed terms (stemmed, folded, stop words removed), one row per article (rowid = articles.id).
      CREATE VIRTUAL TABLE article_fts USING fts5(
        title, lead, body,
        tokenize = 'unicode61 remove_diacritics 0'
      );
      INSERT INTO article_fts(article_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');

      -- For each indexed term, where its word stands in the original text (UTF-16 offsets, packed by text/offsets.ts).
      CREATE TABLE article_offsets (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        title BLOB NOT NULL,
        text BLOB NOT NULL,
        lead_terms INTEGER NOT NULL
      ) STRICT;

      -- Every word seen (folded as written) with its indexed term: a prefix longer than a stem
      -- ("cooperat*" for the stem "cooper") is matched through the words that start with it.
      CREATE TABLE vocabulary (
        form TEXT NOT NULL,
        term TEXT NOT NULL,
        PRIMARY KEY (form, term)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER articles_delete_fts AFTER DELETE ON articles BEGIN
        DELETE FROM article_fts WHERE rowid = old.id;
      END;
    `);
  },
};
