import type { ImportReport } from '../../archive/api/contract.ts';
import type { ArchiveHost } from '../../archive/service/host.ts';
import { fillPlaceholders, type UiStrings } from '../i18n/strings.ts';
import { answerArchiveCall } from '../ipc/archive-call.ts';
import { batches, totalOf } from './open-requests.ts';

export type ImportTotal = Omit<ImportReport, 'items'>;

export type ImportOutcome = { ok: true; total: ImportTotal } | { ok: false; total: ImportTotal; message: string };

/**
 * Imports paths chosen in main (the menu's dialogs, files opened with the app) through the same
 * validation as the renderer's calls, in batches the contract accepts. Stops at the first batch
 * that fails as a whole (one bad file never does: the report lists it), keeping what was counted.
 */
export async function runImport(host: Pick<ArchiveHost, 'call'>, paths: readonly string[]): Promise<ImportOutcome> {
  const reports: ImportReport[] = [];
  for (const batch of batches(paths)) {
    const answer = await answerArchiveCall(host, { trusted: true, method: 'importPaths', args: { paths: batch } });
    if (!answer.ok) return { ok: false, total: totalOf(reports), message: answer.error.message };
    reports.push(answer.value as ImportReport);
  }
  return { ok: true, total: totalOf(reports) };
}

/** "3 imported, 1 already in the archive, 0 skipped, 0 failed." in the UI language. */
export function importSummary(strings: UiStrings, total: ImportTotal): string {
  return fillPlaceholders(strings.importSummary, { ...total });
}
