import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeBytes, EncodingError } from '../../../archive/text/decode.ts';
import { readTextChunks, type StreamDecoding } from '../../../archive/text/decode-stream.ts';
import { tempDir } from '../../helpers/temp.ts';

function file(bytes: Buffer): string {
  const path = join(tempDir(), 'text');
  writeFileSync(path, bytes);
  return path;
}

function read(path: string, chunkBytes: number, declared?: string) {
  let decoding = null as StreamDecoding | null;
  const chunks: string[] = [];
  for (const chunk of readTextChunks(
    path,
    (bytes) => decodeBytes(bytes, declared),
    { onDecoding: (found) => (decoding = found) },
    chunkBytes,
  )) {
    chunks.push(chunk);
  }
  return { text: chunks.join(''), chunks: chunks.length, decoding };
}

describe('readTextChunks', () => {
  const TEXT = 'Niamey, été 2024 : « Les pluies ». مرحبا بكم 🌧️ '.repeat(50);

  it('reads UTF-8 in chunks, characters split between chunks included', () => {
    const path = file(Buffer.from(TEXT, 'utf8'));
    for (const size of [5, 16, 333]) {
      const found = read(path, size);
      assert.equal(found.text, TEXT, `chunks of ${size} bytes`);
      assert.ok(found.chunks > 1);
      assert.equal(found.decoding?.encoding, 'utf-8');
    }
  });

  it('reads the declared legacy encoding, and a file in one chunk as a whole', () => {
    const latin = 'Été à Niamey, la saison des pluies commence. '.repeat(20);
    const path = file(Buffer.from(latin, 'latin1'));
    const chunked = read(path, 64, 'iso-8859-1');
    assert.equal(chunked.text, latin);
    assert.equal(chunked.decoding!.encoding, 'windows-1252');
    assert.equal(read(path, 1 << 20, 'iso-8859-1').chunks, 1);
  });

  it('says where the text stops being UTF-8, after giving what came before', () => {
    const bytes = Buffer.concat([Buffer.from('a'.repeat(100)), Buffer.from([0xe9]), Buffer.from('b'.repeat(20))]);
    const path = file(bytes);
    const seen: string[] = [];
    assert.throws(
      () => {
        for (const chunk of readTextChunks(path, (sample) => decodeBytes(sample), { onDecoding: () => {} }, 32))
          seen.push(chunk);
      },
      (error: unknown) => error instanceof EncodingError && /stops being valid UTF-8 at byte 100\b/.test(error.message),
    );
    assert.equal(seen.join(''), 'a'.repeat(96));
  });
});
