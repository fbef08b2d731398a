import { closeSync, openSync, readSync } from 'node:fs';
import iconv from 'iconv-lite';
import { EncodingError, firstInvalidUtf8, type DecodedText } from './decode.ts';

const CHUNK_BYTES = 256 * 1024;

/** How the text of a file read in chunks was decoded: known from its first chunk. */
export type StreamDecoding = Pick<DecodedText, 'encoding' | 'how'>;

/** Decodes chunk after chunk, a character split between two chunks included. */
interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/** The bytes up to the last whole UTF-8 sequence: a sample cut mid-character must not look like another encoding. */
function wholeUtf8(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if (byte < 0x80) return bytes;
    if (byte >= 0xc0) {
      const length = byte >> 5 === 0b110 ? 2 : byte >> 4 === 0b1110 ? 3 : 4;
      return length > back ? bytes.subarray(0, bytes.length - back) : bytes;
    }
  }
  return bytes;
}

function chunkDecoder(decoding: StreamDecoding): ChunkDecoder {
  const { encoding, how } = decoding;
  if (encoding === 'utf-8' || encoding.startsWith('utf-16')) {
    // Like the whole-file decoding: bytes known to be UTF-8 must stay so, a declaration is read as a browser would.
    const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' && how !== 'declared' });
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  if (iconv.encodingExists(encoding)) {
    const decoder = iconv.getDecoder(encoding);
    return { write: (bytes) => decoder.write(Buffer.from(bytes)), end: () => decoder.end() ?? '' };
  }
  const decoder = new TextDecoder(encoding);
  return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/**
 * A file's text, a chunk at a time, so that a file of gigabytes is never held whole. Its encoding is
 * decided once, by `decide`, from the first chunk (the whole file when it is smaller), and told to
 * `watch.onDecoding` before the first chunk; `watch.onRead` hears how many bytes have been read
 * before each chunk is yielded. Bytes further on that the encoding cannot read throw an
 * `EncodingError` that says where: what came before them has been read.
 */
export function* readTextChunks(
  path: string,
  decide: (sample: Uint8Array) => DecodedText,
  watch: { onDecoding(decoding: StreamDecoding): void; onRead?(bytes: number): void },
  chunkBytes = CHUNK_BYTES,
): Generator<string, void, void> {
  const fd = openSync(path, 'r');
  try {
    const first = Buffer.alloc(chunkBytes);
    const length = readSync(fd, first, 0, chunkBytes, null);
    if (length < chunkBytes) {
      const decoded = decide(first.subarray(0, length));
      watch.onDecoding(decoded);
      watch.onRead?.(length);
      yield decoded.text;
      return;
    }
    const decoded = decide(wholeUtf8(first));
    watch.onDecoding(decoded);
    const decoder = chunkDecoder(decoded);
    let offset = 0;
    const decode = (bytes: Uint8Array | null) => {
      try {
        return bytes ? decoder.write(bytes) : decoder.end();
      } catch {
        const at = offset + (bytes ? firstInvalidUtf8(bytes) : 0);
        throw new EncodingError(`the text stops being valid UTF-8 at byte ${at}; what came before it was read`);
      }
    };
    const opening = decode(first);
    offset += length;
    watch.onRead?.(offset);
    yield opening;
    const chunk = Buffer.alloc(chunkBytes);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunkBytes, null);
      if (read === 0) break;
      const text = decode(chunk.subarray(0, read));
      offset += read;
      watch.onRead?.(offset);
      yield text;
    }
    const rest = decode(null);
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** The chunks of a stream whose first chunk was taken (to tell what the file is), that one first. */
export function* startingWith(first: string, rest: Iterator<string>): Generator<string> {
  yield first;
  for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
}
