import type { Database } from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../archive/db/migrations/index.ts';
import type { Migration } from '../../../archive/db/migrations/migration.ts';

export const SLOW_VERSION = SCHEMA_VERSION + 1;

/**
 * The real migrations and a slow one after them that changes the schema in several steps (a new
 * table filled row by row, a column added to articles, an index), so a kill can land between any two.
 */
export function slowMigrations(rows: number): Migration[] {
  return [
    ...MIGRATIONS,
    {
      version: SLOW_VERSION,
      name: 'slow test migration',
      up(db: Database) {
        db.exec('CREATE TABLE kill_test (n INTEGER PRIMARY KEY, payload BLOB NOT NULL)');
        const insert = db.prepare('INSERT INTO kill_test (n, payload) VALUES (?, randomblob(300))');
        for (let n = 1; n <= rows; n++) insert.run(n);
        db.exec('ALTER TABLE articles ADD COLUMN kill_test_mark INTEGER NOT NULL DEFAULT 7');
        db.exec('CREATE INDEX kill_test_payload ON kill_test (payload)');
        db.exec("UPDATE articles SET title = title || ''");
      },
    },
  ];
}
