// Runs fuzzRead off the test's thread, telling the test each input so a hang can be pinned down.
import { parentPort, workerData } from 'node:worker_threads';
import { fuzzRead, type ReadTarget } from './fuzz-read-harness.ts';

const { module, exportName, options } = workerData as {
  module: string;
  exportName: string;
  options: { runs: number; seed: number; inputTimeoutMs: number; keepFailingIn?: string };
};
const port = parentPort;
if (!port) throw new Error('fuzz-read-worker must run in a worker thread');
try {
  const target = (await import(module))[exportName] as ReadTarget;
  const stats = await fuzzRead(target, {
    ...options,
    onInput: (path, label) => port.postMessage({ type: 'input', path, label }),
  });
  port.postMessage({ type: 'done', stats });
} catch (error) {
  port.postMessage({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
}
