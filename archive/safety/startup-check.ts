import { existsSync } from 'node:fs';
import { BackupError, fileStamp, listBackups, restoreBackup } from '../backup/backups.ts';
import { checkArchive, checkFullText } from '../db/check.ts';
import { ArchiveDamagedError } from '../db/errors.ts';
import { connect } from '../db/connect.ts';
import type { ArchiveDb } from '../db/open.ts';
import { reindex } from './reindex.ts';
import { salvageInto, type SalvageReport } from './salvage.ts';

/**
 * What opening an archive found and did, for the CLI to print and the app to show. After a clean
 * exit nothing is checked (`outcome: 'clean'`).
 */
export interface StartupReport {
  /** The previous session ended with the archive open (killed, crashed, power lost). */
  uncleanExit: boolean;
  /**
   * clean: not checked (clean exit); checked: checked, sound; reindexed: the full-text index was
   * damaged or incomplete and was rebuilt from the articles; restored: the file was damaged, it was
   * kept aside and the newest sound backup put in its place.
   */
  outcome: 'clean' | 'checked' | 'reindexed' | 'restored';
  /** What the checks found, as SQLite and FTS5 said it. */
  problems: string[];
  reindexedArticles: number | null;
  /** Where the damaged file was kept. */
  damagedPath: string | null;
  restoredFrom: string | null;
  /** When the restored backup was taken: changes after it are not in the archive. */
  backupTakenAt: string | null;
  /** What was read back from the damaged file into the restored archive (after a restore). */
  salvaged: SalvageReport | null;
  /** Backups found unsound while looking for one to restore. */
  rejectedBackups: { path: string; problems: string[] }[];
  /** Each thing that happened, in order, in plain English. */
  messages: string[];
}

export function cleanStartup(uncleanExit: boolean): StartupReport {
  return {
    uncleanExit,
    outcome: 'clean',
    problems: [],
    reindexedArticles: null,
    damagedPath: null,
    restoredFrom: null,
    backupTakenAt: null,
    rejectedBackups: [],
    salvaged: null,
    messages: [],
  };
}

const UNCLEAN = 'The archive was not closed properly last time (the program was stopped or the computer lost power).';

/**
 * After an unclean exit: quick_check, then FTS5's integrity-check. A damaged full-text index (or
 * one left incomplete by an interrupted reindex) is rebuilt from the articles, losing nothing; a
 * damaged file is kept aside and the newest sound backup restored.
 */
export async function checkAtStartup(
  db: ArchiveDb,
  path: string,
  now: Date,
): Promise<{ db: ArchiveDb; startup: StartupReport }> {
  const startup = cleanStartup(true);
  startup.messages.push(UNCLEAN);
  const report = checkArchive(db);
  if (report.ok) {
    startup.outcome = 'checked';
    startup.messages.push('It was checked (SQLite quick_check and the full-text index) and is sound.');
    return { db, startup };
  }
  if (report.database.length === 0) {
    startup.problems = [...report.fullText];
    if (report.unindexed > 0)
      startup.problems.push(`${report.unindexed} articles are missing from the full-text index`);
    const onlyMissing = report.fullText.length === 0;
    startup.messages.push(
      onlyMissing
        ? `${report.unindexed} articles were missing from the full-text index (an interrupted reindex); they were indexed.`
        : `The full-text index was damaged (${report.fullText.join('; ')}); it was rebuilt from the articles. No article, bookmark or tag was lost.`,
    );
    const { articles } = reindex(db, { onlyMissing });
    const after = checkFullText(db);
    if (after.problems.length > 0 || after.unindexed > 0) {
      db.close();
      throw new ArchiveDamagedError(path, after.problems, 'rebuilding its full-text index did not repair it');
    }
    startup.outcome = 'reindexed';
    startup.reindexedArticles = articles;
    return { db, startup };
  }
  db.close();
  return restoreNewest(path, report.database, startup, now);
}

