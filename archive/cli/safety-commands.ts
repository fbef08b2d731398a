import { existsSync } from 'node:fs';
import { listBackups, restoreBackup, takeBackup } from '../backup/backups.ts';
import { checkArchive } from '../db/check.ts';
import { openArchive, type ArchiveDb } from '../db/open.ts';
import { reindex } from '../safety/reindex.ts';
import { describeStartup } from '../safety/startup-check.ts';
import { UsageError } from './usage-error.ts';

/** What these commands read from the command line (a subset of the CLI's context). */
export interface SafetyContext {
  archivePath: string;
  json: boolean;
  to: string | undefined;
  positionals: string[];
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** Opens an existing archive (checked after an unclean exit, the check's report on stderr), runs, closes. */
export async function withOpenArchive<T>(archivePath: string, run: (db: ArchiveDb) => Promise<T> | T): Promise<T> {
  if (!existsSync(archivePath)) {
    throw new UsageError(
      `there is no archive at ${archivePath} yet: import articles first ("archive-reader import <folder>")`,
    );
  }
  const { db, startup } = await openArchive(archivePath);
  for (const line of describeStartup(startup)) process.stderr.write(`${line}\n`);
  try {
    return await run(db);
  } finally {
    db.close();
  }
}

const count = (db: ArchiveDb) => db.prepare('SELECT count(*) FROM articles').pluck().get() as number;

export async function backupCommand(context: SafetyContext): Promise<number> {
  if (context.positionals.length > 0) throw new UsageError('backup takes no file name; use --to FILE');
  const { backup, articles } = await withOpenArchive(context.archivePath, async (db) => ({
    backup: await takeBackup(db, context.archivePath, { reason: 'manual', to: context.to }),
    articles: count(db),
  }));
  if (context.json) {
    out(JSON.stringify({ ...backup, articles }, null, 2));
  } else {
    out(`Backed up ${articles} articles to ${backup.path} (${megabytes(backup.bytes)}).`);
    if (!context.to) out(`Backups kept: ${listBackups(context.archivePath).length} (the newest 7 are kept).`);
  }
  return 0;
}

export async function restoreCommand(context: SafetyContext): Promise<number> {
  const [file, ...rest] = context.positionals;
  if (!file || rest.length > 0) {
    const newest = listBackups(context.archivePath)[0];
    throw new UsageError(
      `name one backup file to restore${newest ? `, e.g. archive-reader restore "${newest.path}"` : ''}`,
    );
  }
  const outcome = await restoreBackup(context.archivePath, file);
  if (context.json) {
    out(JSON.stringify({ archive: context.archivePath, ...outcome }, null, 2));
  } else {
    out(
      `Restored ${outcome.restoredFrom} (schema ${outcome.schemaVersion}, ${outcome.articles} articles) ` +
        `into ${context.archivePath}; it passed SQLite's integrity_check and the full-text index check.`,
    );
    out(
      outcome.replacedPath
        ? `The archive it replaced is kept as ${outcome.replacedPath}.`
        : 'There was no archive there before.',
    );
  }
  return 0;
}

export async function reindexCommand(context: SafetyContext): Promise<number> {
  const tty = process.stderr.isTTY === true;
  let shown = -1;
  const result = await withOpenArchive(context.archivePath, (db) =>
    reindex(db, {
      onProgress: ({ done, total }) => {
        const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (tty) process.stderr.write(`\rReindexing: ${done} of ${total} articles (${percent}%)`);
        else if (percent >= shown + 10 || done === total) {
          shown = percent;
          process.stderr.write(`Reindexing: ${done} of ${total} articles (${percent}%)\n`);
        }
      },
    }),
  );
  if (tty) process.stderr.write('\n');
  if (context.json) out(JSON.stringify(result));
  else out(`Rebuilt the full-text index of ${result.articles} articles in ${(result.ms / 1000).toFixed(1)} s.`);
  return 0;
}

export async function checkCommand(context: SafetyContext): Promise<number> {
  const { report, articles } = await withOpenArchive(context.archivePath, (db) => ({
    report: checkArchive(db, { full: true }),
    articles: count(db),
  }));
  if (context.json) {
    out(JSON.stringify({ ...report, articles }, null, 2));
  } else if (report.ok) {
    out(`The archive is sound: SQLite's integrity_check and the full-text index check passed (${articles} articles).`);
  } else {
    for (const problem of [...report.database, ...report.fullText]) out(`problem: ${problem}`);
    if (report.unindexed) out(`problem: ${report.unindexed} articles are missing from the full-text index`);
    out(
      report.database.length
        ? 'The file is damaged: restore a backup ("archive-reader restore <file>"; backups are in the backups/ folder beside the archive).'
        : 'Only the full-text index is affected: "archive-reader reindex" rebuilds it from the articles.',
    );
  }
  return report.ok ? 0 : 1;
}
