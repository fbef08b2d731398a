import type { Envelope } from '../api/envelope.ts';
import type { StartupReport } from '../safety/startup-check.ts';

/** Messages between an ArchiveHost and its worker. */
export interface WorkerStartup {
  archivePath: string;
  /** Where the import's extraction workers are, when the build bundles them (file URL); else beside their source. */
  extractionWorkerUrl?: string;
}

export type WorkerRequest = { type: 'call'; id: number; method: string; args: unknown } | { type: 'close' };

export type WorkerReply =
  | { type: 'ready'; startup: StartupReport }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; envelope: Envelope<unknown> }
  | { type: 'closed' };
