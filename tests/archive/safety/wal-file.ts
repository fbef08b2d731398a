import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

/**
 * Where a -wal may be cut to simulate a power cut: anywhere from the end of the frames already
 * copied into the database file (a checkpoint flushes the WAL before it writes them, so a real
 * power cut cannot lose those) to the end of the file. Read from the -wal header (page size) and the
 * -shm's checkpoint info (nBackfill, nBackfillAttempted); null when there is nothing to cut.
 */
export function walTearRange(archivePath: string): { from: number; to: number; frames: number } | null {
  const wal = `${archivePath}-wal`;
  const shm = `${archivePath}-shm`;
  if (!existsSync(wal) || !existsSync(shm)) return null;
  const size = statSync(wal).size;
  if (size < 32) return null;
  const read = (path: string, length: number) => {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(length);
      readSync(fd, buffer, 0, length, 0);
      return buffer;
    } finally {
      closeSync(fd);
    }
  };
  const pageSize = read(wal, 32).readUInt32BE(8);
  const info = read(shm, 136);
  // WalCkptInfo follows the two 48-byte copies of the index header; native byte order.
  const backfilled = Math.max(info.readUInt32LE(96), info.readUInt32LE(128));
  const from = 32 + backfilled * (24 + pageSize);
  return from >= size ? null : { from, to: size, frames: Math.floor((size - 32) / (24 + pageSize)) };
}
