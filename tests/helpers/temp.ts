import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = join(ROOT, 'tests', 'fixtures', 'articles');
export const SHARED = join(ROOT, '..', 'shared');

const created: string[] = [];
process.once('exit', () => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh folder, removed when the test process exits (whichever hook or test made it). */
export function tempDir(prefix = 'archive-reader-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function tempArchivePath(): string {
  return join(tempDir(), 'archive.sqlite');
}

export const fixture = (name: string) => join(FIXTURES, name);
