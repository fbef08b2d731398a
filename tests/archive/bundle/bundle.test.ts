import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { before, describe, it } from 'node:test';
import { openPromise } from 'yauzl';
import { ZipFile } from 'yazl';
import { estimateBundle, writeBundle, type BundleRequest } from '../../../archive/bundle/write.ts';
import { openBundle } from '../../../archive/bundle/read.ts';
import { NOTE_SEPARATOR } from '../../../archive/bundle/merge.ts';
import { extractImages, restoreImages } from '../../../archive/bundle/media.ts';
import { libraryMemberSchema } from '../../../archive/bundle/format.ts';
import { NearDuplicates } from '../../../archive/articles/near-duplicates.ts';
import type { ArchiveDb } from '../../../archive/db/open.ts';
import { Annotations } from '../../../archive/library/annotations.ts';
import { Collections } from '../../../archive/library/collections.ts';
import { Library } from '../../../archive/library/library.ts';
import { createTestArchive, type TestArchive } from '../../helpers/archive.ts';
import { FIXTURES, tempDir } from '../../helpers/temp.ts';

// A 1×1 PNG, and a larger image of random bytes (which no compression shrinks).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const BIG = randomBytes(40_000);
const img = (type: string, bytes: Buffer) => `<img src="data:${type};base64,${bytes.toString('base64')}" alt="">`;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything an archive holds of its articles and the reader's state, keyed by content hash: all but row ids and import times. */
function snapshot(db: ArchiveDb) {
  const articles = db
    .prepare(
      `SELECT content_hash, title, text, html, source, url, author, lang, published_at, published_estimated,
              source_path, word_count, captured_at FROM articles ORDER BY content_hash`,
    )
    .all() as { content_hash: string }[];
  const idOf = (hash: string) =>
    (db.prepare('SELECT id FROM articles WHERE content_hash = ?').get(hash) as { id: number }).id;
  const paths = new Map<number, string>();
  const collections = db.prepare('SELECT id, name, parent_id FROM collections').all() as {
    id: number;
    name: string;
    parent_id: number | null;
  }[];
  const pathOf = (id: number): string => {
    const row = collections.find((c) => c.id === id);
    if (!row) return '';
    return row.parent_id ? `${pathOf(row.parent_id)}/${row.name}` : row.name;
  };
  for (const c of collections) paths.set(c.id, pathOf(c.id));
  return articles.map((article) => {
    const id = idOf(article.content_hash);
    return {
      ...article,
      tags: (
        db
          .prepare('SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ?')
          .all(id) as { name: string }[]
      )
        .map((t) => t.name)
        .sort(),
      state: db.prepare('SELECT bookmarked_at, status, note FROM reading_state WHERE article_id = ?').get(id) ?? null,
      highlights: db
        .prepare(
          'SELECT start, end, quote, color, note, created_at, updated_at FROM highlights WHERE article_id = ? ORDER BY start',
        )
        .all(id),
      collections: (
        db.prepare('SELECT collection_id FROM collection_articles WHERE article_id = ?').all(id) as {
          collection_id: number;
        }[]
      )
        .map((row) => paths.get(row.collection_id))
        .sort(),
      copies: db
        .prepare(
          `SELECT content_hash, distance, title, url, source, source_path, captured_at, imported_at
           FROM article_copies WHERE article_id = ? ORDER BY content_hash`,
        )
        .all(id),
    };
  });
}

async function memberNames(path: string): Promise<string[]> {
  const zip = await openPromise(path, { lazyEntries: true, autoClose: false });
  const names: string[] = [];
  for await (const entry of zip.eachEntry()) names.push(entry.fileName);
  zip.close();
  return names.sort();
}

const hashOf = (db: ArchiveDb, id: number) =>
  (db.prepare('SELECT content_hash FROM articles WHERE id = ?').get(id) as { content_hash: string }).content_hash;

