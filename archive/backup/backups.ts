import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { checkArchive } from '../db/check.ts';
import { SCHEMA_VERSION } from '../db/migrations/index.ts';
import { sessionMarkers } from '../db/session.ts';

/** Backups kept in the rotation: the newest N, whatever took them (daily, before a migration, by hand). */
export const KEEP_BACKUPS = 7;
/** How often the app and `serve` back the archive up while they run. */
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** A backup, restore or check that cannot go ahead; the message says why and what to do. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupInfo {
  path: string;
  /** ISO 8601. */
  takenAt: string;
  /** daily, manual, before-schema-N, ... */
  reason: string;
  bytes: number;
}

/** Backups live in `backups/` beside the archive. */
export function backupFolder(archivePath: string): string {
  return join(dirname(resolve(archivePath)), 'backups');
}

/** What an archive's backups are named after: its file name without `.sqlite` or `.db`. */
export const backupStem = (archivePath: string) => basename(archivePath).replace(/\.(sqlite3?|db)$/i, '');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 2025-01-02T03:04:05.678Z as 20250102T030405678Z: sortable, and safe in every file system. */
export const fileStamp = (date: Date) => date.toISOString().replace(/[-:.]/g, '');

function parseStamp(stamp: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z` : null;
}

function backupPattern(archivePath: string): RegExp {
  return new RegExp(`^${escapeRegExp(backupStem(archivePath))}-(\\d{8}T\\d{9}Z)-([a-z0-9-]+)\\.sqlite$`);
}

/** The archive's backups in its rotation folder, newest first. Files still being written are not listed. */
export function listBackups(archivePath: string): BackupInfo[] {
  const folder = backupFolder(archivePath);
  const pattern = backupPattern(archivePath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    const takenAt = match ? parseStamp(match[1] as string) : null;
    if (!match || !takenAt) continue;
    try {
      backups.push({
        path: join(folder, name),
        takenAt,
        reason: match[2] as string,
        bytes: statSync(join(folder, name)).size,
      });
    } catch {
      // Removed meanwhile.
    }
  }
  return backups.sort((a, b) => (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
}

/** Deletes all but the newest `keep` backups, and leftovers of backups cut short; returns what it deleted. */
export function pruneBackups(archivePath: string, keep = KEEP_BACKUPS): string[] {
  const removed: string[] = [];
  for (const backup of listBackups(archivePath).slice(keep)) {
    rmSync(backup.path, { force: true });
    removed.push(backup.path);
  }
  const folder = backupFolder(archivePath);
  const partial = new RegExp(`^${escapeRegExp(backupStem(archivePath))}-.*\\.partial-(\\d+)$`);
  for (const name of existsSync(folder) ? readdirSync(folder) : []) {
    const pid = Number(partial.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(folder, name), { force: true });
      removed.push(join(folder, name));
    }
  }
  return removed;
}

/** Flushes a file, or a folder's entries, to the disk. */
export function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Some systems cannot fsync a folder; the rename is then as durable as they make it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Makes a copy a single self-contained file (no -wal), flushed to disk. */
function settle(path: string): void {
  const copy = new Database(path, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  fsyncPath(path);
}

export interface TakeBackupOptions {
  /** Why: daily, manual, before-schema-3... (lower case, digits and dashes). */
  reason: string;
  /** Backups to keep in the rotation (default 7). */
  keep?: number;
  now?: Date;
  /** Write the backup to this file instead of the rotation folder (it must not exist). */
  to?: string;
}

/**
 * Backs the open archive up with SQLite's online backup (a consistent copy while the archive stays
 * in use), into `backups/` beside it, named with the time and the reason, then keeps the newest N.
 * The copy is written under a temporary name and renamed once complete, so a crash never leaves a
 * half-written file that looks like a backup.
 */
export async function takeBackup(
  db: Database.Database,
  archivePath: string,
  options: TakeBackupOptions,
): Promise<BackupInfo> {
  if (!/^[a-z0-9-]+$/.test(options.reason)) throw new Error(`invalid backup reason "${options.reason}"`);
  const now = options.now ?? new Date();
  let target: string;
  if (options.to) {
    target = resolve(options.to);
    if (existsSync(target)) throw new BackupError(`${target} already exists; name a new file`);
    mkdirSync(dirname(target), { recursive: true });
  } else {
    const folder = backupFolder(archivePath);
    mkdirSync(folder, { recursive: true });
    let at = now.getTime();
    do target = join(folder, `${backupStem(archivePath)}-${fileStamp(new Date(at++))}-${options.reason}.sqlite`);
    while (existsSync(target));
  }
  const partial = `${target}.partial-${process.pid}`;
  try {
    await db.backup(partial);
    settle(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  fsyncPath(dirname(target));
  if (!options.to) pruneBackups(archivePath, options.keep ?? KEEP_BACKUPS);
  return { path: target, takenAt: now.toISOString(), reason: options.reason, bytes: statSync(target).size };
}

export interface ArchiveFileCheck {
  ok: boolean;
  /** not-archive: not SQLite, or SQLite without an archive's tables; too-new: a newer app's schema. */
  verdict: 'ok' | 'not-archive' | 'too-new' | 'damaged';
  schemaVersion: number | null;
  articles: number | null;
  problems: string[];
}

/**
 * Checks that a file is a sound archive this version can open: SQLite, an archive's schema no newer
 * than ours, integrity_check and the full-text index's own check clean. Opens the file for writing
 * (FTS5's check needs it) but changes nothing in it.
 */
export function verifyArchiveFile(path: string): ArchiveFileCheck {
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: true });
  } catch (error) {
    return {
      ok: false,
      verdict: 'not-archive',
      schemaVersion: null,
      articles: null,
      problems: [(error as Error).message],
    };
  }
  try {
    let version: number;
    let hasArticles: boolean;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      hasArticles = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'articles'").get() !== undefined;
    } catch (error) {
      return {
        ok: false,
        verdict: 'not-archive',
        schemaVersion: null,
        articles: null,
        problems: [(error as Error).message],
      };
    }
    if (version > SCHEMA_VERSION) {
      const problem = `schema ${version}, newer than this version's ${SCHEMA_VERSION}`;
      return { ok: false, verdict: 'too-new', schemaVersion: version, articles: null, problems: [problem] };
    }
    if (version === 0 || !hasArticles) {
      return {
        ok: false,
        verdict: 'not-archive',
        schemaVersion: version,
        articles: null,
        problems: ['no archive schema in it'],
      };
    }
    const report = checkArchive(db, { full: true });
    const problems = [...report.database, ...report.fullText];
    if (report.unindexed > 0) problems.push(`${report.unindexed} articles are missing from the full-text index`);
    const articles = problems.length ? null : (db.prepare('SELECT count(*) FROM articles').pluck().get() as number);
    return {
      ok: problems.length === 0,
      verdict: problems.length ? 'damaged' : 'ok',
      schemaVersion: version,
      articles,
      problems,
    };
  } finally {
    db.close();
  }
}

