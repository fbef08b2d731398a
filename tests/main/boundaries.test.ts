import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SKIPPED = new Set(['node_modules', 'out', 'dist', '.git', 'tests']);
const SOURCE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;

async function sourceFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await sourceFiles(path)));
    else if (SOURCE.test(entry.name)) files.push(path);
  }
  return files;
}

async function filesContaining(pattern: RegExp, dir = ROOT): Promise<string[]> {
  const matches: string[] = [];
  for (const file of await sourceFiles(dir)) {
    if (pattern.test(await readFile(file, 'utf8'))) matches.push(relative(ROOT, file).split(sep).join('/'));
  }
  return matches.sort();
}

// Any import of electron or a subpath, type-only or not: import/export ... from, import(), require().
const IMPORTS_ELECTRON = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/;

describe('process boundaries', () => {
  it('makes BrowserWindows only in the window factory', async () => {
    assert.deepEqual(await filesContaining(/new\s+BrowserWindow\b/), ['main/window/create-window.ts']);
  });

  it('opens external links only in main/window/open-external.ts', async () => {
    // Any mention at all, `shell.openExternal(…)`, `shell['openExternal']`, a destructured import…
    assert.deepEqual(await filesContaining(/openExternal/), ['main/window/open-external.ts']);
  });

  it('keeps electron out of the archive core and the renderer', async () => {
    assert.deepEqual(await filesContaining(IMPORTS_ELECTRON, join(ROOT, 'archive')), []);
    assert.deepEqual(await filesContaining(IMPORTS_ELECTRON, join(ROOT, 'renderer')), []);
  });

  it('recognises the import forms it looks for', () => {
    for (const line of [
      "import { app } from 'electron';",
      'import type { Session } from "electron";',
      "export { ipcMain } from 'electron';",
      "const { shell } = require('electron');",
      "await import('electron/main');",
    ]) {
      assert.match(line, IMPORTS_ELECTRON, line);
    }
    assert.doesNotMatch("import { x } from 'electron-vite';", IMPORTS_ELECTRON);
  });
});
