import type { Page } from './corpora.ts';
import { decoded } from './quality.ts';
import { bareReadability, ours } from './systems.ts';

export interface SpeedScores {
  pages: number;
  megabytes: number;
  rounds: number;
  /** Pages per second of our pipeline: decoding the bytes, extraction, metadata and sanitising (no storing). */
  ours: number;
  /** Pages per second of Readability alone on linkedom, given the pages already decoded. */
  bareReadability: number;
  /** ours / bareReadability. */
  ratio: number;
}

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const WARM_UP_PAGES = 50;

/**
 * Times both over the same pages, single-threaded, in alternating rounds after a short warm-up
 * of each, so that neither profits from running second; each one's fastest round counts.
 */
export function measureSpeed(pages: readonly Page[], rounds: number): SpeedScores {
  const strings = pages.map(decoded);
  const runOurs = () => pages.forEach(ours);
  const runBare = () => strings.forEach(bareReadability);
  pages.slice(0, WARM_UP_PAGES).forEach(ours);
  strings.slice(0, WARM_UP_PAGES).forEach(bareReadability);
  let bestOurs = Infinity;
  let bestBare = Infinity;
  for (let round = 0; round < rounds; round++) {
    bestOurs = Math.min(bestOurs, time(runOurs));
    bestBare = Math.min(bestBare, time(runBare));
  }
  const bytes = pages.reduce((sum, page) => sum + page.bytes.length, 0);
  return {
    pages: pages.length,
    megabytes: bytes / 1e6,
    rounds,
    ours: pages.length / bestOurs,
    bareReadability: pages.length / bestBare,
    ratio: bestBare / bestOurs,
  };
}