/** A consistent single-file copy of any SQLite file (its -wal included), by the online backup. */
async function copyDatabase(source: string, target: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  settle(target);
}

/** Moves a database file and its -wal aside under a new name (with -wal renamed alike, so they stay paired). */
export function moveAside(path: string, aside: string): void {
  renameSync(path, aside);
  if (existsSync(`${path}-wal`)) renameSync(`${path}-wal`, `${aside}-wal`);
  rmSync(`${path}-shm`, { force: true });
  fsyncPath(dirname(path));
}

/** Folds an archive's -wal into it, so the file alone holds everything; false when it cannot be opened. */
function consolidate(path: string): boolean {
  try {
    const db = new Database(path, { fileMustExist: true });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    return true;
  } catch {
    return false;
  }
}

export interface RestoreOutcome {
  restoredFrom: string;
  /** Where the archive that was replaced is kept; null when there was none. */
  replacedPath: string | null;
  schemaVersion: number;
  articles: number;
}

/**
 * Puts a backup in the archive's place: the backup is copied and the copy checked (integrity_check,
 * the full-text index, its schema) before anything is touched; the current archive is kept as
 * `<archive>.replaced-<time>`; then the copy is renamed into place. Refuses while another process
 * has the archive open.
 */
export async function restoreBackup(
  archivePath: string,
  backupPath: string,
  now = new Date(),
  options: {
    /** Where to keep the current archive (default `<archive>.replaced-<time>`). */
    aside?: string;
    /** Fold the current archive's -wal into it before moving it (default true; false keeps a damaged file as found). */
    consolidate?: boolean;
  } = {},
): Promise<RestoreOutcome> {
  const archive = resolve(archivePath);
  const backup = resolve(backupPath);
  if (!existsSync(backup)) throw new BackupError(`there is no file ${backup}`);
  if (backup === archive) throw new BackupError('the backup is the archive itself');
  const { live } = sessionMarkers(archive);
  const others = live.filter((marker) => marker.pid !== process.pid);
  if (others.length > 0) {
    throw new BackupError(
      `the archive is in use by another Archive Reader (process ${others.map((m) => m.pid).join(', ')}); close it first`,
    );
  }
  mkdirSync(dirname(archive), { recursive: true });
  const staging = `${archive}.restoring-${fileStamp(now)}`;
  try {
    try {
      await copyDatabase(backup, staging);
    } catch (error) {
      throw new BackupError(
        `${backup} is not an Archive Reader archive (${(error as Error).message}); nothing was changed`,
      );
    }
    const check = verifyArchiveFile(staging);
    if (!check.ok) {
      const why = {
        'not-archive': `${backup} is not an Archive Reader archive (${check.problems.join('; ')})`,
        'too-new': `${backup} was made by a newer version of Archive Reader (${check.problems[0]}); update Archive Reader to restore it`,
        damaged: `${backup} is damaged: ${check.problems.slice(0, 5).join('; ')}`,
        ok: '',
      }[check.verdict];
      throw new BackupError(`${why}; nothing was changed`);
    }
    let replacedPath: string | null = null;
    if (existsSync(archive)) {
      if (options.consolidate !== false) consolidate(archive);
      replacedPath = options.aside ?? `${archive}.replaced-${fileStamp(now)}`;
      moveAside(archive, replacedPath);
    }
    renameSync(staging, archive);
    fsyncPath(dirname(archive));
    return {
      restoredFrom: backup,
      replacedPath,
      schemaVersion: check.schemaVersion as number,
      articles: check.articles as number,
    };
  } finally {
    rmSync(staging, { force: true });
    rmSync(`${staging}-journal`, { force: true });
  }
}

