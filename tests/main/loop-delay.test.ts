import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  LOOP_STATS_ENV,
  formatLoopDelayLine,
  loopDelayStats,
  parseLoopDelayLine,
  startLoopDelayMonitor,
} from '../../main/diagnostics/loop-delay.ts';

describe('loop delay monitor', () => {
  it('is off unless ARCHIVE_READER_LOOP_STATS=1', () => {
    assert.equal(startLoopDelayMonitor({}), null);
    assert.equal(startLoopDelayMonitor({ [LOOP_STATS_ENV]: '0' }), null);
    assert.equal(startLoopDelayMonitor({ [LOOP_STATS_ENV]: 'true' }), null);
  });

  it('measures a real stall of the event loop', async () => {
    const monitor = startLoopDelayMonitor({ [LOOP_STATS_ENV]: '1' }, 5);
    assert.ok(monitor);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const until = Date.now() + 120;
    while (Date.now() < until) {
      // Block the loop, as a synchronous task in main would.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stats = monitor.stop();
    assert.ok(stats.samples > 0);
    assert.ok(stats.maxMs >= 100, `max ${stats.maxMs} ms`);
    assert.ok(stats.minMs <= stats.p50Ms && stats.p50Ms <= stats.p99Ms && stats.p99Ms <= stats.maxMs);
  });

  it('converts nanoseconds to milliseconds, and reports an empty histogram as zeros', () => {
    const histogram = { count: 3, min: 1e6, mean: 2.5e6, max: 9.87654e6, percentile: (p: number) => p * 1e5 };
    assert.deepEqual(loopDelayStats(histogram), {
      samples: 3,
      minMs: 1,
      meanMs: 2.5,
      p50Ms: 5,
      p99Ms: 9.9,
      maxMs: 9.877,
    });
    const empty = { count: 0, min: 9e18, mean: Number.NaN, max: 0, percentile: () => 0 };
    assert.deepEqual(loopDelayStats(empty), { samples: 0, minMs: 0, meanMs: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 });
  });

  it('prints one line that the end-to-end run can read back from the app’s output', () => {
    const stats = { samples: 10, minMs: 10, meanMs: 10.2, p50Ms: 10.1, p99Ms: 12.5, maxMs: 14 };
    const line = formatLoopDelayLine(stats);
    assert.doesNotMatch(line, /\n/);
    assert.deepEqual(parseLoopDelayLine(`starting\n[warn] x\n${line}\r\nbye\n`), stats);
    assert.equal(parseLoopDelayLine('nothing here'), null);
    assert.equal(parseLoopDelayLine(`${line.slice(0, -3)}`), null);
    assert.equal(parseLoopDelayLine(formatLoopDelayLine({ ...stats, p99Ms: Number.NaN })), null);
  });
});
