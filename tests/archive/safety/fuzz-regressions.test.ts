import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ImportedEntry } from '../../../archive/importers/file-importer.ts';
import { importerFor } from '../../../archive/importers/registry.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { ROOT } from '../../helpers/temp.ts';
import { checkEntry, itemsAsEntries, PROGRAMMING_ERRORS } from './fuzz-read-harness.ts';

/**
 * Inputs the fuzzing found breaking an importer, kept after the fix (tests/fixtures/fuzz/<format>/).
 * Each is read as the app reads it (a bundle stored into an archive, as its importer does); a file named crash-* or hang-* must only be read without a crash
 * within the time limit, every other one must also still give its good items: the articles whose
 * titles start with "First" and "Last", around the damaged one.
 */
const FOLDER = join(ROOT, 'tests', 'fixtures', 'fuzz');
const files = readdirSync(FOLDER, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();

describe('inputs that broke an importer under fuzzing', () => {
  for (const path of files) {
    const name = path.slice(FOLDER.length + 1);
    it(name, { timeout: 20_000 }, async () => {
      const importer = importerFor(path);
      assert.ok(importer, `no importer for ${name}`);
      const entries: ImportedEntry[] = [];
      try {
        const archive = importer.storeFile ? await createTestArchive() : null;
        const items = archive && (await importer.storeFile?.(path, archive.store));
        if (archive && items) entries.push(...itemsAsEntries(items, archive.store, name));
        else for await (const entry of importer.read(path)) entries.push(entry);
      } catch (error) {
        assert.ok(error instanceof Error && error.message, `threw ${String(error)}`);
        assert.ok(!PROGRAMMING_ERRORS.some((kind) => error instanceof kind), `crashed: ${error.stack}`);
      }
      for (const entry of entries) assert.equal(checkEntry(entry), null);
      if (/^(crash|hang)-/.test(name.split('/').at(-1) as string)) return;
      const titles = entries.flatMap((e) => (e.kind === 'article' ? [e.article.title] : []));
      assert.ok(
        titles.some((t) => t.startsWith('First')),
        `the first good item is lost: ${JSON.stringify(entries)}`,
      );
      assert.ok(
        titles.some((t) => t.startsWith('Last')),
        `the last good item is lost: ${JSON.stringify(entries)}`,
      );
    });
  }
});
