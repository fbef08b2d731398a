import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { createTestArchive } from '../../../helpers/archive.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { EXPORT_FIXTURES, seen } from './exports-helpers.ts';

describe('Wallabag JSON export', () => {
  it('imports each entry as a full article, with its tags, star, read state and annotations', async () => {
    const archive = await createTestArchive();
    const report = await archive.importPaths([join(EXPORT_FIXTURES, 'wallabag.json')]);
    assert.deepEqual(
      report.items.map((item) => [item.path.replace(/^.*#/, ''), item.status]),
      [
        ['entry 1', 'imported'],
        ['entry 2', 'imported'],
        ['entry 3', 'skipped'],
      ],
    );
    assert.match(report.items[2]!.message!, /video\.example\.com.*Wallabag saved no text/);

    const water = seen(archive, report.items[0]!.articleId!);
    assert.equal(water.article.title, 'L’eau se raréfie au Sahel');
    assert.equal(water.article.url, 'https://www.example.org/sahel/eau-2024');
    assert.equal(water.article.author, 'Aïcha Diallo');
    assert.equal(water.article.lang, 'fr');
    assert.equal(water.article.source, 'www.example.org');
    assert.equal(water.article.publishedAt, '2024-04-01T07:30:00+02:00');
    assert.equal(water.article.publishedEstimated, false);
    assert.match(water.article.text, /^Des puits à sec\n\nLes puits du village de Tillabéri/);
    assert.match(water.article.html!, /<h2>Des puits à sec<\/h2>/);
    assert.deepEqual([water.tags, water.bookmarked, water.readStatus], [['eau', 'sahel'], true, 'read']);
    assert.deepEqual(water.highlights, [['inférieures de vingt pour cent', 'À comparer avec 2019.']]);

    const niger = seen(archive, report.items[1]!.articleId!);
    assert.equal(niger.article.lang, 'en');
    assert.deepEqual([niger.tags, niger.bookmarked, niger.readStatus], [[], false, 'unread']);
  });

  it('is recognised by its content under any name, and a re-import changes nothing', async () => {
    const archive = await createTestArchive();
    const file = join(tempDir(), 'export-2024-04.json');
    copyFileSync(join(EXPORT_FIXTURES, 'wallabag.json'), file);
    const first = await archive.importPaths([file]);
    assert.equal(first.imported, 2);
    const again = await archive.importPaths([file]);
    assert.deepEqual([again.imported, again.duplicates], [0, 2]);
    assert.equal(seen(archive, first.items[0]!.articleId!).highlights.length, 1);
  });

  it('keeps an entry’s address without its tracking parameters', async () => {
    const archive = await createTestArchive();
    const file = join(tempDir(), 'wallabag-export.json');
    const entries = JSON.parse(readFileSync(join(EXPORT_FIXTURES, 'wallabag.json'), 'utf8'));
    entries[0].url = 'https://www.example.org/sahel/eau-2024?utm_source=newsletter&utm_campaign=avril&fbclid=x1&p=2';
    writeFileSync(file, JSON.stringify(entries));
    const report = await archive.importPaths([file]);
    assert.equal(seen(archive, report.items[0]!.articleId!).article.url, 'https://www.example.org/sahel/eau-2024?p=2');
  });

  it('reads a large export an entry at a time, and keeps what came before damage', async () => {
    const archive = await createTestArchive();
    const file = join(tempDir(), 'wallabag-large.json');
    const entries = Array.from({ length: 1500 }, (_, index) => ({
      title: `Article ${index}`,
      url: `https://news.example/${index}`,
      is_archived: 0,
      is_starred: index % 2,
      content: `<p>Numéro ${index} : ${'la saison des pluies commence au Sahel et les puits se remplissent. '.repeat(8)}</p><p>${index} ${'x'.repeat(index % 50)}</p>`,
    }));
    const text = JSON.stringify(entries);
    assert.ok(text.length > 4 * 256 * 1024, 'several chunks');
    // Cut inside entry 1,201: the file ends there.
    writeFileSync(file, text.slice(0, text.indexOf('"Article 1200"') + 5));
    const report = await archive.importPaths([file]);
    const failed = report.items.filter((item) => item.status === 'failed');
    assert.equal(failed.length, 1);
    assert.match(failed[0]!.message!, /^the JSON is damaged after entry 1200 \(.+\); the entries before it were read$/);
    const read = report.items.filter((item) => item.path.includes('#entry '));
    assert.equal(read.length, 1200);
    assert.ok(read.every((item) => item.status !== 'failed'));
  });

  it('says on each article’s line when the export was not UTF-8', async () => {
    const archive = await createTestArchive();
    const file = join(tempDir(), 'wallabag-latin1.json');
    const entries = JSON.parse(readFileSync(join(EXPORT_FIXTURES, 'wallabag.json'), 'utf8'));
    writeFileSync(file, iconv.encode(JSON.stringify(entries.slice(0, 1)), 'windows-1252'));
    const report = await archive.importPaths([file]);
    assert.equal(report.items[0]?.status, 'imported');
    assert.match(report.items[0]?.message ?? '', /^decoded as windows-1252 \(detected\)$/);
    assert.equal(seen(archive, report.items[0]!.articleId!).article.title, 'L’eau se raréfie au Sahel');
  });
});
