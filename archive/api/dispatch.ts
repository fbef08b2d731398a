import { z } from 'zod';
import { contract, isMethodName, type ArchiveHandlers, type MethodName } from './contract.ts';
import { ApiError, errorEnvelope, type Envelope } from './envelope.ts';

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
    .join('; ');
}

/** Checks a call's method name and arguments against the contract, returning parsed arguments. */
export function validateCall(method: unknown, args: unknown): { method: MethodName; args: unknown } {
  if (!isMethodName(method)) throw new ApiError('unknown_method', `Unknown method: ${String(method)}`);
  const parsed = contract[method].input.safeParse(args ?? {});
  if (!parsed.success)
    throw new ApiError('invalid_argument', `Invalid arguments for ${method}: ${describeIssues(parsed.error)}`);
  return { method, args: parsed.data };
}

/** Runs one call on the server side of any transport and wraps the outcome in an envelope. */
export async function dispatch(handlers: ArchiveHandlers, method: unknown, args: unknown): Promise<Envelope<unknown>> {
  try {
    const call = validateCall(method, args);
    const handler = handlers[call.method] as (a: unknown) => unknown;
    return { ok: true, value: await handler(call.args) };
  } catch (error) {
    return errorEnvelope(error);
  }
}
