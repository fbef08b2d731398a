import type { SavedSearch } from '../api/contract.ts';
import type { ArchiveDb } from '../db/open.ts';

interface SavedSearchRow {
  id: number;
  name: string;
  query: string;
  created_at: string;
  last_opened_at: string;
}

export class SavedSearchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SavedSearchError';
  }
}

/** Searches kept in the sidebar; each knows when it was last opened, so new matches can be counted. */
export class SavedSearches {
  private readonly statements;
  private readonly countNew: (query: string, since: string) => number;

  /** `countNew` counts the query's matches imported after a moment (the searcher's job). */
  constructor(db: ArchiveDb, countNew: (query: string, since: string) => number) {
    this.countNew = countNew;
    this.statements = {
      list: db.prepare<[], SavedSearchRow>('SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE'),
      get: db.prepare<[number], SavedSearchRow>('SELECT * FROM saved_searches WHERE id = ?'),
      insert: db.prepare<[{ name: string; query: string; now: string }], SavedSearchRow>(
        `INSERT INTO saved_searches (name, query, created_at, last_opened_at) VALUES (@name, @query, @now, @now)
         RETURNING *`,
      ),
      opened: db.prepare<[string, number], SavedSearchRow>(
        'UPDATE saved_searches SET last_opened_at = ? WHERE id = ? RETURNING *',
      ),
      delete: db.prepare<[number]>('DELETE FROM saved_searches WHERE id = ?'),
    };
  }

  private withCount(row: SavedSearchRow): SavedSearch {
    return {
      id: row.id,
      name: row.name,
      query: row.query,
      createdAt: row.created_at,
      lastOpenedAt: row.last_opened_at,
      newCount: this.countNew(row.query, row.last_opened_at),
    };
  }

  list(): SavedSearch[] {
    return this.statements.list.all().map((row) => this.withCount(row));
  }

  save(name: string, query: string, now = new Date().toISOString()): SavedSearch {
    try {
      const row = this.statements.insert.get({ name: name.trim(), query, now });
      if (!row) throw new SavedSearchError('the search could not be saved');
      return this.withCount(row);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new SavedSearchError(`there is already a saved search named "${name.trim()}"`);
      }
      throw error;
    }
  }

  /** Marks a saved search as opened now: its new matches are seen. */
  opened(id: number, now = new Date().toISOString()): SavedSearch | null {
    const row = this.statements.opened.get(now, id);
    return row ? this.withCount(row) : null;
  }

  delete(id: number): boolean {
    return this.statements.delete.run(id).changes > 0;
  }
}
