import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { decodeBytes, decodeText, describeDecoding, EncodingError } from '../../../archive/text/decode.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { fixture, tempDir } from '../../helpers/temp.ts';

/** Text in windows-1252, byte by byte: Latin-1 letters, and the code page's own quotes, dash and euro sign. */
function cp1252(text: string): Buffer {
  const own: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '—': 0x97, '…': 0x85 };
  return Buffer.from([...text].map((char) => own[char] ?? char.charCodeAt(0)));
}

const refused = (bytes: Uint8Array) => {
  try {
    decodeText(bytes);
  } catch (error) {
    assert.ok(error instanceof EncodingError);
    return error.message;
  }
  assert.fail('the bytes were decoded');
};

describe('decoding text files', () => {
  it('reads UTF-8, and UTF-16 by its byte order mark', () => {
    assert.equal(decodeText(Buffer.from('Un texte écrit')), 'Un texte écrit');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('écrit', 'utf16le')]);
    assert.deepEqual(decodeBytes(utf16), { text: 'écrit', encoding: 'utf-16le', how: 'bom', detected: false });
    assert.equal(describeDecoding(decodeBytes(utf16)), 'decoded as utf-16le (byte order mark)');
    assert.equal(describeDecoding(decodeBytes(Buffer.from('Un texte écrit'))), null, 'UTF-8 goes unsaid');
  });

  it('detects French in Latin-1 and says so', () => {
    const decoded = decodeBytes(readFileSync(fixture('latin1.txt')));
    assert.equal(decoded.text, 'Un titre\n\nUn texte écrit en Latin-1, pas en UTF-8.\n');
    assert.deepEqual([decoded.encoding, decoded.detected], ['windows-1252', true]);
    assert.equal(describeDecoding(decoded), 'decoded as windows-1252 (detected)');
  });

  it('detects windows-1252 with its curly quotes, dashes and euro sign', () => {
    const text =
      'Le ministre a déclaré : “Nous avons payé 5 € pour ça” — c’est élevé… Les élèves étaient très contents.';
    assert.equal(decodeText(cp1252(text)), text);
  });

  it('tells apart code pages that differ in a few letters, by the alphabet the text is written in', () => {
    // Read as windows-1250, this French would say "Ŕ Niamey" and "coűte"; read as windows-1252, Turkish "eþit doðarlar".
    const french = 'À Niamey, le bidon coûte désormais 5 € : “c’est trop”, disent les habitants.';
    assert.equal(decodeText(cp1252(french)), french);
    const turkish = 'Bütün insanlar hür, haysiyet ve haklar bakımından eşit doğarlar.';
    assert.deepEqual(
      [
        decodeBytes(iconv.encode(turkish, 'windows-1254')).text,
        decodeBytes(iconv.encode(turkish, 'windows-1254')).encoding,
      ],
      [turkish, 'windows-1254'],
    );
  });

  it('detects KOI8-R and Shift-JIS', () => {
    const russian = 'Москва — столица России. Это большой город с долгой историей и многими музеями.'.replace('—', '-');
    assert.deepEqual(decodeBytes(iconv.encode(russian, 'koi8-r')), {
      text: russian,
      encoding: 'koi8-r',
      how: 'detected',
      detected: true,
    });
    const japanese = '日本語のテキストです。これは東京についての記事です。天気は晴れでした。';
    const decoded = decodeBytes(iconv.encode(japanese, 'shift_jis'));
    assert.deepEqual([decoded.text, decoded.encoding], [japanese, 'shift_jis']);
  });

  it('refuses rather than guesses when two encodings give different readable texts', () => {
    // Hebrew in windows-1255 reads as Greek in ISO-8859-7 too, letter for letter: a guess would be a coin toss.
    const message = refused(iconv.encode('כל בני האדם נולדו בני חורין ושווים בערכם ובזכויותיהם.', 'windows-1255'));
    assert.match(
      message,
      /^the text is not valid UTF-8 \(first bad byte at offset \d+\) and its encoding could not be told/,
    );
    assert.match(message, /save it as UTF-8 and import it again$/);
  });

  it('reports random bytes, with or without NUL bytes', () => {
    let seed = 42;
    const random = (from: number) =>
      Uint8Array.from(
        { length: 4096 },
        () => from + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % (256 - from)),
      );
    assert.match(refused(random(1)), /encoding could not be told/);
    assert.match(refused(random(0x80)), /encoding could not be told/);
    assert.match(refused(random(0)), /looks binary/);
  });

  it('reads the encoding a caller declares, unless the bytes are plainly UTF-8', () => {
    const cyrillic = iconv.encode('Привет', 'windows-1251');
    assert.deepEqual(decodeBytes(cyrillic, 'windows-1251'), {
      text: 'Привет',
      encoding: 'windows-1251',
      how: 'declared',
      detected: false,
    });
    assert.equal(decodeText(cp1252('café'), 'latin1'), 'café');
    // Pages re-saved as UTF-8 keep the charset of the original.
    assert.equal(decodeText(Buffer.from('café'), 'iso-8859-1'), 'café');
    // A label nobody knows is no declaration: the bytes are read as if undeclared.
    assert.equal(decodeText(Buffer.from('café'), 'x-unknown'), 'café');
  });

  it('lets the text importer import a windows-1252 article, its quotes and accents intact', async () => {
    const archive = await createTestArchive();
    const file = join(tempDir(), 'article.txt');
    writeFileSync(
      file,
      cp1252('Le prix de l’eau\n\nÀ Niamey, le bidon coûte désormais 5 € : “c’est trop”, disent les habitants.\n'),
    );
    const report = await archive.importPaths([file]);
    assert.equal(report.items[0]!.status, 'imported');
    const article = archive.store.get(report.items[0]!.articleId!)!;
    assert.equal(article.title, 'Le prix de l’eau');
    assert.equal(article.text, 'À Niamey, le bidon coûte désormais 5 € : “c’est trop”, disent les habitants.');
  });
});
