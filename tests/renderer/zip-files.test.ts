import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crc32, zipFiles } from '../../renderer/src/zip-files.ts';
import { tempDir } from '../helpers/temp.ts';
import { zipEntries } from '../helpers/zip-entries.ts';

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
    assert.deepEqual(await zipEntries(path), new Map(files.map((file) => [file.fileName, file.content])));
  });
});