export interface BackupScheduleOptions {
  intervalMs?: number;
  /** How often to look whether a backup is due (default hourly), so a sleeping laptop catches up. */
  checkEveryMs?: number;
  keep?: number;
  now?: () => Date;
  onBackup?: (backup: BackupInfo) => void;
  onError?: (error: unknown) => void;
}

export interface BackupSchedule {
  /** Takes a backup now if one is due; resolves with it, or null. */
  runIfDue(): Promise<BackupInfo | null>;
  /** Stops the timer and waits for a backup in progress. */
  stop(): Promise<void>;
}

/**
 * Daily backups while the app or `serve` runs: one at start when the newest is older than a day
 * (and the archive holds something), then whenever a day has passed since the newest.
 */
export function startBackupSchedule(
  db: Database.Database,
  archivePath: string,
  options: BackupScheduleOptions = {},
): BackupSchedule {
  const interval = options.intervalMs ?? BACKUP_INTERVAL_MS;
  const now = options.now ?? (() => new Date());
  let running: Promise<BackupInfo | null> = Promise.resolve(null);
  let stopped = false;

  const due = () => {
    if (stopped || !db.open) return false;
    const newest = listBackups(archivePath)[0];
    if (newest && now().getTime() - Date.parse(newest.takenAt) < interval) return false;
    const filled = db
      .prepare("SELECT (SELECT count(*) FROM sqlite_schema WHERE name = 'articles') AS tables")
      .get() as { tables: number };
    return filled.tables > 0 && db.prepare('SELECT EXISTS (SELECT 1 FROM articles)').pluck().get() === 1;
  };
  const runIfDue = () => {
    running = running.then(async () => {
      try {
        if (!due()) return null;
        const backup = await takeBackup(db, archivePath, { reason: 'daily', keep: options.keep, now: now() });
        options.onBackup?.(backup);
        return backup;
      } catch (error) {
        options.onError?.(error);
        return null;
      }
    });
    return running;
  };
  const timer = setInterval(() => void runIfDue(), options.checkEveryMs ?? 60 * 60 * 1000);
  timer.unref();
  void runIfDue();
  return {
    runIfDue,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
