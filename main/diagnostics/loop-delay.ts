import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * The main process's responsiveness: how late its event loop runs timers. Every window's input,
 * IPC and protocol request waits on this loop, so a long synchronous task here freezes the whole
 * app. With ARCHIVE_READER_LOOP_STATS=1 the delays are sampled from start to quit and printed on
 * stdout as one line, for the end-to-end run to read.
 */
export const LOOP_STATS_ENV = 'ARCHIVE_READER_LOOP_STATS';
export const LOOP_STATS_PREFIX = 'archive-reader loop-delay ';

export interface LoopDelayStats {
  samples: number;
  minMs: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const NS_PER_MS = 1e6;
const ms = (nanoseconds: number) => Math.round((nanoseconds / NS_PER_MS) * 1000) / 1000;

/** The histogram's figures in milliseconds (it records nanoseconds). */
export function loopDelayStats(
  histogram: Pick<IntervalHistogram, 'count' | 'min' | 'mean' | 'max' | 'percentile'>,
): LoopDelayStats {
  const samples = histogram.count;
  if (samples === 0) return { samples, minMs: 0, meanMs: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 };
  return {
    samples,
    minMs: ms(histogram.min),
    meanMs: ms(histogram.mean),
    p50Ms: ms(histogram.percentile(50)),
    p99Ms: ms(histogram.percentile(99)),
    maxMs: ms(histogram.max),
  };
}

export function formatLoopDelayLine(stats: LoopDelayStats): string {
  return `${LOOP_STATS_PREFIX}${JSON.stringify(stats)}`;
}

/** The stats printed in a process's output, or null when it printed none. */
export function parseLoopDelayLine(output: string): LoopDelayStats | null {
  const line = output.split(/\r?\n/).find((candidate) => candidate.startsWith(LOOP_STATS_PREFIX));
  if (!line) return null;
  try {
    const stats = JSON.parse(line.slice(LOOP_STATS_PREFIX.length)) as Partial<LoopDelayStats>;
    const fields = [stats.samples, stats.minMs, stats.meanMs, stats.p50Ms, stats.p99Ms, stats.maxMs];
    return fields.every((value) => typeof value === 'number' && Number.isFinite(value))
      ? (stats as LoopDelayStats)
      : null;
  } catch {
    return null;
  }
}

export interface LoopDelayMonitor {
  /** Stops sampling and returns what was measured. */
  stop(): LoopDelayStats;
}

/** Starts sampling when the environment asks for it (ARCHIVE_READER_LOOP_STATS=1); else null. */
export function startLoopDelayMonitor(
  env: NodeJS.ProcessEnv = process.env,
  resolutionMs = 10,
): LoopDelayMonitor | null {
  if (env[LOOP_STATS_ENV] !== '1') return null;
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      return loopDelayStats(histogram);
    },
  };
}
