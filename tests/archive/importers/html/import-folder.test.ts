import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createTestArchive } from '../../../helpers/archive.ts';
import { ROOT } from '../../../helpers/temp.ts';

const FOLDER = join(ROOT, 'tests', 'fixtures', 'html');

describe('importing a folder of saved pages', () => {
  it('imports each article once, says why the others were not, and finds them by search', async () => {
    const archive = await createTestArchive();
    const report = await archive.importPaths([FOLDER]);
    const byName = new Map(report.items.map((item) => [item.path.split('/').pop(), item]));
    assert.equal(report.imported, 4);
    assert.equal(byName.get('niamey-solaire.html')?.status, 'imported');
    assert.equal(byName.get('tahoua-kiosks.mhtml')?.title, 'Solar kiosks bring light to Tahoua markets');
    assert.deepEqual(byName.get('login.html'), {
      path: join(FOLDER, 'login.html'),
      status: 'skipped',
      message: 'no article found in the page',
    });
    // The same article, declared windows-1252 in one file and detected in the other.
    assert.equal(byName.get('zinder-windows-1252.html')?.status, 'duplicate');

    const { results } = archive.searcher.search('photovoltaïque', { limit: 20, offset: 0 });
    assert.equal(results.length, 1);
    const found = archive.store.get(results[0]!.id)!;
    assert.equal(found.title, 'À Niamey, une centrale solaire alimente trois quartiers');
    assert.equal(found.lang, 'fr');
    assert.equal(found.publishedAt, '2024-03-12T09:30:00+01:00');
    assert.equal(found.publishedEstimated, false);
    assert.equal(found.author, 'Aïssata Moussa, Ibrahim Soumana');
    assert.equal(found.source, 'Le Journal du Sahel');
    assert.match(found.html ?? '', /<img src="data:image\/png/);

    // The blog post gives no language: the pipeline detects it.
    const [blog] = archive.searcher.search('borehole', { limit: 20, offset: 0 }).results;
    assert.equal(blog?.title, 'How we repaired the village pump');
    assert.equal(blog?.lang, 'en');
  });
});
