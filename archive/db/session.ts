import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Each process that opens an archive leaves a marker file beside it, `<archive>.open-<pid>-<random>`,
 * removed when the archive is closed (or the process exits normally). A marker whose process is
 * gone means that process died with the archive open — killed, crashed, or the machine lost power —
 * and the next open checks the file before using it.
 */
export interface SessionMarker {
  path: string;
  pid: number;
  startedAt: string | null;
}

const MARKER = '.open-';

/** Whether a process still runs (signal 0 only checks). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Every marker of an archive, split into those of live processes and those left by dead ones. */
export function sessionMarkers(archivePath: string): { live: SessionMarker[]; stale: SessionMarker[] } {
  const folder = dirname(archivePath);
  const prefix = basename(archivePath) + MARKER;
  const live: SessionMarker[] = [];
  const stale: SessionMarker[] = [];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return { live, stale };
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    const path = join(folder, name);
    let startedAt: string | null = null;
    try {
      startedAt = (JSON.parse(readFileSync(path, 'utf8')) as { startedAt?: string }).startedAt ?? null;
    } catch {
      // A marker cut short by the crash it records still counts.
    }
    (processAlive(pid) ? live : stale).push({ path, pid, startedAt });
  }
  return { live, stale };
}

const ours = new Set<string>();
process.once('exit', () => {
  for (const path of ours) rmSync(path, { force: true });
});

/** Leaves this process's marker beside the archive; the returned function removes it. */
export function beginSession(archivePath: string): () => void {
  const path = `${archivePath}${MARKER}${process.pid}-${randomBytes(4).toString('hex')}`;
  writeFileSync(path, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
  ours.add(path);
  return () => {
    ours.delete(path);
    rmSync(path, { force: true });
  };
}

/** Removes the markers of dead processes, once their archive has been checked. */
export function clearStaleMarkers(markers: readonly SessionMarker[]): void {
  for (const marker of markers) rmSync(marker.path, { force: true });
}
