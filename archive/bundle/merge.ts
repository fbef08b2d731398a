import { createHash } from 'node:crypto';
import type { ArchiveDb } from '../db/open.ts';
import { Library, tagKey } from '../library/library.ts';
import type { LibraryEntry } from './format.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const STATUS_ORDER = { unread: 0, reading: 1, read: 2 } as const;

/** Put between the reader's own note and a different one a bundle brings for the same article. */
export const NOTE_SEPARATOR = '\n\n---\n';

/**
 * Merges a bundle's library entry into an article of this archive. It only adds, never takes away
 * or overwrites what the reader has: tags are joined, a bookmark is added, the reading status only
 * moves forward (unread → reading → read), a highlight is added unless the same passage is already
 * highlighted (the reader's own colour and note stay), the article joins the bundle's collections
 * (made when missing), and a note is kept: set where the reader has none, replaced where it is an
 * earlier bundle's note the reader left as it was, and where the reader wrote or edited a different
 * one, added after it below a `---` line, so neither is lost. Returns what it did, in words.
 */
export class LibraryMerger {
  private readonly library: Library;
  private readonly statements;

  constructor(db: ArchiveDb) {
    this.library = new Library(db);
    this.statements = {
      text: db.prepare<[number], { text: string }>('SELECT text FROM articles WHERE id = ?'),
      tags: db.prepare<[number], { name: string }>(
        'SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ?',
      ),
      state: db.prepare<
        [number],
        { bookmarked_at: string | null; status: LibraryEntry['status']; note: string | null }
      >('SELECT bookmarked_at, status, note FROM reading_state WHERE article_id = ?'),
      note: db.prepare<[{ id: number; note: string; now: string }]>(
        `INSERT INTO reading_state (article_id, note, updated_at) VALUES (@id, @note, @now)
         ON CONFLICT (article_id) DO UPDATE SET note = @note, updated_at = @now`,
      ),
      noteOrigin: db.prepare<[number], { note_sha256: string }>(
        'SELECT note_sha256 FROM bundle_notes WHERE article_id = ?',
      ),
      setNoteOrigin: db.prepare<[number, string]>(
        `INSERT INTO bundle_notes (article_id, note_sha256) VALUES (?, ?)
         ON CONFLICT (article_id) DO UPDATE SET note_sha256 = excluded.note_sha256`,
      ),
      highlights: db.prepare<[number], { start: number; end: number; note: string | null; id: number }>(
        'SELECT id, start, end, note FROM highlights WHERE article_id = ?',
      ),
      addHighlight: db.prepare(
        `INSERT INTO highlights (article_id, start, end, quote, color, note, created_at, updated_at)
         VALUES (@article, @start, @end, @quote, @color, @note, @createdAt, @updatedAt)`,
      ),
      setHighlightNote: db.prepare<[string, number]>('UPDATE highlights SET note = ? WHERE id = ?'),
      collection: db.prepare<[{ name: string; parent: number | null }], { id: number }>(
        'SELECT id FROM collections WHERE coalesce(parent_id, 0) = coalesce(@parent, 0) AND name = @name COLLATE NOCASE',
      ),
      createCollection: db.prepare<[{ name: string; parent: number | null; now: string }], { id: number }>(
        'INSERT INTO collections (name, parent_id, created_at) VALUES (@name, @parent, @now) RETURNING id',
      ),
      join: db.prepare<[number, number, string]>(
        'INSERT OR IGNORE INTO collection_articles (collection_id, article_id, added_at) VALUES (?, ?, ?)',
      ),
    };
  }

  merge(articleId: number, entry: LibraryEntry, now = new Date().toISOString()): string[] {
    const done: string[] = [];
    const current = this.statements.tags.all(articleId).map((row) => row.name);
    const keys = new Set(current.map(tagKey));
    const added = [
      ...new Map(entry.tags.filter((t) => t.trim() && !keys.has(tagKey(t))).map((t) => [tagKey(t), t])).values(),
    ];
    if (added.length) {
      this.library.setTags(articleId, [...current, ...added]);
      done.push(`${added.length} tag${added.length > 1 ? 's' : ''} added`);
    }

    const state = this.statements.state.get(articleId);
    if (entry.bookmarkedAt && !state?.bookmarked_at) {
      this.library.setBookmarked(articleId, true, entry.bookmarkedAt);
      done.push('bookmarked');
    }
    if (STATUS_ORDER[entry.status] > STATUS_ORDER[state?.status ?? 'unread']) {
      this.library.setReadStatus(articleId, entry.status, now);
      done.push(`marked ${entry.status}`);
    }

    const incoming = entry.note?.trim() ? entry.note : null;
    const local = state?.note ?? null;
    if (incoming !== null && local !== incoming) {
      const fromBundle = local !== null && this.statements.noteOrigin.get(articleId)?.note_sha256 === sha256(local);
      if (local === null || fromBundle) {
        this.statements.note.run({ id: articleId, note: incoming, now });
        this.statements.setNoteOrigin.run(articleId, sha256(incoming));
        done.push(local === null ? 'note added' : 'note updated (the earlier bundle’s, unedited here)');
      } else if (!local.includes(incoming.trim())) {
        this.statements.note.run({ id: articleId, note: `${local}${NOTE_SEPARATOR}${incoming}`, now });
        this.statements.setNoteOrigin.run(articleId, '');
        done.push('your note kept, the bundle’s different note added after it');
      }
    }

    const text = this.statements.text.get(articleId)?.text ?? '';
    const existing = this.statements.highlights.all(articleId);
    let highlights = 0;
    let notFound = 0;
    for (const highlight of entry.highlights) {
      let { start, end } = highlight;
      if (text.slice(start, end) !== highlight.quote) {
        // The same article with other offsets (recognised by its address): find the passage by its words.
        start = highlight.quote ? text.indexOf(highlight.quote) : -1;
        end = start + highlight.quote.length;
      }
      if (start < 0 || end <= start) {
        notFound += 1;
        continue;
      }
      const same = existing.find((h) => h.start === start && h.end === end);
      if (same) {
        if (same.note === null && highlight.note) {
          this.statements.setHighlightNote.run(highlight.note, same.id);
          same.note = highlight.note;
          done.push('a note added to a highlight');
        }
        continue;
      }
      this.statements.addHighlight.run({ article: articleId, ...highlight, start, end });
      existing.push({ id: -1, start, end, note: highlight.note });
      highlights += 1;
    }
    if (highlights) done.push(`${highlights} highlight${highlights > 1 ? 's' : ''} added`);
    if (notFound) done.push(`${notFound} highlight${notFound > 1 ? 's' : ''} not found in the text, left out`);

    let joined = 0;
    for (const path of entry.collections) {
      let parent: number | null = null;
      for (const raw of path) {
        const name = raw.trim();
        if (!name) break;
        parent =
          this.statements.collection.get({ name, parent })?.id ??
          this.statements.createCollection.get({ name, parent, now })?.id ??
          null;
      }
      if (parent !== null && this.statements.join.run(parent, articleId, now).changes > 0) joined += 1;
    }
    if (joined) done.push(`added to ${joined} collection${joined > 1 ? 's' : ''}`);
    return done;
  }
}
