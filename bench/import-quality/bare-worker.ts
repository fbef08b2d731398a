import { parentPort, workerData } from 'node:worker_threads';
import { bareReadability } from './systems.ts';

// One core's share of the baseline: bare Readability on linkedom over the pages it is given, decoded.
const pages = workerData as string[];
let found = 0;
for (const html of pages) if (bareReadability(html)) found += 1;
parentPort?.postMessage(found);
