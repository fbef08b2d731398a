import { basename } from 'node:path';
import type { ArchiveHandlers, Backup } from '../api/contract.ts';
import { ApiError } from '../api/envelope.ts';
import { BackupError, listBackups, takeBackup, type BackupInfo, type RestoreOutcome } from '../backup/backups.ts';
import { checkArchive } from '../db/check.ts';
import type { ArchiveDb } from '../db/open.ts';
import { cleanStartup, type StartupReport } from '../safety/startup-check.ts';

type SafetyMethod = 'listBackups' | 'backupNow' | 'restoreBackup' | 'checkArchive' | 'getStartupReport';

/** What the backup methods need beyond the open connection: where the archive lives, and who can swap it. */
export interface ArchiveSession {
  /** The archive file; null for an archive in memory, which has no backups. */
  archivePath: string | null;
  /** What opening the archive found and did. */
  startup(): StartupReport;
  /**
   * Puts a backup in the archive's place and reopens it; null when this connection cannot be swapped
   * (the CLI's one-shot calls): only the archive's host, which owns the connection, can.
   */
  restore: ((backupPath: string) => Promise<RestoreOutcome>) | null;
}

/** A session for a bare connection: its own file, a clean start, and no restore. */
export function connectionSession(db: ArchiveDb): ArchiveSession {
  const path = db.memory || db.name === '' ? null : db.name;
  return { archivePath: path, startup: () => cleanStartup(false), restore: null };
}

const named = (backup: BackupInfo): Backup => ({
  name: basename(backup.path),
  takenAt: backup.takenAt,
  reason: backup.reason,
  bytes: backup.bytes,
});

/** Backups, restore, checks and the startup report, as API methods on one archive session. */
export function createSafetyHandlers(db: ArchiveDb, session: ArchiveSession): Pick<ArchiveHandlers, SafetyMethod> {
  const archivePath = () => {
    if (session.archivePath === null) throw new ApiError('invalid_argument', 'An archive in memory has no backups.');
    return session.archivePath;
  };
  return {
    listBackups: () => (session.archivePath === null ? [] : listBackups(session.archivePath).map(named)),
    backupNow: async () => named(await takeBackup(db, archivePath(), { reason: 'manual' })),
    restoreBackup: async ({ name }) => {
      // Only a backup of the rotation, by its file name: a client never names another file on the disk.
      const backup = listBackups(archivePath()).find((candidate) => basename(candidate.path) === name);
      if (!backup) throw new ApiError('not_found', `There is no backup named ${name} beside this archive.`);
      if (!session.restore) throw new ApiError('invalid_argument', 'This archive connection cannot be replaced.');
      try {
        const outcome = await session.restore(backup.path);
        return {
          restoredFrom: named(backup),
          replacedPath: outcome.replacedPath,
          schemaVersion: outcome.schemaVersion,
          articles: outcome.articles,
        };
      } catch (error) {
        // A refused backup (damaged, foreign, newer) changed nothing: the caller may pick another.
        if (error instanceof BackupError) throw new ApiError('invalid_argument', error.message);
        throw error;
      }
    },
    checkArchive: () => {
      const report = checkArchive(db);
      const articles = report.database.length
        ? null
        : (db.prepare('SELECT count(*) FROM articles').pluck().get() as number);
      return {
        ok: report.ok,
        database: report.database,
        fullText: report.fullText,
        unindexed: report.unindexed,
        articles,
        checkedAt: new Date().toISOString(),
      };
    },
    getStartupReport: () => session.startup(),
  };
}