/** The file could not even be opened as SQLite. With backups it was an archive: restore; else rethrow. */
export async function recoverUnreadable(
  path: string,
  error: unknown,
  unclean: boolean,
  now: Date,
): Promise<{ db: ArchiveDb; startup: StartupReport }> {
  if (listBackups(path).length === 0) {
    // Readable as SQLite but with damaged pages: say so; not SQLite at all: it may never have been an archive.
    const code = ((error as { cause?: { code?: string } }).cause ?? (error as { code?: string }))?.code ?? '';
    if (!code.startsWith('SQLITE_CORRUPT')) throw error;
    throw new ArchiveDamagedError(path, [(error as Error).message], 'there is no backup to restore');
  }
  const startup = cleanStartup(unclean);
  if (unclean) startup.messages.push(UNCLEAN);
  return restoreNewest(path, [error instanceof Error ? error.message : String(error)], startup, now);
}

async function restoreNewest(
  path: string,
  problems: string[],
  startup: StartupReport,
  now: Date,
): Promise<{ db: ArchiveDb; startup: StartupReport }> {
  startup.problems = problems;
  startup.messages.push(`The archive file is damaged: ${problems.slice(0, 5).join('; ')}.`);
  const damagedPath = `${path}.damaged-${fileStamp(now)}`;
  for (const backup of listBackups(path)) {
    try {
      // The damaged file is kept exactly as found, its -wal beside it.
      const outcome = await restoreBackup(path, backup.path, now, { aside: damagedPath, consolidate: false });
      startup.outcome = 'restored';
      startup.damagedPath = outcome.replacedPath;
      startup.restoredFrom = backup.path;
      startup.backupTakenAt = backup.takenAt;
      startup.messages.push(
        `It was kept aside as ${outcome.replacedPath}, and the newest sound backup, taken ${backup.takenAt} ` +
          `(${outcome.articles} articles), was restored from ${backup.path}.`,
      );
      const db = connect(path);
      return { db, startup };
    } catch (error) {
      if (!(error instanceof BackupError)) throw error;
      startup.rejectedBackups.push({ path: backup.path, problems: [error.message] });
      startup.messages.push(`The backup ${backup.path} could not be used: ${error.message}`);
      // The damaged file has not been moved while no backup passed.
      if (!existsSync(path)) throw error;
    }
  }
  const detail = startup.rejectedBackups.length
    ? `none of its ${startup.rejectedBackups.length} backups is sound`
    : 'there is no backup to restore';
  throw new ArchiveDamagedError(path, problems, detail);
}

/**
 * After a restore (and the migration of the restored file): brings back from the damaged file,
 * which holds the newer state, whatever can still be read of it, and says what.
 */
export function salvageAfterRestore(db: ArchiveDb, startup: StartupReport): void {
  if (startup.outcome !== 'restored' || !startup.damagedPath) return;
  try {
    const salvaged = salvageInto(db, startup.damagedPath);
    startup.salvaged = salvaged;
    const unread = salvaged.problems.length
      ? ` (some of it could not be read: ${salvaged.problems.slice(0, 3).join('; ')})`
      : '';
    startup.messages.push(
      `From the damaged file, ${salvaged.articles} articles imported after the backup, ` +
        `${salvaged.readingStates} bookmarks or reading statuses (${salvaged.notes} article notes, ` +
        `${salvaged.positions} reading positions), the tags of ${salvaged.taggedArticles} articles, ` +
        `${salvaged.highlights} highlights, ${salvaged.collections} collections and the collections of ` +
        `${salvaged.collectionMemberships} articles, and ${salvaged.savedSearches} saved searches ` +
        `were recovered${unread}.`,
    );
  } catch (error) {
    startup.messages.push(`Nothing could be recovered from the damaged file: ${(error as Error).message}`);
  }
}

/** The lines a CLI prints about a startup check (none after a clean exit). */
export function describeStartup(startup: StartupReport): string[] {
  return startup.messages;
}
