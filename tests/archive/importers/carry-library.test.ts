import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FileImporter } from '../../../archive/importers/file-importer.ts';
import { importPaths } from '../../../archive/importers/import-paths.ts';
import { Annotations } from '../../../archive/library/annotations.ts';
import { Library } from '../../../archive/library/library.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { tempDir } from '../../helpers/temp.ts';

/** An export of another reader, as an importer would read it. */
const exportImporter = (note: string): FileImporter => ({
  name: 'test export',
  extensions: ['.export'],
  *read() {
    yield {
      kind: 'article',
      article: {
        title: 'Water in the Sahel',
        paragraphs: ['Rainfall was below average.', 'Wells dry up earlier every season.'],
        lang: 'en',
        library: {
          tags: ['Water', 'sahel'],
          bookmarked: true,
          status: 'read',
          highlights: [{ quote: 'Wells dry up earlier', note }, { quote: 'not in the text' }],
          note,
        },
      },
    };
  },
});

describe('tags, favourites and highlights carried from another reader', () => {
  it('are applied to the stored article, and never overwrite the reader’s own', async () => {
    const archive = await createTestArchive();
    const file = join(tempDir(), 'saved.export');
    writeFileSync(file, '');
    const first = await importPaths(archive.store, [file], { importers: [exportImporter('From the export')] });
    const id = first.items[0]!.articleId!;
    const summary = archive.store.summary(id)!;
    assert.deepEqual([summary.tags, summary.bookmarked, summary.readStatus], [['sahel', 'Water'], true, 'read']);
    const annotations = new Annotations(archive.db);
    assert.deepEqual(
      annotations.highlightsOf(id).map((h) => [h.quote, h.note]),
      [['Wells dry up earlier', 'From the export']],
    );

    annotations.setNote(id, 'My own note');
    new Library(archive.db).setTags(id, ['sahel', 'mine']);
    const again = await importPaths(archive.store, [file], { importers: [exportImporter('Changed in the export')] });
    assert.equal(again.items[0]!.status, 'duplicate');
    assert.equal(annotations.readingState(id).note, 'My own note');
    assert.equal(annotations.highlightsOf(id).length, 1);
    assert.deepEqual(archive.store.summary(id)!.tags, ['mine', 'sahel', 'Water']);
  });
});
