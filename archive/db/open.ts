import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import {
  checkAtStartup,
  cleanStartup,
  recoverUnreadable,
  salvageAfterRestore,
  type StartupReport,
} from '../safety/startup-check.ts';
import { connect } from './connect.ts';
import { NotAnArchiveError } from './errors.ts';
import { migrate, type MigrationOutcome } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import type { Migration } from './migrations/migration.ts';
import { beginSession, clearStaleMarkers, sessionMarkers } from './session.ts';

export type ArchiveDb = Database.Database;
export { CONNECTION_PRAGMAS, connect } from './connect.ts';

export interface OpenedArchive {
  db: ArchiveDb;
  path: string;
  migration: MigrationOutcome;
  /** What the startup check found and did; `outcome: 'clean'` after a clean exit. */
  startup: StartupReport;
}

export interface OpenOptions {
  /** The schema's migrations (tests pass their own list). */
  migrations?: readonly Migration[];
  /** Check (and repair) the archive when the previous session did not close it (default true). */
  startupCheck?: boolean;
  now?: () => Date;
}

const corrupt = (error: unknown) => {
  const cause = error instanceof NotAnArchiveError ? (error.cause as { code?: string }) : (error as { code?: string });
  return typeof cause?.code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(cause.code);
};

/**
 * Opens (creating if needed) an archive file, checked if the last session ended uncleanly, then
 * migrated to the current schema (backed up first). The returned connection's close() also
 * marks the session as cleanly ended.
 */
export async function openArchive(path: string, options: OpenOptions = {}): Promise<OpenedArchive> {
  const migrations = options.migrations ?? MIGRATIONS;
  const now = options.now ?? (() => new Date());
  if (path === ':memory:') {
    const db = connect(path);
    return { db, path, migration: await migrate(db, path, migrations), startup: cleanStartup(false) };
  }
  mkdirSync(dirname(path), { recursive: true });
  const markers = sessionMarkers(path);
  // A -wal left with no process using the archive: it was not closed (a crash before markers existed).
  const walLeft = markers.live.length === 0 && existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
  const unclean = markers.stale.length > 0 || walLeft;
  const endSession = beginSession(path);
  let db: ArchiveDb | undefined;
  try {
    let startup = cleanStartup(unclean);
    try {
      db = connect(path);
      if (unclean && options.startupCheck !== false) {
        ({ db, startup } = await checkAtStartup(db, path, now()));
      }
    } catch (error) {
      // Unreadable: when it was an archive (it has backups), keep it aside and restore the newest sound one.
      if (!corrupt(error) || options.startupCheck === false) throw error;
      if (db?.open) db.close();
      ({ db, startup } = await recoverUnreadable(path, error, unclean, now()));
    }
    if (options.startupCheck !== false) clearStaleMarkers(markers.stale);
    const migration = await migrate(db, path, migrations, { now: now() });
    salvageAfterRestore(db, startup);
    const close = db.close.bind(db);
    const opened = db;
    opened.close = () => {
      close();
      endSession();
      return opened;
    };
    return { db: opened, path, migration, startup };
  } catch (error) {
    if (db?.open) db.close();
    endSession();
    throw error;
  }
}
