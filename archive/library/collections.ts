import type { Collection } from '../api/contract.ts';
import type { ArchiveDb } from '../db/open.ts';

export class CollectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CollectionError';
  }
}

interface CollectionRow {
  id: number;
  name: string;
  parent_id: number | null;
  count: number;
}

const toCollection = (row: CollectionRow): Collection => ({
  id: row.id,
  name: row.name,
  parentId: row.parent_id,
  count: row.count,
});

/** Named, nested collections; an article may be in many. */
export class Collections {
  private readonly db: ArchiveDb;
  private readonly statements;
  private readonly replaceMembership: (articleId: number, ids: readonly number[], now: string) => void;

  constructor(db: ArchiveDb) {
    this.db = db;
    const withCount = `SELECT c.id, c.name, c.parent_id,
      (SELECT count(*) FROM collection_articles x WHERE x.collection_id = c.id) AS count FROM collections c`;
    this.statements = {
      list: db.prepare<[], CollectionRow>(`${withCount} ORDER BY c.name COLLATE NOCASE`),
      get: db.prepare<[number], CollectionRow>(`${withCount} WHERE c.id = ?`),
      insert: db.prepare<[{ name: string; parent: number | null; now: string }], { id: number }>(
        'INSERT INTO collections (name, parent_id, created_at) VALUES (@name, @parent, @now) RETURNING id',
      ),
      rename: db.prepare<[string, number]>('UPDATE collections SET name = ? WHERE id = ?'),
      move: db.prepare<[number | null, number]>('UPDATE collections SET parent_id = ? WHERE id = ?'),
      delete: db.prepare<[number]>('DELETE FROM collections WHERE id = ?'),
      ancestors: db.prepare<[number], { id: number }>(
        `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT c.parent_id FROM collections c JOIN up ON c.id = up.id
         WHERE c.parent_id IS NOT NULL) SELECT id FROM up`,
      ),
      clear: db.prepare<[number]>('DELETE FROM collection_articles WHERE article_id = ?'),
      add: db.prepare<[number, number, string]>(
        'INSERT OR IGNORE INTO collection_articles (collection_id, article_id, added_at) VALUES (?, ?, ?)',
      ),
      ofArticle: db.prepare<[number], { id: number }>(
        'SELECT collection_id AS id FROM collection_articles WHERE article_id = ? ORDER BY collection_id',
      ),
    };
    this.replaceMembership = db.transaction((articleId: number, ids: readonly number[], now: string) => {
      this.statements.clear.run(articleId);
      for (const id of ids) this.statements.add.run(id, articleId, now);
    });
  }

  list(): Collection[] {
    return this.statements.list.all().map(toCollection);
  }

  get(id: number): Collection | null {
    const row = this.statements.get.get(id);
    return row ? toCollection(row) : null;
  }

  create(name: string, parentId: number | null, now = new Date().toISOString()): Collection {
    if (parentId !== null && !this.get(parentId)) throw new CollectionError(`there is no collection ${parentId}`);
    try {
      const row = this.statements.insert.get({ name: name.trim(), parent: parentId, now });
      return this.get(row?.id ?? 0) as Collection;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new CollectionError(`there is already a collection named "${name.trim()}" here`);
      }
      throw error;
    }
  }

  /** Renames or moves a collection; a collection cannot move inside itself. */
  update(id: number, change: { name?: string; parentId?: number | null }): Collection | null {
    if (!this.get(id)) return null;
    this.db.transaction(() => {
      if (change.name !== undefined) this.statements.rename.run(change.name.trim(), id);
      if (change.parentId !== undefined) {
        if (change.parentId !== null && this.statements.ancestors.all(change.parentId).some((row) => row.id === id)) {
          throw new CollectionError('a collection cannot be moved inside itself');
        }
        this.statements.move.run(change.parentId, id);
      }
    })();
    return this.get(id);
  }

  /** Deletes a collection and those inside it; the articles stay in the archive. */
  delete(id: number): boolean {
    return this.statements.delete.run(id).changes > 0;
  }

  ofArticle(articleId: number): number[] {
    return this.statements.ofArticle.all(articleId).map((row) => row.id);
  }

  setForArticle(articleId: number, ids: readonly number[], now = new Date().toISOString()): void {
    const missing = ids.find((id) => !this.get(id));
    if (missing !== undefined) throw new CollectionError(`there is no collection ${missing}`);
    this.replaceMembership(articleId, ids, now);
  }
}