describe('portable bundles', () => {
  let source: TestArchive;
  const dir = tempDir();
  const full = join(dir, 'full.bundle');
  const ids = { pictured: 0, shared: 0 };
  const all: BundleRequest = { scope: { kind: 'all' }, withLibrary: true, withImages: true };

  before(async () => {
    source = await createTestArchive();
    await source.importPaths([FIXTURES]);
    const add = (title: string, html: string, url: string) => {
      const outcome = source.store.add({
        title,
        paragraphs: [`${title}: first paragraph.`, 'The second paragraph, about water and wells in the Sahel.'],
        html,
        url,
        source: 'Example',
        author: 'A. Writer',
        lang: 'en',
        publishedAt: '2024-03-01',
        capturedAt: '2024-03-02T10:00:00Z',
      });
      return outcome.id;
    };
    ids.pictured = add(
      'Wells of Agadez',
      `<p>Wells.</p>${img('image/png', PNG)}${img('image/jpeg', BIG)}`,
      'https://example.org/wells',
    );
    ids.shared = add('Pumps of Zinder', `<p>Pumps.</p>${img('image/png', PNG)}`, 'https://example.org/pumps');

    const library = new Library(source.db);
    const annotations = new Annotations(source.db);
    const collections = new Collections(source.db);
    library.setTags(ids.pictured, ['Sahel', 'Eau']);
    library.setTags(ids.shared, ['Sahel']);
    library.setBookmarked(ids.pictured, true, '2026-01-02T03:04:05.000Z');
    library.setReadStatus(ids.shared, 'read');
    annotations.setNote(ids.pictured, 'A note of my own.');
    annotations.addHighlight(ids.pictured, { start: 0, end: 15 }, 'green', 'the title');
    annotations.addHighlight(ids.pictured, { start: 17, end: 22 }, 'pink', null);
    const sahel = collections.create('Sahel', null);
    const water = collections.create('Eau', sahel.id);
    collections.setForArticle(ids.pictured, [water.id]);
    collections.setForArticle(ids.shared, [sahel.id, water.id]);
    new NearDuplicates(source.db).link(
      { articleId: ids.pictured, distance: 3 },
      {
        contentHash: 'c'.repeat(64),
        title: 'Wells of Agadez (syndicated)',
        url: 'https://mirror.example/wells',
        source: 'Mirror',
        sourcePath: '/imports/mirror/wells.html',
        capturedAt: '2024-03-03T09:00:00Z',
        importedAt: '2024-03-04T10:00:00.000Z',
      },
    );

    await writeBundle(source.db, source.searcher, { ...all, path: full });
  });

  it('holds a manifest with the SHA-256 of every member, and each image once', async () => {
    const bundle = await openBundle(full);
    const { manifest } = bundle;
    const names = await memberNames(full);
    assert.deepEqual(
      Object.keys(manifest.members).sort(),
      names.filter((n) => n !== 'manifest.json'),
    );
    assert.equal(manifest.format, 'archive-reader-bundle');
    assert.equal(manifest.version, 1);
    assert.equal(manifest.counts.articles, 7);
    assert.equal(manifest.counts.media, 2, 'the PNG both articles show is stored once');
    assert.equal(names.filter((n) => n.startsWith('media/')).length, 2);
    for (const name of names.filter((n) => n !== 'manifest.json')) await bundle.read(name);
    bundle.close();
  });

  it('round trip: an empty archive receives the same articles, images, copies, tags, bookmarks, highlights, notes and collections', async () => {
    const target = await createTestArchive();
    const started = new Date().toISOString();
    const report = await target.importPaths([full]);
    assert.equal(report.imported, 7, JSON.stringify(report.items));
    assert.equal(report.failed, 0);
    assert.deepEqual(snapshot(target.db), snapshot(source.db));
    const importedAt = target.db.prepare('SELECT min(imported_at) AS at FROM articles').get() as { at: string };
    assert.ok(importedAt.at >= started, 'imported_at is when this archive received the article');
    const html = (
      target.db.prepare('SELECT html FROM articles WHERE url = ?').get('https://example.org/wells') as {
        html: string;
      }
    ).html;
    assert.ok(html.includes(BIG.toString('base64')), 'the large image came back byte for byte');

    // Importing it again adds nothing and changes nothing.
    const again = await target.importPaths([full]);
    assert.equal(again.imported, 0);
    assert.equal(again.duplicates, 7);
    assert.deepEqual(snapshot(target.db), snapshot(source.db));
  });

  it('a bundle without images leaves them out of the HTML and the file', async () => {
    const path = join(dir, 'no-images.bundle');
    await writeBundle(source.db, source.searcher, { ...all, withImages: false, path });
    assert.deepEqual(
      (await memberNames(path)).filter((n) => n.startsWith('media/')),
      [],
    );
    assert.ok(statSync(path).size < statSync(full).size - BIG.length);
    const target = await createTestArchive();
    await target.importPaths([path]);
    const html = (
      target.db.prepare('SELECT html FROM articles WHERE url = ?').get('https://example.org/wells') as {
        html: string;
      }
    ).html;
    assert.ok(!html.includes('data:image') && !html.includes('<img'), html);
    assert.ok(html.includes('<p>Wells.</p>'));
  });

  it('scopes: a collection (with those inside it), a tag, a query, chosen articles', async () => {
    const names = async (request: Partial<BundleRequest>) => {
      const path = join(dir, `scope-${Math.random()}.bundle`);
      await writeBundle(source.db, source.searcher, { ...all, ...request, path });
      return (await memberNames(path))
        .filter((n) => n.startsWith('articles/'))
        .map((n) => n.slice(9, -5))
        .sort();
    };
    const both = [hashOf(source.db, ids.pictured), hashOf(source.db, ids.shared)].sort();
    const sahel = (source.db.prepare("SELECT id FROM collections WHERE name = 'Sahel'").get() as { id: number }).id;
    assert.deepEqual(await names({ scope: { kind: 'collection', id: sahel } }), both);
    assert.deepEqual(await names({ scope: { kind: 'tag', name: 'EAU' } }), [hashOf(source.db, ids.pictured)]);
    assert.deepEqual(await names({ scope: { kind: 'query', query: 'tag:sahel' } }), both);
    assert.deepEqual(await names({ scope: { kind: 'ids', ids: [ids.shared] } }), [hashOf(source.db, ids.shared)]);
  });

  it('the estimate is within 10% of the size written, with and without images', async () => {
    for (const withImages of [true, false]) {
      const path = join(dir, `estimate-${withImages}.bundle`);
      const estimate = await estimateBundle(source.db, source.searcher, { ...all, withImages });
      const written = await writeBundle(source.db, source.searcher, { ...all, withImages, path });
      const error = Math.abs(estimate.estimatedBytes - written.bytes) / written.bytes;
      assert.ok(error < 0.1, `estimate ${estimate.estimatedBytes} vs ${written.bytes} bytes written`);
      assert.equal(estimate.articles, written.articles);
    }
  });

  it('a delta holds exactly what was added or changed since the earlier bundle', async () => {
    const archive = await createTestArchive();
    await archive.importPaths([FIXTURES]);
    const library = new Library(archive.db);
    const annotations = new Annotations(archive.db);
    const [first, second] = (archive.db.prepare('SELECT id FROM articles ORDER BY id').all() as { id: number }[]).map(
      (r) => r.id,
    ) as [number, number];
    library.setTags(first, ['alpha']);
    annotations.setNote(second, 'first version');
    const base = join(dir, 'base.bundle');
    const request: BundleRequest = { scope: { kind: 'all' }, withLibrary: true, withImages: true };
    await writeBundle(archive.db, archive.searcher, { ...request, path: base });

    await wait(5);
    const added = [1, 2, 3].map(
      (n) => archive.store.add({ title: `New article ${n}`, paragraphs: [`Fresh text number ${n}.`], lang: 'en' }).id,
    );
    library.setTags(first, ['alpha', 'beta']);
    annotations.setNote(second, 'second version');
    const delta = join(dir, 'delta.bundle');
    const written = await writeBundle(archive.db, archive.searcher, { ...request, sinceBundle: base, path: delta });

    const articles = (await memberNames(delta)).filter((n) => n.startsWith('articles/')).map((n) => n.slice(9, -5));
    assert.deepEqual(articles.sort(), added.map((id) => hashOf(archive.db, id)).sort());
    const bundle = await openBundle(delta);
    const entries = libraryMemberSchema.parse(JSON.parse((await bundle.read('library.json')).toString())).entries;
    bundle.close();
    assert.deepEqual(
      entries.map((e) => e.article).sort(),
      [hashOf(archive.db, first), hashOf(archive.db, second)].sort(),
    );
    assert.deepEqual(entries.find((e) => e.article === hashOf(archive.db, first))?.tags, ['alpha', 'beta']);
    assert.equal(entries.find((e) => e.article === hashOf(archive.db, second))?.note, 'second version');
    assert.ok(written.since && written.since < written.highWater);

    // Applied after the base, the delta brings the other archive to the same state.
    const other = await createTestArchive();
    await other.importPaths([base]);
    const report = await other.importPaths([delta]);
    assert.equal(report.imported, 3);
    assert.deepEqual(snapshot(other.db), snapshot(archive.db));

    // Nothing changed since the delta: the next one is empty.
    const empty = await estimateBundle(archive.db, archive.searcher, { ...request, since: written.highWater });
    assert.equal(empty.articles + empty.libraryEntries, 0);
  });

  it('a collection’s delta sends whole an old article that joined the collection since, and nothing else', async () => {
    const archive = await createTestArchive();
    await archive.importPaths([FIXTURES]);
    const collections = new Collections(archive.db);
    const [first, second] = (archive.db.prepare('SELECT id FROM articles ORDER BY id').all() as { id: number }[]).map(
      (r) => r.id,
    ) as [number, number];
    const sahel = collections.create('Sahel', null);
    const inner = collections.create('Puits', sahel.id);
    collections.setForArticle(first, [sahel.id]);
    const base = join(dir, 'collection-base.bundle');
    const request: BundleRequest = { scope: { kind: 'collection', id: sahel.id }, withLibrary: true, withImages: true };
    await writeBundle(archive.db, archive.searcher, { ...request, path: base });
    await wait(5);
    collections.setForArticle(second, [inner.id]);
    new Library(archive.db).setTags(first + 2, ['elsewhere']);
    const delta = join(dir, 'collection-delta.bundle');
    await writeBundle(archive.db, archive.searcher, { ...request, sinceBundle: base, path: delta });
    const names = await memberNames(delta);
    assert.deepEqual(
      names.filter((n) => n.startsWith('articles/')),
      [`articles/${hashOf(archive.db, second)}.json`],
    );
  });

  it('merging never overwrites a note, a highlight or a tag of the reader’s own', async () => {
    const target = await createTestArchive();
    await target.importPaths([FIXTURES]);
    // The article with a note in the source, imported here first without it, then given the reader's own note.
    const wellsHash = hashOf(source.db, ids.pictured);
    const first = await target.importPaths([join(dir, 'no-images.bundle')]);
    assert.equal(first.failed, 0);
    const wells = (target.db.prepare('SELECT id FROM articles WHERE content_hash = ?').get(wellsHash) as { id: number })
      .id;
    const annotations = new Annotations(target.db);
    annotations.setNote(wells, 'Mine, written here.');
    const [own] = annotations.highlightsOf(wells);
    assert.ok(own);
    annotations.updateHighlight(own.id, { color: 'blue', note: 'my own reading' });
    new Library(target.db).setTags(wells, ['Mine']);

    const sourceAnnotations = new Annotations(source.db);
    sourceAnnotations.setNote(ids.pictured, 'A changed note from the other machine.');
    const again = join(dir, 'again.bundle');
    await writeBundle(source.db, source.searcher, { ...all, path: again });
    const report = await target.importPaths([again]);
    assert.equal(report.failed, 0);

    assert.equal(
      annotations.readingState(wells).note,
      `Mine, written here.${NOTE_SEPARATOR}A changed note from the other machine.`,
    );
    const highlight = annotations.highlightsOf(wells).find((h) => h.id === own.id);
    assert.equal(highlight?.color, 'blue');
    assert.equal(highlight?.note, 'my own reading');
    assert.equal(annotations.highlightsOf(wells).length, 2, 'no highlight doubled');
    const tags = (
      target.db
        .prepare('SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = ?')
        .all(wells) as { name: string }[]
    )
      .map((t) => t.name)
      .sort();
    assert.deepEqual(tags, ['Eau', 'Mine', 'Sahel']);
    const line = report.items.find((item) => item.articleId === wells);
    assert.match(line?.message ?? '', /your note kept/);
    sourceAnnotations.setNote(ids.pictured, 'A note of my own.');
  });

  it('a damaged member is reported and left out; the rest imports', async () => {
    const damaged = join(dir, 'damaged.bundle');
    writeFileSync(damaged, readFileSync(full));
    // Flip a byte inside the large image, which is stored uncompressed: only its checksum can tell.
    const bytes = readFileSync(damaged);
    const at = bytes.indexOf(BIG.subarray(1000, 1032));
    assert.ok(at > 0);
    const fd = openSync(damaged, 'r+');
    const one = Buffer.alloc(1);
    readSync(fd, one, 0, 1, at + 10);
    writeSync(fd, Buffer.from([one[0]! ^ 0xff]), 0, 1, at + 10);
    closeSync(fd);

    const target = await createTestArchive();
    const report = await target.importPaths([damaged]);
    assert.equal(report.imported, 7);
    const line = report.items.find((item) => item.title === 'Wells of Agadez');
    assert.match(
      line?.message ?? '',
      /image media\/[0-9a-f]{64}\.jpg left out: it is damaged: its SHA-256 does not match/,
    );
    const html = (
      target.db.prepare('SELECT html FROM articles WHERE url = ?').get('https://example.org/wells') as {
        html: string;
      }
    ).html;
    assert.ok(!html.includes('image/jpeg'), 'the damaged image is not shown');
    assert.ok(html.includes('image/png'), 'the intact image still is');

    // A damaged article member: that article is reported, the others import.
    const articleDamaged = join(dir, 'article-damaged.bundle');
    const copy = readFileSync(full);
    const names = await memberNames(full);
    const bundle = await openBundle(full);
    const victim = names.find((n) => n.startsWith('articles/')) as string;
    const victimBytes = await bundle.read(victim);
    bundle.close();
    // Deflated, so corrupt the compressed stream near the member's name in the local header.
    const header = copy.indexOf(Buffer.from(victim));
    copy[header + victim.length + 40] = (copy[header + victim.length + 40] ?? 0) ^ 0x55;
    writeFileSync(articleDamaged, copy);
    const other = await createTestArchive();
    const second = await other.importPaths([articleDamaged]);
    assert.equal(second.failed, 1, JSON.stringify(second.items.filter((i) => i.status === 'failed')));
    assert.equal(second.imported, 6);
    const failed = second.items.find((item) => item.status === 'failed');
    assert.ok(failed?.path.endsWith(victim));
    assert.ok(victimBytes.length > 0);
  });

  it('a bundle cut short is reported and the archive is not touched', async () => {
    const cut = join(dir, 'cut.bundle');
    const bytes = readFileSync(full);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const target = await createTestArchive();
    await target.importPaths([FIXTURES]);
    const before = snapshot(target.db);
    const report = await target.importPaths([cut]);
    assert.equal(report.imported, 0);
    assert.equal(report.failed, 1);
    assert.match(report.items[0]?.message ?? '', /not a readable bundle/);
    assert.deepEqual(snapshot(target.db), before);
  });

  it('hostile member names are refused as in any zip, and a bundle of a newer format is refused whole', async () => {
    const write = async (path: string, manifest: object, extra: [string, Buffer][]) => {
      const zip = new ZipFile();
      for (const [name, bytes] of extra) zip.addBuffer(bytes, name);
      zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json');
      zip.end();
      await pipeline(zip.outputStream, createWriteStream(path));
    };
    const { manifest } = await openBundle(full);
    const hostile = join(dir, 'hostile.bundle');
    // yazl refuses to write such a name, so it is written safe and patched to "..", keeping its length.
    await write(hostile, manifest, [['xx/evil.json', Buffer.from('{}')]]);
    const bytes = readFileSync(hostile);
    for (let at = bytes.indexOf('xx/evil.json'); at !== -1; at = bytes.indexOf('xx/evil.json', at + 1)) {
      bytes.write('../evil.json', at, 'latin1');
    }
    writeFileSync(hostile, bytes);
    const target = await createTestArchive();
    const report = await target.importPaths([hostile]);
    const refused = report.items.find((item) => item.path.endsWith('../evil.json'));
    assert.match(refused?.message ?? '', /refused: its name climbs out of the folder/);
    assert.equal(existsSync(join(dir, 'evil.json')), false);

    const newer = join(dir, 'newer.bundle');
    await write(newer, { ...manifest, version: 2 }, []);
    const second = await target.importPaths([newer]);
    assert.equal(second.failed, 1);
    assert.match(second.items[0]?.message ?? '', /format version 2, newer than this version's 1/);
    assert.equal((target.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, 0);
  });

  it('never writes over the archive, a file that is not a bundle, or a relative path', async () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'my notes');
    for (const [path, message] of [
      [source.path, /is the archive itself/],
      [notes, /already exists and is not a bundle/],
      ['relative.bundle', /must be absolute/],
      [dir, /is a folder/],
    ] as const) {
      await assert.rejects(writeBundle(source.db, source.searcher, { ...all, path }), message);
    }
    assert.equal(readFileSync(notes, 'utf8'), 'my notes');
  });

  it('a bundle renamed .zip is recognised by its manifest', async () => {
    const zip = join(dir, 'renamed.zip');
    writeFileSync(zip, readFileSync(full));
    const target = await createTestArchive();
    const report = await target.importPaths([zip]);
    assert.equal(report.imported, 7);
    assert.deepEqual(snapshot(target.db), snapshot(source.db));
  });
});

describe('images in a bundle', () => {
  it('are taken out of attributes only, and put back byte for byte', () => {
    const uri = `data:image/png;base64,${PNG.toString('base64')}`;
    const html = `<p>Write <code>data:image/png;base64,AAAA then</code> in CSS.</p><img src="${uri}"><div style="background:url(${uri})"></div>`;
    const extracted = extractImages(html);
    assert.equal(extracted.images.length, 1);
    assert.ok(extracted.html.includes('<code>data:image/png;base64,AAAA then</code>'));
    assert.ok(!extracted.html.includes(PNG.toString('base64')));
    const available = new Map(extracted.images.map((image) => [image.sha256, image]));
    assert.equal(restoreImages(extracted.html, available), html);
  });
});
