import type { ImportReport } from '../../archive/api/contract.ts';
import { validateCall } from '../../archive/api/dispatch.ts';
import { ApiError, errorEnvelope, type Envelope } from '../../archive/api/envelope.ts';
import type { ArchiveHost } from '../../archive/service/host.ts';
import type { ArchiveChange } from '../../preload/desktop-api.ts';

/** One archive call as it arrives over IPC; nothing in it is trusted yet. */
export interface IncomingCall {
  /** Whether the sending frame passed `isTrustedSender`. */
  trusted: boolean;
  method: unknown;
  args: unknown;
}

/**
 * Answers an archive call with an envelope, never a rejection, so the renderer always learns the
 * error's kind. Main checks the sender and validates the call against the contract itself, so
 * nothing malformed or unauthorised ever reaches the worker.
 */
export async function answerArchiveCall(
  host: Pick<ArchiveHost, 'call'>,
  call: IncomingCall,
): Promise<Envelope<unknown>> {
  if (!call.trusted) return errorEnvelope(new ApiError('forbidden', 'This page may not use the archive.'));
  try {
    const valid = validateCall(call.method, call.args);
    return await host.call(valid.method, valid.args);
  } catch (error) {
    return errorEnvelope(error);
  }
}

/**
 * The change an answered call made to the archive, for `window.archiveEvents`: an import that
 * stored at least one new article; null for everything else (reads, failures, only duplicates).
 */
export function archiveChangeOf(method: unknown, answer: Envelope<unknown>): ArchiveChange | null {
  if (method !== 'importPaths' || !answer.ok) return null;
  const imported = (answer.value as Partial<ImportReport> | null)?.imported;
  return typeof imported === 'number' && imported > 0 ? { reason: 'import', imported } : null;
}
