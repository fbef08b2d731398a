import type { Page } from './corpora.ts';
import { decoded } from './quality.ts';
import { bareReadability, ours } from './systems.ts';

export interface SpeedScores {
  pages: number;
  megabytes: number;
  /** Timed rounds over the pages; each page counts with its fastest. */
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
 * Times both on the same pages, single-threaded, page by page in turn (which goes first
 * alternating), so that a machine busy with something else slows both alike; a page's time is its
 * fastest over the rounds, after a short warm-up of each.
 */
export function measureSpeed(pages: readonly Page[], rounds: number): SpeedScores {
  const strings = pages.map(decoded);
  pages.slice(0, WARM_UP_PAGES).forEach(ours);
  strings.slice(0, WARM_UP_PAGES).forEach(bareReadability);
  const oursTimes = pages.map(() => Infinity);
  const bareTimes = pages.map(() => Infinity);
  for (let round = 0; round < rounds; round++) {
    pages.forEach((page, index) => {
      const runOurs = () =>
        (oursTimes[index] = Math.min(
          oursTimes[index] ?? Infinity,
          time(() => ours(page)),
        ));
      const runBare = () =>
        (bareTimes[index] = Math.min(
          bareTimes[index] ?? Infinity,
          time(() => bareReadability(strings[index] ?? '')),
        ));
      if ((index + round) % 2 === 0) {
        runOurs();
        runBare();
      } else {
        runBare();
        runOurs();
      }
    });
  }
  const sum = (times: number[]) => times.reduce((total, seconds) => total + seconds, 0);
  const bytes = pages.reduce((total, page) => total + page.bytes.length, 0);
  return {
    pages: pages.length,
    megabytes: bytes / 1e6,
    rounds,
    ours: pages.length / sum(oursTimes),
    bareReadability: pages.length / sum(bareTimes),
    ratio: sum(bareTimes) / sum(oursTimes),
  };
}
