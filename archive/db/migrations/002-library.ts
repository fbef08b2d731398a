import type { Migration } from './migration.ts';

export const migration002: Migration = {
  version: 2,
  name: 'bookmarks, reading status and tags; estimated publication dates; term statistics',
  up(db) {
    db.exec(`
      -- 1 when published_at was read from the article's text rather than its metadata.
      ALTER TABLE articles ADD COLUMN published_estimated INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX articles_source ON articles(source);

      -- The reader's own state of an article; a row exists only once the reader has done something.
      CREATE TABLE reading_state (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        bookmarked_at TEXT,
        status TEXT NOT NULL DEFAULT 'unread' CHECK (status IN ('unread', 'reading', 'read')),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX reading_state_bookmarked ON reading_state(bookmarked_at) WHERE bookmarked_at IS NOT NULL;

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        -- Folded (case and accents), so "Sahel" and "sahel" are one tag.
        key TEXT NOT NULL UNIQUE
      ) STRICT;

      CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

      -- How many articles each indexed term is in: "did you mean" prefers the commoner word.
      CREATE VIRTUAL TABLE article_terms USING fts5vocab(article_fts, 'row');
    `);
  },
};
