import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { epubFileImporter } from '../../../../archive/importers/epub/epub-file.ts';
import type { ImportedEntry } from '../../../../archive/importers/file-importer.ts';
import { createTestArchive } from '../../../helpers/archive.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { writeEpub, type EpubSpec } from './make-epub.ts';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const BOOK: EpubSpec = {
  title: 'Le Fleuve',
  creators: ['Aminata Traoré', 'Jean Dupont'],
  language: 'fr-FR',
  date: '2019-06-01',
  // The spine reads "z-first" before "a-second": reading order is the spine's, not the names'.
  chapters: [
    {
      file: 'z-first.xhtml',
      body:
        '<h1>Chapitre premier</h1><p>La pirogue descendait le fleuve&#160;Niger au petit matin.</p>' +
        '<a id="note1"/><p>Deuxième <em>paragraphe</em>.<br/>Une ligne après le saut.</p>',
    },
    {
      file: 'a second.xhtml',
      body: '<h2>Chapitre deux</h2><div><p>Les pêcheurs de Mopti.</p><img src="../images/fleuve.png" alt="Le fleuve"/></div>',
    },
  ],
  extra: { 'images/fleuve.png': PNG, 'style.css': 'p { margin: 0 }' },
};

async function read(spec: EpubSpec, name = 'book.epub'): Promise<ImportedEntry[]> {
  const path = join(tempDir(), name);
  await writeEpub(path, spec);
  const entries: ImportedEntry[] = [];
  for await (const entry of epubFileImporter.read(path)) entries.push(entry);
  return entries;
}

async function failure(spec: EpubSpec): Promise<string> {
  const [entry] = await read(spec);
  assert.equal(entry?.kind, 'failed');
  return (entry as { message: string }).message;
}

describe('EPUB books', () => {
  it('imports a book as one article: its metadata, and its chapters in reading order with their headings', async () => {
    const [entry] = await read(BOOK);
    assert.equal(entry?.kind, 'article');
    const { article } = entry as Extract<ImportedEntry, { kind: 'article' }>;
    assert.equal(article.title, 'Le Fleuve');
    assert.equal(article.author, 'Aminata Traoré, Jean Dupont');
    assert.equal(article.lang, 'fr');
    assert.equal(article.publishedAt, '2019-06-01');
    // The table of contents (the nav document) is not text of the book.
    assert.deepEqual(article.paragraphs, [
      'Chapitre premier',
      'La pirogue descendait le fleuve Niger au petit matin.',
      'Deuxième paragraphe.',
      'Une ligne après le saut.',
      'Chapitre deux',
      'Les pêcheurs de Mopti.',
    ]);
    assert.match(article.html!, /^<section><h1>Chapitre premier<\/h1>/);
    assert.match(article.html!, /<img src="data:image\/png;base64,iVBORw0KGgo[^"]*" alt="Le fleuve"/);
    assert.doesNotMatch(article.html!, /<link|style\.css/);
  });

  it('is stored through the registry, searchable by its text', async () => {
    const archive = await createTestArchive();
    const path = join(tempDir(), 'fleuve.epub');
    await writeEpub(path, BOOK);
    const report = await archive.importPaths([path]);
    assert.equal(report.items[0]!.status, 'imported');
    assert.equal(archive.searcher.search('pêcheurs', { limit: 10, offset: 0 }).results[0]?.title, 'Le Fleuve');
  });

  it('falls back to the file name for a book without a title', async () => {
    const [entry] = await read({ ...BOOK, title: undefined }, 'Sans titre.epub');
    assert.equal((entry as Extract<ImportedEntry, { kind: 'article' }>).article.title, 'Sans titre');
  });

  it('reports a broken or locked book as failed, with the reason', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-zip.epub'), 'this is not a zip file');
    const entries: ImportedEntry[] = [];
    for await (const entry of epubFileImporter.read(join(dir, 'not-a-zip.epub'))) entries.push(entry);
    assert.equal(entries[0]?.kind, 'failed');
    assert.match((entries[0] as { message: string }).message, /^not an EPUB book: not a readable zip file/);

    assert.match(
      await failure({ ...BOOK, omit: ['OEBPS/content.opf'] }),
      /package file OEBPS\/content\.opf is missing/,
    );
    assert.match(
      await failure({ ...BOOK, omit: ['OEBPS/content.opf', 'META-INF/container.xml'] }),
      /not an EPUB book: it has no package file/,
    );
    assert.match(
      await failure({ ...BOOK, omit: ['OEBPS/Text/a second.xhtml'] }),
      /incomplete: chapter OEBPS\/Text\/a second\.xhtml is missing/,
    );
    const encryption = (algorithm: string) => `<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/>
    <enc:CipherData><enc:CipherReference URI="OEBPS/Text/z-first.xhtml"/></enc:CipherData></enc:EncryptedData>
</encryption>`;
    assert.match(
      await failure({
        ...BOOK,
        raw: { 'META-INF/encryption.xml': encryption('http://www.w3.org/2001/04/xmlenc#aes128-cbc') },
      }),
      /protected by DRM/,
    );
    // Font obfuscation is not DRM: the book reads.
    const [obfuscated] = await read({
      ...BOOK,
      raw: { 'META-INF/encryption.xml': encryption('http://www.idpf.org/2008/embedding') },
    });
    assert.equal(obfuscated?.kind, 'article');
  });
});
