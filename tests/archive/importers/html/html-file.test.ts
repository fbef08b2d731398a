import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ImportedEntry } from '../../../../archive/importers/file-importer.ts';
import { htmlFileImporter } from '../../../../archive/importers/html/html-file.ts';
import { importerFor } from '../../../../archive/importers/registry.ts';
import { ROOT, tempDir } from '../../../helpers/temp.ts';

const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', 'html', name);
const read = (path: string) => [...(htmlFileImporter.read(path) as Iterable<ImportedEntry>)];

function article(path: string) {
  const [entry] = read(path);
  assert.equal(entry?.kind, 'article');
  return (entry as Extract<ImportedEntry, { kind: 'article' }>).article;
}

describe('the web page importer', () => {
  it('is the importer of saved pages and web archives', () => {
    for (const name of ['a.html', 'b.HTM', 'c.xhtml', 'd.shtml', 'e.mhtml', 'f.mht'])
      assert.equal(importerFor(name)?.name, 'web page');
  });

  it('decodes a page in the windows-1252 encoding its <meta> declares', () => {
    const { title, paragraphs, decoding } = article(fixture('zinder-windows-1252.html'));
    assert.equal(title, 'Le marché de Zinder retrouve ses couleurs');
    assert.match(paragraphs[1] ?? '', /^« C’est une renaissance », résume Halima/);
    assert.match(paragraphs[1] ?? '', /environ 7,60 € ;/);
    assert.equal(decoding, 'decoded as windows-1252 (declared)');
  });

  it('reads a page that declares no encoding the way plain text files are read (detected, here)', () => {
    const undeclared = article(fixture('undeclared-latin1.html'));
    const declared = article(fixture('zinder-windows-1252.html'));
    assert.deepEqual({ ...undeclared, decoding: null }, { ...declared, decoding: null });
    assert.equal(undeclared.decoding, 'decoded as windows-1252 (detected)');
    assert.equal(article(fixture('village-pump.html')).decoding, null, 'UTF-8 goes unsaid');
  });

  it('reads an MHTML archive: its HTML part, the address it was saved from, and its images inlined', () => {
    const page = article(fixture('tahoua-kiosks.mhtml'));
    assert.equal(page.title, 'Solar kiosks bring light to Tahoua markets');
    assert.equal(page.url, 'https://sahel-dispatch.example/2024/06/solar-kiosks-tahoua');
    assert.equal(page.source, 'Sahel Dispatch');
    assert.equal(page.author, 'Moussa Garba');
    assert.equal(page.lang, 'en');
    // Quoted-printable soft line breaks and the UTF-8 charset of the part's headers are undone.
    assert.ok(page.paragraphs.some((p) => p.includes('“Before, we packed up at six,” says Zeinabou')));
    assert.ok(!page.paragraphs.join(' ').includes('World'));
    assert.match(page.html ?? '', /<img src="data:image\/png;base64,iVBORw0KGgo[^"]*" alt="A solar kiosk" \/>/);
  });

  it('takes the address a browser or SingleFile noted in the saved page', () => {
    const dir = tempDir();
    const body = '<p>' + 'The rains came early to Agadez this year, and the wadis filled in a single night. '.repeat(5);
    writeFileSync(
      join(dir, 'singlefile.html'),
      `<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://news.example/agadez?utm_source=x \n saved date: Mon Jun 03 2024\n--><head><title>Rains in Agadez</title></head><body><article>${body}</p>${body}</p></article></body></html>`,
    );
    assert.equal(article(join(dir, 'singlefile.html')).url, 'https://news.example/agadez');
  });

  it('says so when a page holds no article', () => {
    assert.deepEqual(read(fixture('login.html')), [{ kind: 'skipped', message: 'no article found in the page' }]);
  });

  it('refuses, with a reason, a file that is not a page', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]));
    assert.throws(() => read(join(dir, 'image.html')), /looks binary/);
    writeFileSync(
      join(dir, 'empty.mhtml'),
      'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n',
    );
    assert.throws(() => read(join(dir, 'empty.mhtml')), /the MHTML file has no HTML part/);
  });
});
