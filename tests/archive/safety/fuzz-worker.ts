// Runs fuzzImporter off the test's thread, reporting each input so a hang can be pinned down.
import { parentPort, workerData } from 'node:worker_threads';
import { fuzzImporter, type FuzzOptions, type FuzzTarget } from './fuzz-harness.ts';

const { module, exportName, options } = workerData as { module: string; exportName: string; options: FuzzOptions };
const port = parentPort;
if (!port) throw new Error('fuzz-worker must run in a worker thread');
try {
  const target = (await import(module))[exportName] as FuzzTarget;
  const stats = await fuzzImporter(target, {
    ...options,
    onRun: (run, files) =>
      port.postMessage({
        type: 'run',
        description: `run ${run}: ${files.map((f) => `${f.name} (${f.bytes} bytes)`).join(', ')}`,
      }),
  });
  port.postMessage({ type: 'done', stats });
} catch (error) {
  port.postMessage({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
}
