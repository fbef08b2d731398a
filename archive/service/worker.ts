import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from '../api/dispatch.ts';
import { startBackupSchedule } from '../backup/backups.ts';
import { openArchive } from '../db/open.ts';
import { createHandlers } from './handlers.ts';
import type { WorkerReply, WorkerRequest, WorkerStartup } from './protocol.ts';

// The archive's single writer, off the UI/HTTP thread: calls are handled one at a time, in order.
const port = parentPort;
if (!port) throw new Error('archive worker must run in a worker thread');

const { archivePath } = workerData as WorkerStartup;
try {
  const { db, startup } = await openArchive(archivePath);
  const handlers = createHandlers(db);
  // A backup at start when the newest is over a day old, then daily while the archive is open.
  const backups = startBackupSchedule(db, archivePath, {
    onError: (error) => console.error(`archive-reader: the daily backup failed: ${(error as Error).message}`),
  });
  let queue = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    if (request.type === 'close') {
      queue = queue.then(async () => {
        await backups.stop();
        db.close();
        port.postMessage({ type: 'closed' } satisfies WorkerReply);
      });
      return;
    }
    queue = queue.then(async () => {
      const envelope = await dispatch(handlers, request.method, request.args);
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
