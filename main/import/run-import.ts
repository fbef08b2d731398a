import { setTimeout as sleep } from 'node:timers/promises';
import type { ImportJob, ImportReport } from '../../archive/api/contract.ts';
import type { ArchiveHost } from '../../archive/service/host.ts';
import { fillPlaceholders, type UiStrings } from '../i18n/strings.ts';
import { answerArchiveCall } from '../ipc/archive-call.ts';
import { batches, totalOf } from './open-requests.ts';

export type ImportTotal = Pick<ImportReport, 'imported' | 'duplicates' | 'skipped' | 'failed'>;

export type ImportOutcome =
  { ok: true; total: ImportTotal; cancelled: boolean } | { ok: false; total: ImportTotal; message: string };

export interface RunImportOptions {
  /** Called with each job's id as it starts, so the page can show its progress and its report. */
  onStarted?: (jobId: number) => void;
  /** How often a running job is asked how far it is. */
  pollMs?: number;
}

/**
 * Imports paths chosen in main (the menu's dialogs, files opened with the app) as import jobs,
 * through the same validation as the renderer's calls, in batches the contract accepts; each job
 * runs in the archive worker between other calls, so the page stays usable and can cancel it.
 * Stops at the first batch that fails as a whole (one bad file never does: the report lists it)
 * or is cancelled, keeping what was counted.
 */
export async function runImport(
  host: Pick<ArchiveHost, 'call'>,
  paths: readonly string[],
  options: RunImportOptions = {},
): Promise<ImportOutcome> {
  const reports: ImportReport[] = [];
  const call = (method: 'startImport' | 'getImportProgress', args: unknown) =>
    answerArchiveCall(host, { trusted: true, method, args });
  for (const batch of batches(paths)) {
    const started = await call('startImport', { paths: batch });
    if (!started.ok) return { ok: false, total: totalOf(reports), message: started.error.message };
    const { jobId } = started.value as { jobId: number };
    options.onStarted?.(jobId);
    let job: ImportJob;
    for (;;) {
      const answer = await call('getImportProgress', { jobId });
      if (!answer.ok) return { ok: false, total: totalOf(reports), message: answer.error.message };
      job = answer.value as ImportJob;
      if (job.state !== 'running') break;
      await sleep(options.pollMs ?? 500);
    }
    const { imported, duplicates, skipped, failed } = job.progress;
    reports.push({ imported, duplicates, skipped, failed, items: [] });
    if (job.state === 'failed') return { ok: false, total: totalOf(reports), message: job.error ?? 'import failed' };
    if (job.state === 'cancelled') return { ok: true, total: totalOf(reports), cancelled: true };
  }
  return { ok: true, total: totalOf(reports), cancelled: false };
}

/** "3 imported, 1 already in the archive, 0 skipped, 0 failed." in the UI language. */
export function importSummary(strings: UiStrings, total: ImportTotal): string {
  return fillPlaceholders(strings.importSummary, { ...total });
}
