import { createReadStream } from 'node:fs';
import { constants, createInflateRaw, type InflateRaw } from 'node:zlib';
import { ByteReader } from './byte-reader.ts';

/**
 * Damaged gzip data: where the damaged member starts in the file (or where the next one was
 * expected), and what zlib said. `previousStart` is the start of the member read just before, when
 * no member starts where one was expected: a damaged member may have inflated on into the members
 * after it, so the search for the next good one starts there.
 */
export class GzipDamage extends Error {
  readonly memberStart: number;
  readonly previousStart: number | null;
  constructor(memberStart: number, message: string, previousStart: number | null = null) {
    super(message);
    this.name = 'GzipDamage';
    this.memberStart = memberStart;
    this.previousStart = previousStart;
  }
}

const CHUNK = 64 * 1024;
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** Consumes a zero-terminated field of a gzip header. */
async function skipZeroTerminated(reader: ByteReader): Promise<void> {
  for (let read = 0; read < 64 * 1024; read++) {
    const byte = await reader.read(1);
    if (byte.length === 0 || byte[0] === 0) return;
  }
}

/** Reads a member's header; false at the end of the file (or of its zero padding), throws when no member starts here. */
async function readHeader(reader: ByteReader, memberStart: number): Promise<boolean> {
  const header = await reader.peek(10);
  if (header.length === 0) return false;
  if (header.length < 10 || header[0] !== 0x1f || header[1] !== 0x8b || header[2] !== 8) {
    // Some writers pad the file with zeros: that is its end, not damage.
    const rest = await reader.peek(CHUNK);
    if (rest.every((byte) => byte === 0) && rest.length < CHUNK) return false;
    throw new GzipDamage(memberStart, 'no gzip member starts there');
  }
  await reader.skip(10);
  const flags = header[3] as number;
  if (flags & FEXTRA) {
    const length = await reader.read(2);
    await reader.skip(length.length === 2 ? length.readUInt16LE(0) : 0);
  }
  if (flags & FNAME) await skipZeroTerminated(reader);
  if (flags & FCOMMENT) await skipZeroTerminated(reader);
  if (flags & FHCRC) await reader.skip(2);
  return true;
}

/** Writes a chunk to the inflater and waits until it is processed (or has failed). */
function feed(inflate: InflateRaw, chunk: Buffer | null, failure: () => Error | null): Promise<void> {
  return new Promise((resolve) => {
    const onError = () => resolve();
    inflate.once('error', onError);
    const done = () => {
      inflate.off('error', onError);
      resolve();
    };
    if (failure()) done();
    else if (chunk) inflate.write(chunk, done);
    else inflate.end(done);
  });
}

/**
 * The decompressed bytes of a gzip file from byte `start`, one member after the other, each
 * inflated on its own so that a damaged member can be told apart from the good ones around it:
 * its output so far is delivered, then a GzipDamage says where it started. Compressed chunks are
 * fed one at a time and their output handed on before the next is read, so memory stays bounded.
 * A file cut short inside a member gives what it holds.
 */
export async function* gunzipMembers(path: string, start = 0): AsyncGenerator<Buffer> {
  const reader = new ByteReader(createReadStream(path, { start, highWaterMark: CHUNK }));
  let previousStart: number | null = null;
  for (;;) {
    const memberStart = start + reader.offset;
    try {
      if (!(await readHeader(reader, memberStart))) return;
    } catch (error) {
      if (error instanceof GzipDamage) throw new GzipDamage(memberStart, error.message, previousStart);
      throw error;
    }
    previousStart = memberStart;
    const inflate = createInflateRaw({ finishFlush: constants.Z_SYNC_FLUSH });
    const output: Buffer[] = [];
    let failure: Error | null = null;
    inflate.on('data', (chunk: Buffer) => output.push(chunk));
    inflate.on('error', (error: Error) => (failure = error));
    try {
      for (;;) {
        const chunk = await reader.readSome(CHUNK);
        const before = inflate.bytesWritten;
        await feed(inflate, chunk.length ? chunk : null, () => failure);
        while (output.length) yield output.shift() as Buffer;
        if (failure) throw new GzipDamage(memberStart, (failure as Error).message);
        if (!chunk.length) return;
        // The deflate data ends inside this chunk: what follows is the trailer, then the next member.
        const consumed = inflate.bytesWritten - before;
        if (consumed < chunk.length) {
          reader.unread(chunk.subarray(consumed));
          break;
        }
      }
    } finally {
      inflate.destroy();
    }
    await reader.skip(8);
  }
}
