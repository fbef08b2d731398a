import type { ReadStatus } from '../api/contract.ts';
import type { ArchiveDb } from '../db/open.ts';
import { fold } from '../text/fold.ts';

/** The reader's own state of articles: bookmarks, reading status and tags. */
export class Library {
  private readonly statements;
  private readonly replaceTags: (articleId: number, names: readonly string[]) => void;

  constructor(db: ArchiveDb) {
    this.statements = {
      exists: db.prepare<[number], { id: number }>('SELECT id FROM articles WHERE id = ?'),
      bookmark: db.prepare<[{ id: number; at: string | null; now: string }]>(
        `INSERT INTO reading_state (article_id, bookmarked_at, updated_at) VALUES (@id, @at, @now)
         ON CONFLICT (article_id) DO UPDATE SET bookmarked_at = @at, updated_at = @now`,
      ),
      status: db.prepare<[{ id: number; status: ReadStatus; now: string }]>(
        `INSERT INTO reading_state (article_id, status, updated_at) VALUES (@id, @status, @now)
         ON CONFLICT (article_id) DO UPDATE SET status = @status, updated_at = @now`,
      ),
      upsertTag: db.prepare<[string, string], { id: number }>(
        `INSERT INTO tags (name, key) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id`,
      ),
      clearTags: db.prepare<[number]>('DELETE FROM article_tags WHERE article_id = ?'),
      tag: db.prepare<[number, number]>('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)'),
      dropUnusedTags: db.prepare('DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)'),
      listTags: db.prepare<[], { name: string; count: number }>(
        `SELECT t.name, count(*) AS count FROM tags t JOIN article_tags x ON x.tag_id = t.id
         GROUP BY t.id ORDER BY count DESC, t.key`,
      ),
    };
    this.replaceTags = db.transaction((articleId: number, names: readonly string[]) => {
      this.statements.clearTags.run(articleId);
      for (const name of names) this.statements.tag.run(articleId, this.tagId(name));
      this.statements.dropUnusedTags.run();
    });
  }

  private tagId(name: string): number {
    const row = this.statements.upsertTag.get(name.trim(), tagKey(name));
    if (!row) throw new Error(`could not store the tag "${name}"`);
    return row.id;
  }

  /** False when there is no such article. */
  setBookmarked(articleId: number, bookmarked: boolean, at = new Date().toISOString()): boolean {
    if (!this.statements.exists.get(articleId)) return false;
    this.statements.bookmark.run({ id: articleId, at: bookmarked ? at : null, now: at });
    return true;
  }

  setReadStatus(articleId: number, status: ReadStatus, at = new Date().toISOString()): boolean {
    if (!this.statements.exists.get(articleId)) return false;
    this.statements.status.run({ id: articleId, status, now: at });
    return true;
  }

  /** Replaces an article's tags; tags differing only in case or accents are one tag. */
  setTags(articleId: number, names: readonly string[]): boolean {
    if (!this.statements.exists.get(articleId)) return false;
    this.replaceTags(articleId, names);
    return true;
  }

  listTags(): { name: string; count: number }[] {
    return this.statements.listTags.all();
  }
}

/** Tags are compared folded: "Sahel", "sahel" and "SAHEL" are one tag. */
export function tagKey(name: string): string {
  return fold(name.trim());
}
