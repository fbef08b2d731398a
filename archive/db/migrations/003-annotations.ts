import type { Migration } from './migration.ts';

export const migration003: Migration = {
  version: 3,
  name: 'highlights and notes, reading positions, collections, saved searches',
  up(db) {
    db.exec(`
      -- Where the reader stopped: a character offset into the article's text.
      ALTER TABLE reading_state ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE reading_state ADD COLUMN note TEXT;

      -- A highlighted passage: offsets into articles.text, with the quoted text kept so the passage
      -- can be found again should the offsets ever stop matching.
      CREATE TABLE highlights (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL CHECK (start >= 0),
        end INTEGER NOT NULL CHECK (end > start),
        quote TEXT NOT NULL,
        color TEXT NOT NULL DEFAULT 'yellow' CHECK (color IN ('yellow', 'green', 'blue', 'pink', 'purple')),
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX highlights_article ON highlights(article_id, start);
      CREATE INDEX highlights_updated ON highlights(updated_at);

      CREATE TABLE collections (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        parent_id INTEGER REFERENCES collections(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX collections_name ON collections(coalesce(parent_id, 0), name COLLATE NOCASE);

      CREATE TABLE collection_articles (
        collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        added_at TEXT NOT NULL,
        PRIMARY KEY (collection_id, article_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX collection_articles_article ON collection_articles(article_id);

      CREATE TABLE saved_searches (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        query TEXT NOT NULL,
        created_at TEXT NOT NULL,
        -- Articles imported after this are "new" for the saved search.
        last_opened_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
