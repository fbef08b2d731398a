import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createTestArchive } from '../../../helpers/archive.ts';
import { EXPORT_FIXTURES, seen } from './exports-helpers.ts';

describe('Readwise CSV export', () => {
  it('makes one article of highlights per book, in location order, each highlighted with its note', async () => {
    const archive = await createTestArchive();
    const report = await archive.importPaths([join(EXPORT_FIXTURES, 'readwise.csv')]);
    assert.deepEqual(
      report.items.map((item) => [item.path.replace(/^.*#/, ''), item.status, item.title]),
      [
        ['book 1', 'imported', 'The Niger River'],
        ['book 2', 'imported', 'Solaire au Sahel'],
      ],
    );
    const river = seen(archive, report.items[0]!.articleId!);
    // Location 145 comes before 812, whatever the export's order.
    assert.equal(
      river.article.text,
      'Fishermen in Mopti now travel twice as far for the same catch.\n\n' +
        'The river floods later every year, and the fields along it are sown later too.',
    );
    assert.equal(river.article.author, 'Aminata Diallo');
    assert.equal(river.article.source, 'Readwise highlights');
    assert.deepEqual(river.tags, ['sahel', 'water']);
    assert.deepEqual(river.highlights, [
      ['Fishermen in Mopti now travel twice as far for the same catch.', null],
      [
        'The river floods later every year, and the fields along it are sown later too.',
        'Compare with the 1970s data.\n#favorite',
      ],
    ]);

    const solar = seen(archive, report.items[1]!.articleId!);
    assert.equal(solar.article.lang, 'fr');
    assert.equal(solar.article.author, null);
    assert.deepEqual(solar.tags, ['energie']);
    assert.equal(solar.highlights.length, 1);
  });

  it('finds the highlights by their source', async () => {
    const archive = await createTestArchive();
    await archive.importPaths([join(EXPORT_FIXTURES, 'readwise.csv')]);
    const results = archive.searcher.search('source:readwise mopti', { limit: 10, offset: 0 });
    assert.deepEqual(
      results.results.map((r) => r.title),
      ['The Niger River'],
    );
  });
});
