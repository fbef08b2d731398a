import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openPromise } from 'yauzl';
import { crc32, zipFiles } from '../../renderer/src/zip-files.ts';
import { tempDir } from '../helpers/temp.ts';

async function unzip(path: string): Promise<Map<string, string>> {
  const zip = await openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: true });
  const files = new Map<string, string>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
  }
  zip.close();
  return files;
}

describe('zip of text files made in the page', () => {
  it('computes the CRC-32 zip uses', () => {
    assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  });

  it('is read back by a zip library (checksums verified) with every name and text intact', async () => {
    const files = [
      { fileName: '12-la-récolte-de-mil.md', content: '# La récolte de mil\n\n> « Les greniers se remplissent. »\n' },
      { fileName: '13-التعاون.md', content: '# التعاون العسكري\n' },
      { fileName: 'empty.md', content: '' },
    ];
    const path = join(tempDir(), 'notes.zip');
    writeFileSync(path, zipFiles(files));
    assert.deepEqual(await unzip(path), new Map(files.map((file) => [file.fileName, file.content])));
  });
});
