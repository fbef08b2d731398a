import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FileImporter, ImportedEntry } from '../../../../archive/importers/file-importer.ts';
import { createZipImporter, type ZipImportOptions } from '../../../../archive/importers/zip/zip-file.ts';
import { createTestArchive } from '../../../helpers/archive.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { articlePage, http, record } from '../warc/build-warc.ts';
import { buildZip } from './build-zip.ts';

const STORY = 'Water reserves are falling\n\nThe council met on Tuesday to discuss the wells of the district.\n';
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Zip news</title>
<item><title>A feed item in a zip</title><link>https://example.org/a</link>
<description>The item's text, long enough to be read.</description></item></channel></rss>`;

async function readZip(bytes: Buffer, options: ZipImportOptions = {}) {
  const dir = tempDir();
  const path = join(dir, 'bundle.zip');
  writeFileSync(path, bytes);
  const tempRoot = tempDir();
  const importer: FileImporter = createZipImporter({ tempRoot, ...options });
  const entries: ImportedEntry[] = [];
  const started = performance.now();
  for await (const entry of importer.read(path)) entries.push(entry);
  return {
    lines: entries.map((entry) =>
      entry.kind === 'article'
        ? `${entry.position}: article "${entry.article.title}"`
        : `${entry.position ?? '(file)'}: ${entry.kind} ${entry.message}`,
    ),
    milliseconds: performance.now() - started,
    leftovers: readdirSync(tempRoot),
  };
}

describe('zip import', () => {
  it('imports each entry with the importer its name selects, nested zips to depth 2, and refuses hostile entries', async () => {
    const deeper = await buildZip([{ name: 'deepest.txt', data: 'Too deep\n\nNever read.' }]);
    const inner = await buildZip([
      { name: 'inner-story.txt', data: 'A story in a zip in a zip\n\nIt is read all the same.' },
      { name: 'deeper.zip', data: deeper },
    ]);
    const zip = await buildZip([
      { name: 'folder/', directory: true },
      { name: 'folder/story.txt', data: STORY },
      { name: 'feeds/news.rss', data: RSS },
      {
        name: 'crawl/site.warc',
        data: record(
          'response',
          'https://example.org/page',
          http(200, { 'Content-Type': 'text/html' }, articlePage('A page from a web archive', 'Lead.')),
        ),
      },
      { name: 'photo.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
      { name: '__MACOSX/folder/._story.txt', data: 'resource fork' },
      { name: '../evil.txt', data: 'Escape\n\nOut of the folder.' },
      { name: '/etc/evil.txt', data: 'Escape\n\nAbsolute.' },
      { name: 'C:/evil.txt', data: 'Escape\n\nDrive letter.' },
      { name: '..\\..\\evil.txt', data: 'Escape\n\nBackslashes.' },
      { name: 'link.txt', data: '/etc/passwd', mode: 0o120777 },
      { name: 'inner.zip', data: inner },
    ]);
    const { lines, leftovers } = await readZip(zip);
    assert.deepEqual(lines, [
      'folder/story.txt: article "Water reserves are falling"',
      'feeds/news.rss#item 1: article "A feed item in a zip"',
      'crawl/site.warc#record 1: article "A page from a web archive"',
      'photo.png: skipped not a supported file type (.png)',
      '../evil.txt: failed refused: its name climbs out of the folder with ".."',
      '/etc/evil.txt: failed refused: its name is an absolute path',
      'C:/evil.txt: failed refused: its name starts with a drive letter',
      '..\\..\\evil.txt: failed refused: its name climbs out of the folder with ".." (written with backslashes)',
      'link.txt: failed refused: a symbolic link',
      'inner.zip/inner-story.txt: article "A story in a zip in a zip"',
      'inner.zip/deeper.zip: skipped a zip inside a zip 2 deep; zips nested deeper than 2 are not read',
    ]);
    assert.deepEqual(leftovers, [], 'the temp folder is removed');
  });

  it('refuses a zip bomb entry quickly (by its ratio, or past the size it declares) and imports the rest', async () => {
    const zip = await buildZip([
      { name: 'a.txt', data: 'Before the bombs\n\nA good entry.' },
      // 64 MB of zeros deflate to about 64 KB: a ratio near 1,000:1.
      { name: 'zeros.txt', data: Buffer.alloc(64 * 1024 * 1024) },
      // 32 MB that the headers say are 1,000 bytes: reading stops at byte 1,001.
      { name: 'liar.txt', data: Buffer.alloc(32 * 1024 * 1024, 'a'), declaredSize: 1000 },
      { name: 'b.txt', data: 'After the bombs\n\nAnother good entry.' },
    ]);
    const { lines, milliseconds, leftovers } = await readZip(zip);
    assert.match(lines[1]!, /^zeros.txt: failed refused: compressed 10\d\d:1 \(over 200:1\), as zip bombs are$/);
    assert.deepEqual(lines, [
      'a.txt: article "Before the bombs"',
      lines[1],
      'liar.txt: failed refused: it holds more than the 1000 bytes its header declares, as zip bombs do',
      'b.txt: article "After the bombs"',
    ]);
    assert.ok(milliseconds < 2000, `refused in ${Math.round(milliseconds)} ms`);
    assert.deepEqual(leftovers, []);
  });

  it('holds to the limits on entries and total size', async () => {
    const zip = await buildZip([
      { name: 'one.txt', data: `One\n\n${'x'.repeat(600)}` },
      { name: 'two.txt', data: `Two\n\n${'y'.repeat(600)}` },
      { name: 'three.txt', data: `Three\n\n${'z'.repeat(600)}` },
    ]);
    await assert.rejects(
      readZip(zip, { maxEntries: 2 }),
      /the zip lists 3 entries; zips of more than 2 entries are not imported/,
    );
    const { lines } = await readZip(zip, { maxTotalBytes: 1300 });
    assert.deepEqual(lines, [
      'one.txt: article "One"',
      'two.txt: article "Two"',
      "three.txt: failed refused: the zip's entries add up to more than 1.3 KB once extracted",
    ]);
  });

  it('goes through the import pipeline: entries positioned by name, a damaged zip reported', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bundle.zip'), await buildZip([{ name: 'notes/story.txt', data: STORY }]));
    writeFileSync(join(dir, 'damaged.zip'), Buffer.from('PK\u0003\u0004 this is not really a zip'));
    const archive = await createTestArchive();
    const report = await archive.importPaths([dir]);
    assert.deepEqual(
      report.items.map((item) => [item.path.slice(dir.length + 1), item.status, item.title]),
      [
        ['bundle.zip#notes/story.txt', 'imported', 'Water reserves are falling'],
        ['damaged.zip', 'failed', undefined],
      ],
    );
    assert.match(
      report.items[1]!.message!,
      /^not a readable zip file \(End of central directory record signature not found/,
    );
  });
});
