import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ArchiveHandlers, ImportItem, ImportJob, ImportRun, Input, Output } from '../api/contract.ts';
import { dispatch } from '../api/dispatch.ts';
import { unwrap } from '../api/envelope.ts';
import type { MethodName } from '../api/methods.ts';
import { openArchive } from '../db/open.ts';
import { describeStartup } from '../safety/startup-check.ts';
import { createHandlers } from '../service/handlers.ts';
import { progressDisplay } from './import-progress.ts';
import { UsageError } from './usage-error.ts';

/** What these commands read from the command line (a subset of the CLI's context). */
export interface ImportContext {
  archivePath: string;
  json: boolean;
  limit: string | undefined;
  positionals: string[];
}

type Call = <M extends MethodName>(method: M, args: Input<M>) => Promise<Output<M>>;

const POLL_MS = 100;
const PAGE = 1000;
/** The shell's code for a command stopped by Ctrl-C. */
const INTERRUPTED = 130;

const out = (line = '') => process.stdout.write(`${line}\n`);

async function withCalls<T>(archivePath: string, create: boolean, run: (call: Call) => Promise<T>): Promise<T> {
  if (!create && !existsSync(archivePath)) {
    throw new UsageError(
      `there is no archive at ${archivePath} yet: import articles first ("archive-reader import <folder>")`,
    );
  }
  const { db, startup } = await openArchive(archivePath);
  for (const line of describeStartup(startup)) process.stderr.write(`${line}\n`);
  const handlers: ArchiveHandlers = createHandlers(db);
  try {
    return await run(async (method, args) => unwrap(await dispatch(handlers, method, args)) as Output<typeof method>);
  } finally {
    db.close();
  }
}

/** Every line of a run's report, read page by page. */
async function* reportLines(call: Call, runId: number): AsyncGenerator<ImportItem & { seq: number }> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await call('getImportReport', { runId, limit: PAGE, offset });
    yield* page.items;
    if (page.items.length < PAGE) return;
  }
}

const itemLine = (item: ImportItem) => {
  // An imported line's message is a note on how it was read ("decoded as windows-1252 (detected)").
  const imported = `#${item.articleId} ${item.title}${item.message ? ` — ${item.message}` : ''}`;
  const detail = item.status === 'imported' ? imported : (item.message ?? '');
  return `${item.status.padEnd(9)} ${item.path}${detail ? `  ${detail}` : ''}`;
};

const countsLine = (run: ImportRun) =>
  `${run.imported} imported, ${run.duplicates} already in the archive, ${run.skipped} skipped, ${run.failed} failed` +
  (run.nearDuplicates ? `, ${run.nearDuplicates} near-duplicates linked` : '') +
  (run.cancelled ? `, ${run.cancelled} not read (cancelled)` : '');

async function printReport(call: Call, run: ImportRun, json: boolean): Promise<void> {
  if (json) {
    const items = [];
    for await (const item of reportLines(call, run.id)) items.push(item);
    out(JSON.stringify({ run, items }, null, 2));
    return;
  }
  for await (const item of reportLines(call, run.id)) out(itemLine(item));
}

/**
 * import: runs the import as a job, with a progress bar on a terminal (plain lines otherwise) on
 * stderr; Ctrl-C cancels it between two items, stores what was read and prints the report.
 */
export async function importCommand(context: ImportContext): Promise<number> {
  if (context.positionals.length === 0) throw new UsageError('name the files or folders to import');
  return withCalls(context.archivePath, true, async (call) => {
    const { jobId } = await call('startImport', { paths: context.positionals });
    const display = progressDisplay();
    let cancelling = false;
    const cancel = () => {
      if (cancelling) return;
      cancelling = true;
      display.note('Cancelling: storing what was read so far…');
      void call('cancelImport', { jobId });
    };
    process.on('SIGINT', cancel);
    let job: ImportJob;
    try {
      for (;;) {
        job = await call('getImportProgress', { jobId });
        // Before its files are counted a job has no total yet: nothing to show.
        if (job.progress.total > 0 || job.state !== 'running') display.update(job.progress);
        if (job.state !== 'running') break;
        await sleep(POLL_MS);
      }
    } finally {
      process.off('SIGINT', cancel);
      display.stop();
    }
    if (job.state === 'failed') throw new Error(`the import stopped: ${job.error}`);
    const { run } = await call('getImportReport', { runId: job.runId, limit: 1 });
    if (context.json) {
      const items = [];
      for await (const item of reportLines(call, run.id)) items.push(item);
      const { imported, duplicates, nearDuplicates, skipped, failed } = run;
      const cancelled = run.status === 'cancelled';
      const left = run.cancelled;
      const report = { runId: run.id, imported, duplicates, nearDuplicates, skipped, failed, cancelled, left, items };
      out(JSON.stringify(report, null, 2));
    } else {
      await printReport(call, run, false);
      out(`\n${countsLine(run)} — archive: ${context.archivePath}`);
      if (run.status === 'cancelled') {
        out('The import was cancelled: run the same command again to import the rest (what is stored is skipped).');
      }
      out(`This report is kept: archive-reader report ${run.id}`);
    }
    if (run.status === 'cancelled') return INTERRUPTED;
    return run.failed > 0 && run.imported + run.duplicates === 0 ? 1 : 0;
  });
}

function integerOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${name} takes a whole number, not "${value}"`);
  return number;
}

/** imports: the stored import runs, newest first. */
export async function importsCommand(context: ImportContext): Promise<number> {
  if (context.positionals.length > 0) throw new UsageError('imports takes no arguments');
  const limit = integerOption(context.limit, 'limit', 20);
  const { total, runs } = await withCalls(context.archivePath, false, (call) =>
    call('listImportRuns', { limit: Math.min(limit, 500) }),
  );
  if (context.json) {
    out(JSON.stringify({ total, runs }, null, 2));
    return 0;
  }
  if (runs.length === 0) out('No import has been run on this archive yet.');
  for (const run of runs) {
    out(`${String(run.id).padStart(4)}  ${run.startedAt}  ${run.status.padEnd(11)}  ${countsLine(run)}`);
    out(`      ${run.paths.join(' ')}`);
  }
  if (total > runs.length) out(`(${runs.length} of ${total} runs: --limit N for more)`);
  return 0;
}

/** report <run>: one run's report, every line with its status and reason. */
export async function reportCommand(context: ImportContext): Promise<number> {
  const [given, ...rest] = context.positionals;
  const runId = Number(given);
  if (!given || rest.length > 0 || !Number.isInteger(runId) || runId < 1) {
    throw new UsageError('name one import run by its number (see "archive-reader imports")');
  }
  await withCalls(context.archivePath, false, async (call) => {
    const { run } = await call('getImportReport', { runId, limit: 1 });
    if (!context.json) {
      out(`Import ${run.id}, started ${run.startedAt}, ${run.status}${run.finishedAt ? ` at ${run.finishedAt}` : ''}`);
      out(`Paths: ${run.paths.join(' ')}`);
      if (run.error) out(`Stopped by: ${run.error}`);
      out(`${countsLine(run)}\n`);
    }
    await printReport(call, run, context.json);
  });
  return 0;
}
