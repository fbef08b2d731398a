import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ImportItem } from '../../../../archive/api/contract.ts';
import { tempDir } from '../../../helpers/temp.ts';

const CHILD = fileURLToPath(new URL('./children/import-in-sandbox.ts', import.meta.url));

export interface ImportedFile {
  items: Pick<ImportItem, 'path' | 'status' | 'title' | 'message'>[];
  milliseconds: number;
  /** The most memory the child had held by the end of this file (all threads). */
  maxRssMiB: number;
  /** The most V8 heap and external memory sampled (every 5 ms) while this file was imported. */
  peakHeapMiB: number;
}

export interface SandboxRun {
  /** The sandbox: `input/` (the files imported), `tmp/` (the child's TMPDIR), `cwd/`, `archive/`. */
  root: string;
  files: ImportedFile[];
  /** Every file and folder of the sandbox outside `archive/`, before and after the import. */
  before: Map<string, string>;
  after: Map<string, string>;
  /** What the child's temp folder holds after the import. */
  leftInTmp: string[];
}

/** Each path under `root` (folders, files by size and SHA-256, links by target), except under `skip`. */
export function tree(root: string, skip: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const where = relative(root, path);
      if (where === skip) continue;
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        found.set(where, 'folder');
        walk(path);
      } else if (stat.isFile()) {
        found.set(where, `${stat.size} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
      } else found.set(where, `${stat.isSymbolicLink() ? 'link' : 'other'}`);
    }
  };
  walk(root);
  return found;
}

/**
 * Imports the files, one after the other in this order, into a fresh archive in a child process whose temp folder and working folder
 * are inside a sandbox, snapshotting the sandbox around it: what the child wrote anywhere in it
 * but its archive shows up as a difference.
 */
export async function importInSandbox(inputs: Record<string, Buffer>): Promise<SandboxRun> {
  const root = tempDir('archive-reader-sandbox-');
  for (const folder of ['input', 'tmp', 'cwd', 'archive']) mkdirSync(join(root, folder));
  const paths = Object.entries(inputs).map(([name, bytes]) => {
    const path = join(root, 'input', name);
    writeFileSync(path, bytes);
    return path;
  });
  const before = tree(root, 'archive');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CHILD, join(root, 'archive', 'archive.sqlite'), ...paths],
    {
      cwd: join(root, 'cwd'),
      env: { ...process.env, TMPDIR: join(root, 'tmp'), TMP: join(root, 'tmp'), TEMP: join(root, 'tmp') },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const files = JSON.parse(stdout) as ImportedFile[];
  return { files, root, before, after: tree(root, 'archive'), leftInTmp: readdirSync(join(root, 'tmp')) };
}
