import { performance } from 'node:perf_hooks';
import { QUERIES, QUERY_CLASSES, type BenchQuery, type QueryClass } from './queries.ts';

export interface Latency {
  p50Ms: number;
  p99Ms: number;
}

export interface QueryTiming extends Latency {
  class: QueryClass;
  query: string;
  /** The query as the engine received it. */
  sent: string;
  hits: number;
}

export interface QueryTimings extends Latency {
  rounds: number;
  samples: number;
  byClass: Record<QueryClass, Latency>;
  /**
   * The process's CPU time per query (user and system): unlike the wall time, hardly inflated when
   * other work shares the machine's cores, which says whether a slow run was the queries or the machine.
   */
  cpu: Latency & { byClass: Record<QueryClass, Latency> };
  perQuery: QueryTiming[];
}

/** Nearest-rank percentile of ascending samples. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function latency(samples: number[]): Latency {
  const sorted = samples.toSorted((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

export interface PreparedQuery {
  sent: string;
  /** Runs the query once and returns its number of hits. */
  run(): number;
}

/**
 * Runs every query of the set once per round, the set in order each round, after one untimed
 * warm-up round (statement preparation, JIT, caches).
 */
export function timeQueries(rounds: number, prepare: (query: BenchQuery) => PreparedQuery): QueryTimings {
  const prepared = QUERIES.map((query) => ({
    query,
    ...prepare(query),
    samples: [] as number[],
    cpuSamples: [] as number[],
    hits: 0,
  }));
  for (let round = 0; round <= rounds; round++) {
    for (const entry of prepared) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      entry.hits = entry.run();
      const cpu = process.cpuUsage(cpuStart);
      if (round > 0) {
        entry.samples.push(performance.now() - start);
        entry.cpuSamples.push((cpu.user + cpu.system) / 1000);
      }
    }
  }
  type Entry = (typeof prepared)[number];
  const summary = (samplesOf: (entry: Entry) => number[]) => ({
    ...latency(prepared.flatMap(samplesOf)),
    byClass: Object.fromEntries(
      QUERY_CLASSES.map((queryClass) => [
        queryClass,
        latency(prepared.filter((entry) => entry.query.class === queryClass).flatMap(samplesOf)),
      ]),
    ) as Record<QueryClass, Latency>,
  });
  return {
    rounds,
    samples: prepared.reduce((sum, entry) => sum + entry.samples.length, 0),
    ...summary((entry) => entry.samples),
    cpu: summary((entry) => entry.cpuSamples),
    perQuery: prepared.map((entry) => ({
      class: entry.query.class,
      query: entry.query.text,
      sent: entry.sent,
      hits: entry.hits,
      ...latency(entry.samples),
    })),
  };
}

/** Seconds spent in `work`, which is handed each batch in turn; producing the batches is not timed. */
export function timeBatches<T>(items: Iterable<T>, size: number, work: (batch: T[]) => void): number {
  let seconds = 0;
  const timed = (batch: T[]) => {
    const start = performance.now();
    work(batch);
    seconds += (performance.now() - start) / 1000;
  };
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      timed(batch);
      batch = [];
    }
  }
  if (batch.length > 0) timed(batch);
  return seconds;
}

/** The process's peak resident set size so far, in MB (maxRSS is in KB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
