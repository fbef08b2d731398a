import { statSync } from 'node:fs';

/**
 * What an archive takes on disk: its file and its write-ahead log, which holds recent changes until
 * a checkpoint. Images are stored inside the file, so nothing beside it is counted.
 */
export function archiveBytes(path: string | null): number {
  if (path === null) return 0;
  return [path, `${path}-wal`].reduce(
    (total, file) => total + (statSync(file, { throwIfNoEntry: false })?.size ?? 0),
    0,
  );
}
