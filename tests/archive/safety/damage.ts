import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { seededRandom } from './synthetic.ts';

/** The pid of a process that has exited: a marker with it was left by a crash. */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid as number;
}

/** Leaves the marker a process killed with the archive open would leave. */
export function leaveStaleMarker(archivePath: string): string {
  const path = `${archivePath}.open-${deadPid()}-deadbeef`;
  writeFileSync(path, JSON.stringify({ pid: 0, startedAt: new Date().toISOString() }));
  return path;
}

/** Overwrites `count` whole pages (never page 1, the header) with random bytes, as a failing disk would. */
export function damagePages(path: string, count: number, seed = 7, only?: number[]): number[] {
  const fd = openSync(path, 'r+');
  try {
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
    const pages = Math.floor(statSync(path).size / pageSize);
    const random = seededRandom(seed);
    const damaged = new Set<number>();
    const pool = only ?? Array.from({ length: pages - 1 }, (_, i) => i + 2);
    while (damaged.size < Math.min(count, pool.length)) damaged.add(pool[Math.floor(random() * pool.length)] as number);
    for (const page of damaged) {
      const garbage = Buffer.alloc(pageSize);
      for (let i = 0; i < pageSize; i++) garbage[i] = Math.floor(random() * 256);
      writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
    }
    return [...damaged];
  } finally {
    closeSync(fd);
  }
}

/** The pages of the named tables and indexes (the archive must be closed, its WAL folded in). */
export function pagesOf(path: string, names: (name: string) => boolean): number[] {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT name, pageno FROM dbstat').all() as { name: string; pageno: number }[];
    return rows.filter((row) => names(row.name)).map((row) => row.pageno);
  } finally {
    db.close();
  }
}
