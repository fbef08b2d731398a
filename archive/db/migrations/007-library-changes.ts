import type { Migration } from './migration.ts';

/** ISO 8601 in UTC with milliseconds, as `new Date().toISOString()` writes imported_at: the two compare as text. */
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * One trigger body: marks an article's reader's state as changed now. The article may be going away
 * (a cascade from its deletion), so the mark is only written while it still exists.
 */
const mark = (article: string, extra: { tags?: boolean; collections?: boolean } = {}) => `
  INSERT INTO library_changes (article_id, changed_at, tags_changed_at, collections_changed_at)
  SELECT ${article}, ${NOW}, ${extra.tags ? NOW : 'NULL'}, ${extra.collections ? NOW : 'NULL'}
  WHERE EXISTS (SELECT 1 FROM articles WHERE id = ${article})
  ON CONFLICT (article_id) DO UPDATE SET changed_at = excluded.changed_at,
    tags_changed_at = coalesce(excluded.tags_changed_at, tags_changed_at),
    collections_changed_at = coalesce(excluded.collections_changed_at, collections_changed_at);`;

export const migration007: Migration = {
  version: 7,
  name: 'when each article’s tags, bookmark, status, note, highlights and collections last changed; articles by URL',
  up(db) {
    db.exec(`
      -- Delta bundles carry what changed since a moment: tags and collection memberships have no time
      -- of their own, and removals leave no row, so every change marks its article here (by triggers,
      -- whichever code makes it). The reading position is left out: bundles do not carry it.
      CREATE TABLE library_changes (
        article_id INTEGER PRIMARY KEY,
        changed_at TEXT NOT NULL,
        tags_changed_at TEXT,
        collections_changed_at TEXT
      ) STRICT;
      CREATE INDEX library_changes_at ON library_changes(changed_at);
      -- A note a bundle brought, as it was brought (SHA-256): while the reader leaves it as it is, a
      -- later bundle's note for the article replaces it; once the reader edits it, it is theirs.
      CREATE TABLE bundle_notes (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        note_sha256 TEXT NOT NULL
      ) STRICT;

      -- A bundle's article is recognised by its address as well as by its text.
      CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;

      CREATE TRIGGER library_changes_article_gone AFTER DELETE ON articles BEGIN
        DELETE FROM library_changes WHERE article_id = old.id;
      END;

      CREATE TRIGGER library_changes_tag_added AFTER INSERT ON article_tags BEGIN
        ${mark('new.article_id', { tags: true })}
      END;
      CREATE TRIGGER library_changes_tag_removed AFTER DELETE ON article_tags BEGIN
        ${mark('old.article_id', { tags: true })}
      END;

      CREATE TRIGGER library_changes_collection_added AFTER INSERT ON collection_articles BEGIN
        ${mark('new.article_id', { collections: true })}
      END;
      CREATE TRIGGER library_changes_collection_removed AFTER DELETE ON collection_articles BEGIN
        ${mark('old.article_id', { collections: true })}
      END;

      CREATE TRIGGER library_changes_highlight_added AFTER INSERT ON highlights BEGIN
        ${mark('new.article_id')}
      END;
      CREATE TRIGGER library_changes_highlight_changed AFTER UPDATE ON highlights
      WHEN old.color IS NOT new.color OR old.note IS NOT new.note OR old.start IS NOT new.start OR old.end IS NOT new.end
      BEGIN
        ${mark('new.article_id')}
      END;
      CREATE TRIGGER library_changes_highlight_removed AFTER DELETE ON highlights BEGIN
        ${mark('old.article_id')}
      END;

      CREATE TRIGGER library_changes_state_added AFTER INSERT ON reading_state
      WHEN new.bookmarked_at IS NOT NULL OR new.status <> 'unread' OR new.note IS NOT NULL
      BEGIN
        ${mark('new.article_id')}
      END;
      CREATE TRIGGER library_changes_state_changed AFTER UPDATE ON reading_state
      WHEN old.bookmarked_at IS NOT new.bookmarked_at OR old.status IS NOT new.status OR old.note IS NOT new.note
      BEGIN
        ${mark('new.article_id')}
      END;
    `);
  },
};
