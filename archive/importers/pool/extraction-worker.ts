import { parentPort } from 'node:worker_threads';
import { languageDetector } from '../../text/detect-language.ts';
import { describeError } from '../describe-error.ts';
import type { FileImporter, ImportedEntry } from '../file-importer.ts';
import { textFileImporter } from '../text-file.ts';
import { completeEntry } from './complete-article.ts';
import { entryWeight, type PooledEntry, type PoolReply, type PoolRequest } from './protocol.ts';

// An extraction worker: reads files with their importers and completes their articles (language,
// dates, index analysis, fingerprint), one file at a time in the order given; the writer stores them.
const port = parentPort;
if (!port) throw new Error('the extraction worker must run in a worker thread');

/** Entries sent at once: fewer messages for files of many small articles. */
const CHUNK = 16;
/**
 * How far (in entry weight) the worker may read ahead of the writer before it waits: more than the
 * writer's batch, so the workers keep reading while it stores one.
 */
const WINDOW = 256;

const jobs: { job: number; path: string; repeatedLines: string[] }[] = [];
let credit = WINDOW;
let wake: (() => void) | null = null;
const sleep = () => new Promise<void>((resolve) => (wake = resolve));

port.on('message', (request: PoolRequest) => {
  if (request.type === 'credit') credit += request.weight;
  else jobs.push(request);
  wake?.();
  wake = null;
});

const detectLanguage = await languageDetector();
port.postMessage({ type: 'ready' } satisfies PoolReply);

/**
 * The registry loads every importer, about half a second of a worker's start: an import of text files,
 * the most numerous, needs only the text importer (the registry gives it for those endings too).
 */
async function importerOf(path: string): Promise<FileImporter | null> {
  const name = path.toLowerCase();
  if (textFileImporter.extensions.some((ending) => name.endsWith(ending))) return textFileImporter;
  return (await import('../registry.ts')).importerFor(path);
}

async function read(job: number, path: string, repeatedLines: string[]): Promise<void> {
  let chunk: PooledEntry[] = [];
  let weight = 0;
  const send = (done = false, error?: string) => {
    if (!chunk.length && !done) return;
    port?.postMessage({ type: 'entries', job, entries: chunk, weight, done, error } satisfies PoolReply);
    credit -= weight;
    chunk = [];
    weight = 0;
  };
  try {
    const importer = await importerOf(path);
    if (!importer) throw new Error('not a supported file type');
    const lines = new Set(repeatedLines);
    const context = { repeatedEdges: { of: () => lines } };
    for await (const entry of importer.read(path, context) as AsyncIterable<ImportedEntry>) {
      const pooled = completeEntry(entry, path, detectLanguage, true);
      chunk.push(pooled);
      weight += entryWeight(pooled);
      if (chunk.length >= CHUNK || weight >= CHUNK) {
        send();
        while (credit <= 0) await sleep();
      }
    }
    send(true);
  } catch (error) {
    send(true, describeError(error));
  }
}

for (;;) {
  const next = jobs.shift();
  if (next) await read(next.job, next.path, next.repeatedLines);
  else await sleep();
}
