import { parentPort, workerData } from 'node:worker_threads';
import type { ArchiveHandlers } from '../api/contract.ts';
import { dispatch } from '../api/dispatch.ts';
import { restoreBackup, startBackupSchedule, type BackupSchedule } from '../backup/backups.ts';
import { openArchive, type ArchiveDb } from '../db/open.ts';
import type { StartupReport } from '../safety/startup-check.ts';
import { ImportJobs } from '../imports/import-jobs.ts';
import { setExtractionWorkerUrl } from '../importers/pool/extraction-pool.ts';
import { createHandlers } from './handlers.ts';
import type { WorkerReply, WorkerRequest, WorkerStartup } from './protocol.ts';
import type { ArchiveSession } from './safety-handlers.ts';

// The archive's single writer, off the UI/HTTP thread: calls are handled one at a time, in order.
const port = parentPort;
if (!port) throw new Error('archive worker must run in a worker thread');

/** The open connection and everything built on it: replaced as a whole when a backup is restored. */
interface OpenArchive {
  db: ArchiveDb;
  handlers: ArchiveHandlers;
  backups: BackupSchedule;
  /** Import jobs run between calls, outside the queue: cancelled and waited for before the connection closes. */
  imports: ImportJobs;
}

const { archivePath, extractionWorkerUrl } = workerData as WorkerStartup;
if (extractionWorkerUrl) setExtractionWorkerUrl(new URL(extractionWorkerUrl));
try {
  const opened = await openArchive(archivePath);
  let startup: StartupReport = opened.startup;
  let current: OpenArchive;
  const session: ArchiveSession = {
    archivePath,
    startup: () => startup,
    // Runs as one call of the queue, so no other call is in flight: those sent meanwhile wait for it and
    // then run on the reopened connection, with handlers built afresh on it.
    restore: async (backupPath) => {
      await current.imports.stop();
      await current.backups.stop();
      current.db.close();
      try {
        return await restoreBackup(archivePath, backupPath);
      } finally {
        // The restored backup, or the archive as it was when the backup was refused.
        const reopened = await openArchive(archivePath);
        current = use(reopened.db);
        if (reopened.startup.outcome !== 'clean') startup = reopened.startup;
      }
    },
  };
  const use = (db: ArchiveDb, imports = new ImportJobs(db)): OpenArchive => ({
    db,
    imports,
    handlers: createHandlers(db, session, imports),
    // A backup at start when the newest is over a day old, then daily while the archive is open.
    backups: startBackupSchedule(db, archivePath, {
      onError: (error) => console.error(`archive-reader: the daily backup failed: ${(error as Error).message}`),
    }),
  });
  current = use(opened.db);

  let queue = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'close') {
      queue = queue.then(async () => {
        await current.imports.stop();
        await current.backups.stop();
        current.db.close();
        port.postMessage({ type: 'closed' } satisfies WorkerReply);
      });
      return;
    }
    queue = queue.then(async () => {
      const envelope = await dispatch(current.handlers, request.method, request.args);
      port.postMessage({ type: 'reply', id: request.id, envelope } satisfies WorkerReply);
    });
  });
  port.postMessage({ type: 'ready', startup } satisfies WorkerReply);
} catch (error) {
  port.postMessage({
    type: 'failed',
    message: error instanceof Error ? error.message : String(error),
  } satisfies WorkerReply);
}
