import { validateCall } from '../../archive/api/dispatch.ts';
import { ApiError, errorEnvelope, type Envelope } from '../../archive/api/envelope.ts';
import type { ArchiveHost } from '../../archive/service/host.ts';

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
