import { spawnSync } from 'node:child_process';

/**
 * Drops a file's pages from the OS page cache, so the next process to read it reads the disk, as it
 * would after a reboot, without root and without touching any other file: GNU dd's "nocache" has
 * the kernel drop them (posix_fadvise DONTNEED), after an fdatasync since dirty pages cannot be
 * dropped. False where that is not available (not Linux, or no GNU dd).
 */
export function evictFromPageCache(path: string): boolean {
  if (process.platform !== 'linux') return false;
  const dd = spawnSync('dd', [`of=${path}`, 'oflag=nocache', 'conv=notrunc,fdatasync', 'count=0', 'status=none'], {
    stdio: 'ignore',
  });
  return dd.status === 0;
}
