import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
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
});
