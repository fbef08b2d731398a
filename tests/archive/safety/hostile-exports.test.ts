import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ImportedEntry } from '../../../archive/importers/file-importer.ts';
import { jsonExportImporter } from '../../../archive/importers/exports/json-file.ts';
import { tempDir } from '../../helpers/temp.ts';

const item = (slug: string, title: string) => ({
  id: `id-${title}`,
  slug,
  title,
  url: `https://example.org/${title}`,
  savedAt: '2024-10-30T14:35:35.081Z',
  labels: [],
  state: 'Succeeded',
});

describe('an unzipped Omnivore export whose slugs name other files', () => {
  it('never reads a file outside the export’s folders, and still imports the good items', async () => {
    const root = tempDir();
    const exportFolder = join(root, 'export');
    mkdirSync(join(exportFolder, 'content'), { recursive: true });
    writeFileSync(
      join(root, 'outside.html'),
      '<p>SECRET TEXT from a file beside the export, never to be imported.</p>',
    );
    writeFileSync(
      join(exportFolder, 'content', 'good.html'),
      '<p>The river rose two metres in a week, and the fields along its banks were flooded before the harvest.</p>',
    );
    const metadata = join(exportFolder, 'metadata_0_to_3.json');
    writeFileSync(
      metadata,
      JSON.stringify([item('../../outside', 'escape'), item('..', 'dots'), item('good', 'good'), 42, null]),
    );
    const entries: ImportedEntry[] = [];
    for await (const entry of jsonExportImporter.read(metadata)) entries.push(entry);
    const articles = entries.flatMap((e) => (e.kind === 'article' ? [e.article] : []));
    assert.deepEqual(
      articles.map((a) => a.title),
      ['good'],
    );
    assert.ok(!JSON.stringify(entries).includes('SECRET'), 'the file outside the export was not read');
    assert.deepEqual(
      entries.map((e) => e.kind),
      ['skipped', 'skipped', 'article', 'failed', 'failed'],
    );
  });
});
