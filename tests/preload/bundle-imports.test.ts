import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';

// A sandboxed preload's `require` knows only electron and a few Node built-ins, and electron-vite
// leaves package dependencies external, so a runtime import of any package (zod, via the contract)
// would make the preload throw and leave the page without `window.archive`.
const ALLOWED_PACKAGES = new Set(['electron']);

/** Specifiers imported for their values, not only their types. */
function runtimeImports(code: string): string[] {
  const source = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    const clause = match[2] ?? '';
    if (/^type\b/.test(clause)) continue;
    specifiers.push(match[3] ?? '');
  }
  for (const match of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) specifiers.push(match[1] ?? '');
  for (const match of source.matchAll(/\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g))
    specifiers.push(match[1] ?? '');
  return specifiers;
}

/** Every package the preload entry reaches through runtime imports, following relative files. */
async function packagesReached(entry: URL): Promise<Set<string>> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  for (let file = queue.pop(); file; file = queue.pop()) {
    if (seen.has(file.href)) continue;
    seen.add(file.href);
    for (const specifier of runtimeImports(await readFile(file, 'utf8'))) {
      if (specifier.startsWith('.')) queue.push(new URL(specifier, file));
      else packages.add(specifier);
    }
  }
  return packages;
}

describe('the preload bundle', () => {
  it('needs no package but electron at runtime', async () => {
    const packages = await packagesReached(new URL('../../preload/index.ts', import.meta.url));
    assert.deepEqual(
      [...packages].filter((name) => !ALLOWED_PACKAGES.has(name)),
      [],
    );
    assert.ok(packages.has('electron'));
  });

  it('tells type-only imports from runtime ones', () => {
    assert.deepEqual(
      runtimeImports(
        [
          "import type { ArchiveApi } from '../archive/api/contract.ts';",
          "import { unwrap, type Envelope } from '../archive/api/envelope.ts';",
          "import { z } from 'zod';",
          "export { x } from './x.ts';",
          "import './side-effect.ts';",
          "const y = require('y');",
          '/** Importing the contract would make the bundle `require("zod")`. */',
          "// import { z } from 'zod';",
        ].join('\n'),
      ),
      ['../archive/api/envelope.ts', 'zod', './x.ts', './side-effect.ts', 'y'],
    );
  });
});
