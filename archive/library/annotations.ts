import type { Highlight, HighlightColor, NotebookEntry } from '../api/contract.ts';
import type { ArchiveDb } from '../db/open.ts';

interface HighlightRow {
  id: number;
  article_id: number;
  start: number;
  end: number;
  quote: string;
  color: HighlightColor;
  note: string | null;
  created_at: string;
  updated_at: string;
}

const toHighlight = (row: HighlightRow): Highlight => ({
  id: row.id,
  articleId: row.article_id,
  start: row.start,
  end: row.end,
  quote: row.quote,
  color: row.color,
  note: row.note,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class AnnotationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnnotationError';
  }
}

const escapeLike = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The reader's highlights, notes and reading positions. */
export class Annotations {
  private readonly statements;

  constructor(db: ArchiveDb) {
    this.statements = {
      text: db.prepare<[number], { text: string }>('SELECT text FROM articles WHERE id = ?'),
      insert: db.prepare<
        [
          {
            id: number;
            start: number;
            end: number;
            quote: string;
            color: HighlightColor;
            note: string | null;
            now: string;
          },
        ],
        HighlightRow
      >(
        `INSERT INTO highlights (article_id, start, end, quote, color, note, created_at, updated_at)
         VALUES (@id, @start, @end, @quote, @color, @note, @now, @now) RETURNING *`,
      ),
      get: db.prepare<[number], HighlightRow>('SELECT * FROM highlights WHERE id = ?'),
      update: db.prepare<[{ id: number; color: HighlightColor; note: string | null; now: string }], HighlightRow>(
        'UPDATE highlights SET color = @color, note = @note, updated_at = @now WHERE id = @id RETURNING *',
      ),
      delete: db.prepare<[number]>('DELETE FROM highlights WHERE id = ?'),
      ofArticle: db.prepare<[number], HighlightRow>('SELECT * FROM highlights WHERE article_id = ? ORDER BY start'),
      position: db.prepare<[{ id: number; position: number; now: string }]>(
        `INSERT INTO reading_state (article_id, position, updated_at) VALUES (@id, @position, @now)
         ON CONFLICT (article_id) DO UPDATE SET position = @position, updated_at = @now`,
      ),
      note: db.prepare<[{ id: number; note: string | null; now: string }]>(
        `INSERT INTO reading_state (article_id, note, updated_at) VALUES (@id, @note, @now)
         ON CONFLICT (article_id) DO UPDATE SET note = @note, updated_at = @now`,
      ),
      state: db.prepare<[number], { position: number; note: string | null }>(
        'SELECT position, note FROM reading_state WHERE article_id = ?',
      ),
      notebook: db.prepare<[{ like: string | null; limit: number; offset: number }], HighlightRow & { title: string }>(
        `SELECT h.*, a.title FROM highlights h JOIN articles a ON a.id = h.article_id
         WHERE @like IS NULL OR h.quote LIKE @like ESCAPE '\\' OR h.note LIKE @like ESCAPE '\\' OR a.title LIKE @like ESCAPE '\\'
         ORDER BY h.updated_at DESC, h.id DESC LIMIT @limit OFFSET @offset`,
      ),
      notebookCount: db.prepare<[{ like: string | null }], { n: number }>(
        `SELECT count(*) AS n FROM highlights h JOIN articles a ON a.id = h.article_id
         WHERE @like IS NULL OR h.quote LIKE @like ESCAPE '\\' OR h.note LIKE @like ESCAPE '\\' OR a.title LIKE @like ESCAPE '\\'`,
      ),
    };
  }

  /** Highlights a passage of an article's text; null when there is no such article. */
  addHighlight(
    articleId: number,
    range: { start: number; end: number },
    color: HighlightColor,
    note: string | null,
    now = new Date().toISOString(),
  ): Highlight | null {
    const article = this.statements.text.get(articleId);
    if (!article) return null;
    if (range.end > article.text.length || range.start >= range.end) {
      throw new AnnotationError(`the passage ${range.start}–${range.end} is not within the article's text`);
    }
    const quote = article.text.slice(range.start, range.end);
    const row = this.statements.insert.get({ id: articleId, ...range, quote, color, note, now });
    if (!row) throw new AnnotationError('the highlight could not be stored');
    return toHighlight(row);
  }

  updateHighlight(
    id: number,
    change: { color?: HighlightColor; note?: string | null },
    now = new Date().toISOString(),
  ): Highlight | null {
    const current = this.statements.get.get(id);
    if (!current) return null;
    const row = this.statements.update.get({
      id,
      color: change.color ?? current.color,
      note: change.note === undefined ? current.note : change.note,
      now,
    });
    return row ? toHighlight(row) : null;
  }

  /** False when there was no such highlight. */
  deleteHighlight(id: number): boolean {
    return this.statements.delete.run(id).changes > 0;
  }

  highlightsOf(articleId: number): Highlight[] {
    return this.statements.ofArticle.all(articleId).map(toHighlight);
  }

  readingState(articleId: number): { position: number; note: string | null } {
    return this.statements.state.get(articleId) ?? { position: 0, note: null };
  }

  setPosition(articleId: number, position: number, now = new Date().toISOString()): void {
    this.statements.position.run({ id: articleId, position, now });
  }

  setNote(articleId: number, note: string | null, now = new Date().toISOString()): void {
    this.statements.note.run({ id: articleId, note: note?.trim() ? note : null, now });
  }

  /** Every highlight and its note, newest first, optionally those whose passage, note or article title contain `query`. */
  notebook(query: string | undefined, limit: number, offset: number): { total: number; entries: NotebookEntry[] } {
    const like = query?.trim() ? escapeLike(query.trim()) : null;
    return {
      total: this.statements.notebookCount.get({ like })?.n ?? 0,
      entries: this.statements.notebook
        .all({ like, limit, offset })
        .map((row) => ({ ...toHighlight(row), articleTitle: row.title })),
    };
  }
}
