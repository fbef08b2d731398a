import cliProgress from 'cli-progress';
import type { ImportProgress } from '../api/contract.ts';

/** Shows an import's progress on stderr while it runs. */
export interface ProgressDisplay {
  update(progress: ImportProgress): void;
  /** A line of its own (a notice), without breaking the bar. */
  note(line: string): void;
  stop(): void;
}

/** Plain lines are printed at each tenth of the files (or of the one long file), and at least this often. */
const PLAIN_INTERVAL_MS = 5000;

export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '?';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}

/** The file's name and the end of its folder, to fit a terminal line. */
function shortPath(path: string | null, width: number): string {
  if (!path) return '';
  return path.length <= width ? path : `…${path.slice(path.length - width + 1)}`;
}

/** " (43% of it, 1234 items)": how far into a file of many items reading is. */
function withinFile(progress: ImportProgress): string {
  const share = progress.currentFileShare;
  return share === null ? '' : ` (${Math.floor(share * 100)}% of it, ${progress.currentFileItems} items)`;
}

/** "120/450 files (26%), 85 items/s, about 4 s left: /path/file.txt" */
export function progressLine(progress: ImportProgress): string {
  const { done, total, itemsPerSecond, etaSeconds, currentFile } = progress;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const eta = etaSeconds === null ? '' : `, about ${formatSeconds(etaSeconds)} left`;
  const file = currentFile && done < total ? `: ${currentFile}${withinFile(progress)}` : '';
  return (
    `${done}/${total} files (${percent}%), ${progress.imported} imported, ${progress.duplicates} already there, ` +
    `${progress.skipped} skipped, ${progress.failed} failed, ${itemsPerSecond.toFixed(1)} items/s${eta}${file}`
  );
}

/** A bar redrawn in place, for a terminal. */
function barDisplay(stream: NodeJS.WriteStream): ProgressDisplay {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {percentage}% | {value}/{total} files | {rate} items/s | {left} left | {file}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const payload = (progress: ImportProgress) => ({
    rate: progress.itemsPerSecond.toFixed(1),
    left: formatSeconds(progress.etaSeconds),
    file: `${shortPath(progress.currentFile, Math.max(10, (stream.columns ?? 80) - 105))}${withinFile(progress)}`,
  });
  return {
    update(progress) {
      if (!started) {
        bar.start(progress.total, progress.done, payload(progress));
        started = true;
        return;
      }
      bar.setTotal(progress.total);
      bar.update(progress.done, payload(progress));
    },
    note(line) {
      if (started) bar.stop();
      stream.write(`${line}\n`);
      started = false;
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/** Lines for a log or a pipe: at each tenth of the way, every few seconds, and at the end. */
function plainDisplay(stream: NodeJS.WritableStream, intervalMs: number): ProgressDisplay {
  let lastTenth = -1;
  let lastAt = 0;
  let last: ImportProgress | null = null;
  let lastPrinted: ImportProgress | null = null;
  const print = (progress: ImportProgress) => {
    stream.write(`${progressLine(progress)}\n`);
    lastPrinted = progress;
    lastAt = performance.now();
  };
  return {
    update(progress) {
      last = progress;
      const read = progress.done + (progress.currentFileShare ?? 0);
      const tenth = progress.total > 0 ? Math.floor((read / progress.total) * 10) : 10;
      if (tenth > lastTenth || performance.now() - lastAt >= intervalMs) {
        lastTenth = tenth;
        print(progress);
      }
    },
    note(line) {
      stream.write(`${line}\n`);
    },
    stop() {
      if (last && last !== lastPrinted) print(last);
    },
  };
}

export function progressDisplay(stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  return stream.isTTY ? barDisplay(stream) : plainDisplay(stream, PLAIN_INTERVAL_MS);
}
