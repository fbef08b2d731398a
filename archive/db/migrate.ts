import type { Database } from 'better-sqlite3';
import { ArchiveTooNewError } from './errors.ts';
import type { Migration } from './migrations/migration.ts';

export interface MigrationOutcome {
  from: number;
  to: number;
  /** Copy of the archive taken before migrating, when it already held a schema. */
  backupPath: string | null;
}

/**
 * Brings the schema to the newest version. All pending migrations run in one transaction, so a
 * failure (or a crash) leaves the previous schema intact; an archive that already had a schema is
 * first copied with SQLite's online backup.
 */
export async function migrate(db: Database, path: string, migrations: readonly Migration[]): Promise<MigrationOutcome> {
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = migrations.length;
  if (from > to) throw new ArchiveTooNewError(path, from, to);
  if (from === to) return { from, to, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0 && path !== ':memory:') {
    backupPath = `${path}.before-schema-${to}.bak`;
    await db.backup(backupPath);
  }
  const pending = migrations.slice(from);
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return { from, to, backupPath };
}
