import type { ArchiveApi, Input, Output } from './contract.ts';
import { unwrap, type Envelope } from './envelope.ts';
import { METHOD_NAMES, type MethodName } from './methods.ts';

/**
 * The contract as a transport carries it: each method answers an envelope. Unlike a thrown error,
 * an envelope crosses Electron's context bridge and HTTP with its error kind intact.
 */
export type ArchiveBridge = { [M in MethodName]: (args: Input<M>) => Promise<Envelope<Output<M>>> };

/** Sends one call over a transport (IPC, HTTP) and resolves with the envelope it answered. */
export type SendCall = (method: MethodName, args: unknown) => Promise<Envelope<unknown>>;

type AnyMethod = (args: unknown) => Promise<unknown>;

export function bridgeFrom(send: SendCall): ArchiveBridge {
  return Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (args: unknown) => send(method, args)]),
  ) as ArchiveBridge;
}

/** The API the renderer uses: values, with errors rethrown as ApiError of the same kind. */
export function clientFromBridge(bridge: ArchiveBridge): ArchiveApi {
  return Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      (args: unknown) => (bridge[method] as AnyMethod)(args).then((envelope) => unwrap(envelope as Envelope<unknown>)),
    ]),
  ) as ArchiveApi;
}
