import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { NotAnArchiveError } from './errors.ts';
import { migrate, type MigrationOutcome } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';

export type ArchiveDb = Database.Database;

export interface OpenedArchive {
  db: ArchiveDb;
  path: string;
  migration: MigrationOutcome;
}

/** Opens (creating if needed) an archive file, in WAL mode, migrated to the current schema. */
export async function openArchive(path: string): Promise<OpenedArchive> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    db.close();
    throw new NotAnArchiveError(path, error);
  }
  try {
    const migration = await migrate(db, path, MIGRATIONS);
    return { db, path, migration };
  } catch (error) {
    db.close();
    throw error;
  }
}
