import { parentPort } from 'node:worker_threads';

// The extraction worker, except that a file whose name says "crash" stops it, as a crash in a parser
// or a native module would. Listening first, it sees each request before the real worker does.
parentPort?.on('message', (request: { type: string; path?: string }) => {
  if (request.type === 'read' && request.path?.includes('crash')) throw new Error('a parser crashed');
});
await import('../../../../archive/importers/pool/extraction-worker.ts');
