import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ByteReader } from '../../../../archive/importers/warc/byte-reader.ts';

/** A reader over the text cut in chunks of the given size, so that every boundary case is met. */
function readerOf(text: string, chunkSize: number): ByteReader {
  const bytes = Buffer.from(text);
  return new ByteReader(
    (async function* () {
      for (let at = 0; at < bytes.length; at += chunkSize) yield bytes.subarray(at, at + chunkSize);
    })(),
  );
}

describe('the byte reader under the WARC parser', () => {
  for (const chunkSize of [1, 2, 3, 7, 1024]) {
    it(`reads lines, lengths and searches across chunks of ${chunkSize} bytes`, async () => {
      const reader = readerOf('WARC/1.1\r\nA: b\r\n\r\n0123456789junk junk\nWARC/1.0\r\nend', chunkSize);
      assert.equal((await reader.readLine(100))?.toString(), 'WARC/1.1\r\n');
      assert.equal((await reader.readLine(100))?.toString(), 'A: b\r\n');
      assert.equal((await reader.readLine(100))?.toString(), '\r\n');
      assert.equal((await reader.peek(4)).toString(), '0123');
      assert.equal((await reader.read(4)).toString(), '0123');
      assert.equal(await reader.skip(6), 6);
      assert.equal(reader.offset, 28);
      assert.equal(await reader.skipTo(Buffer.from('\nWARC/')), true);
      assert.equal(reader.offset, 37);
      reader.unread(Buffer.from('xy'));
      assert.equal(reader.offset, 35);
      assert.equal((await reader.readLine(3))?.toString(), 'xy\n', 'a line may end in the bytes put back');
      assert.equal((await reader.readLine(4))?.toString(), 'WARC', 'a line longer than the limit is cut');
      assert.equal(await reader.skipTo(Buffer.from('nowhere')), false);
      assert.equal(await reader.atEnd(), true);
      assert.equal(await reader.readLine(10), null);
    });
  }
});
