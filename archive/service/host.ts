import { Worker } from 'node:worker_threads';
import type { MethodName } from '../api/contract.ts';
import type { Envelope } from '../api/envelope.ts';
import type { StartupReport } from '../safety/startup-check.ts';
import type { WorkerReply, WorkerRequest, WorkerStartup } from './protocol.ts';

/** The archive core running in its own thread, reached by message passing. */
export interface ArchiveHost {
  /** What opening the archive found and did (a check after an unclean exit, a repair); show its messages. */
  startup: StartupReport;
  call(method: MethodName, args: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

/** Under Node the worker runs from its TypeScript source; Electron's build bundles it beside main. */
export const SOURCE_WORKER_URL = new URL('./worker.ts', import.meta.url);

/** Starts the worker on an archive file and resolves once the archive is open and migrated. */
export function startArchiveHost(options: {
  archivePath: string;
  workerUrl?: URL;
  extractionWorkerUrl?: URL;
}): Promise<ArchiveHost> {
  const worker = new Worker(options.workerUrl ?? SOURCE_WORKER_URL, {
    workerData: {
      archivePath: options.archivePath,
      extractionWorkerUrl: options.extractionWorkerUrl?.href,
    } satisfies WorkerStartup,
  });
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  let nextId = 1;
  let closed: (() => void) | null = null;

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  };

  return new Promise((resolveStart, rejectStart) => {
    worker.on('error', (error) => {
      rejectStart(error);
      failAll(`The archive worker stopped: ${error.message}`);
    });
    worker.on('exit', () => {
      failAll('The archive worker has exited.');
      closed?.();
    });
    worker.on('message', (reply: WorkerReply) => {
      switch (reply.type) {
        case 'ready':
          resolveStart({
            startup: reply.startup,
            call(method, args) {
              const id = nextId++;
              return new Promise((resolve) => {
                pending.set(id, resolve);
                worker.postMessage({ type: 'call', id, method, args } satisfies WorkerRequest);
              });
            },
            close() {
              return new Promise((resolve) => {
                closed = resolve;
                worker.postMessage({ type: 'close' } satisfies WorkerRequest);
              });
            },
          });
          break;
        case 'failed':
          rejectStart(new Error(reply.message));
          void worker.terminate();
          break;
        case 'reply':
          pending.get(reply.id)?.(reply.envelope);
          pending.delete(reply.id);
          break;
        case 'closed':
          void worker.terminate();
          break;
      }
    });
  });
}
