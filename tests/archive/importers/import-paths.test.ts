import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { takeBackup } from '../../../archive/backup/backups.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { FIXTURES, fixture, tempDir } from '../../helpers/temp.ts';

describe('importing files and folders', () => {
  it('imports every good file of a folder, reports each bad one with its reason, and goes on', async () => {
    const archive = await createTestArchive();
    const report = await archive.importPaths([FIXTURES]);
    const byName = new Map(report.items.map((item) => [item.path.split('/').pop(), item]));
    assert.equal(report.imported, 5);
    assert.equal(byName.get('bamako-festival.txt')?.status, 'imported');
    assert.equal(byName.get('sahel-water.md')?.title, 'Water reserves in the Sahel are falling');
    // Not UTF-8, but plainly Latin-1: its encoding is detected and its "é" read as such, not as mojibake.
    assert.equal(byName.get('latin1.txt')?.status, 'imported');
    assert.match(archive.store.get(byName.get('latin1.txt')!.articleId!)!.text, /Un texte écrit en Latin-1/);
    assert.match(byName.get('data.txt')!.message!, /looks binary/);
    assert.match(byName.get('empty.txt')!.message!, /empty/);
    assert.equal(byName.get('page.html')?.status, 'skipped');
    assert.equal(report.failed, 2);
    assert.equal(archive.store.stats().articles, 5);
  });

  it('recognises an article it already has, even from another file name', async () => {
    const archive = await createTestArchive();
    const first = await archive.importPaths([fixture('solar-cooperation.txt')]);
    const dir = tempDir();
    mkdirSync(join(dir, 'copy'));
    copyFileSync(fixture('solar-cooperation.txt'), join(dir, 'copy', 'renamed.txt'));
    const second = await archive.importPaths([dir]);
    assert.equal(second.imported, 0);
    assert.equal(second.duplicates, 1);
    assert.equal(second.items[0]?.articleId, first.items[0]?.articleId);
    assert.equal(archive.store.stats().articles, 1);
  });

  it('reports a path that does not exist', async () => {
    const archive = await createTestArchive();
    const report = await archive.importPaths(['/nonexistent/folder']);
    assert.deepEqual(report.items, [
      { path: '/nonexistent/folder', status: 'failed', message: 'no such file or folder' },
    ]);
  });

  it('stores the text without the chrome, with its language and source file', async () => {
    const archive = await createTestArchive();
    const report = await archive.importPaths([fixture('bamako-festival.txt')]);
    const article = archive.store.get(report.items[0]!.articleId!)!;
    assert.equal(article.lang, 'fr');
    assert.equal(article.sourcePath, fixture('bamako-festival.txt'));
    assert.ok(!/Articles similaires|Bouton retour|Partager/.test(article.text));
    assert.equal(article.text.split('\n\n').length, 3);
    assert.match(article.contentHash, /^[0-9a-f]{64}$/);
  });

  it('leaves out the archive’s own files when the folder imported holds the archive', async () => {
    const archive = await createTestArchive();
    const dir = dirname(archive.path);
    await takeBackup(archive.db, archive.path, { reason: 'daily' });
    copyFileSync(fixture('solar-cooperation.txt'), join(dir, 'solar.txt'));
    // Named like the archive, but the user's own file: imported like any other.
    copyFileSync(fixture('bamako-festival.txt'), join(dir, 'archive.sqlite notes.txt'));
    // The database, its -wal and -shm, this process's .open- marker and the backup are all there.
    assert.ok(readdirSync(dir).some((name) => name.startsWith('archive.sqlite.open-')));
    assert.ok(readdirSync(dir).includes('archive.sqlite-wal'));
    const report = await archive.importPaths([dir]);
    assert.deepEqual(
      report.items.map((item) => [item.path.slice(dir.length + 1), item.status]),
      [
        ['archive.sqlite notes.txt', 'imported'],
        ['solar.txt', 'imported'],
      ],
    );
    const named = await archive.importPaths([archive.path]);
    assert.deepEqual(
      named.items.map((item) => [item.status, item.message]),
      [['skipped', 'this is the archive itself (or one of its own files)']],
    );
  });

  it('does not store a page twice under one address, but tells pages apart that all point to the home page', async () => {
    const page = (canonical: string, title: string, sentences: string[]) =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
      `<link rel="canonical" href="${canonical}"></head><body><article><h1>${title}</h1>` +
      `${sentences.map((sentence) => `<p>${sentence} ${sentence}</p>`).join('')}</article></body></html>`;
    const wells = [
      'The regional council met on Tuesday to discuss the state of the water reserves across the district.',
      'Several farmers described how the wells near the river had fallen lower than at any time in memory.',
      'Engineers presented a plan to repair the old canals before the rainy season, at a cost still to be agreed.',
    ];
    const market = [
      'At the market, traders said the price of millet had doubled since the spring, and rice with it.',
      'Bus drivers complained that the new road tolls were collected twice on the same journey north.',
      'A group of teachers asked the ministry to pay the salaries owed to them since January.',
    ];
    const festival = [
      'The music festival opened on Friday night with a concert by three bands from the capital.',
      'Organisers expect twenty thousand visitors over the weekend, twice as many as last year.',
      'The mayor asked residents to take the bus, as the roads near the stadium will be closed.',
    ];
    const dir = tempDir();
    writeFileSync(join(dir, '1-wells.html'), page('https://news.example/wells', 'Wells run dry', wells));
    // The same address, rewritten since, and reached through a campaign link.
    writeFileSync(
      join(dir, '2-wells-later.html'),
      page('https://news.example/wells?utm_source=rss', 'Prices rise', market),
    );
    // A site whose every page names its home page as canonical: two different articles all the same.
    writeFileSync(join(dir, '3-home.html'), page('https://other.example/', 'Festival opens', festival));
    writeFileSync(join(dir, '4-home.html'), page('https://other.example/', 'Prices rise', market));
    const archive = await createTestArchive();
    const report = await archive.importPaths([dir]);
    const first = report.items[0]!.articleId!;
    assert.deepEqual(
      report.items.map((item) => [item.path.slice(dir.length + 1), item.status, item.message ?? null]),
      [
        ['1-wells.html', 'imported', null],
        ['2-wells-later.html', 'duplicate', `same address as article ${first}, with another text; not stored again`],
        ['3-home.html', 'imported', null],
        ['4-home.html', 'imported', null],
      ],
    );
  });
});
