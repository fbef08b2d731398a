import type { Database } from 'better-sqlite3';
import { takeBackup } from '../backup/backups.ts';
import { ArchiveTooNewError } from './errors.ts';
import type { Migration } from './migrations/migration.ts';

export interface MigrationOutcome {
  from: number;
  to: number;
  /** Backup taken before migrating (in the rotation folder), when the archive already held a schema. */
  backupPath: string | null;
}

export interface MigrateOptions {
  /** Backups kept in the rotation (default 7). */
  keepBackups?: number;
  now?: Date;
}

/**
 * Brings the schema to the newest version. All pending migrations run in one transaction, so a
 * failure (or a crash) leaves the previous schema intact; an archive that already had a schema is
 * first backed up with SQLite's online backup, into the backup rotation beside it. Another process
 * migrating the same file meanwhile is waited for (the version is read again inside the transaction).
 */
export async function migrate(
  db: Database,
  path: string,
  migrations: readonly Migration[],
  options: MigrateOptions = {},
): Promise<MigrationOutcome> {
  const from = db.pragma('user_version', { simple: true }) as number;
  // By version, not by position: the numbers may have gaps (a migration kept for a later release).
  const to = migrations.at(-1)?.version ?? 0;
  if (from > to) throw new ArchiveTooNewError(path, from, to);
  if (from === to) return { from, to, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0 && path !== ':memory:') {
    const backup = await takeBackup(db, path, {
      reason: `before-schema-${to}`,
      keep: options.keepBackups,
      now: options.now,
    });
    backupPath = backup.path;
  }
  const ran = db
    .transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current > to) throw new ArchiveTooNewError(path, current, to);
      for (const migration of migrations.filter((m) => m.version > current)) {
        migration.up(db);
        db.pragma(`user_version = ${migration.version}`);
      }
      return current;
    })
    .immediate();
  return { from: ran, to, backupPath };
}
