/**
 * Reads an earlier bundle's manifest in the page, from a file the user picked: a delta "since that
 * bundle" starts from the manifest's high-water mark, which is all the page needs to send (the
 * same date `--since-bundle` reads on the CLI). Only the zip's end is read: its central directory,
 * then the manifest, so a bundle of gigabytes is not loaded whole.
 */

export interface EarlierBundle {
  /** The moment the delta starts from (the manifest's `highWater`). */
  highWater: string;
  /** When that bundle was written. */
  createdAt: string;
}

export class NotABundle extends Error {}

const BUNDLE_FORMAT = 'archive-reader-bundle';
const MANIFEST = 'manifest.json';
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record (22 bytes) and a comment of at most 65,535 bytes. */
const TAIL = 22 + 0xffff;
const MAX_MANIFEST = 256 * 1024 * 1024;

async function bytesOf(file: Blob, start: number, end: number): Promise<DataView> {
  if (start < 0 || end > file.size || start > end) throw new NotABundle('the zip is cut short');
  return new DataView(await file.slice(start, end).arrayBuffer());
}

const u64 = (view: DataView, at: number) => Number(view.getBigUint64(at, true));

/** Where the central directory starts and how long it is, from the end record (or its ZIP64 form). */
async function centralDirectory(file: Blob): Promise<{ offset: number; size: number }> {
  const tailStart = Math.max(0, file.size - TAIL);
  const tail = await bytesOf(file, tailStart, file.size);
  let end = -1;
  for (let at = tail.byteLength - 22; at >= 0; at--) {
    if (tail.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new NotABundle('it is not a zip');
  const size = tail.getUint32(end + 12, true);
  const offset = tail.getUint32(end + 16, true);
  if (size !== 0xffffffff && offset !== 0xffffffff) return { offset, size };
  // ZIP64 (over 4 GB or 65,535 members): a locator just before the end record points to the real one.
  const locatorAt = tailStart + end - 20;
  const locator = await bytesOf(file, locatorAt, locatorAt + 20);
  if (locator.getUint32(0, true) !== ZIP64_LOCATOR) throw new NotABundle('its ZIP64 end record is missing');
  const recordAt = u64(locator, 8);
  const record = await bytesOf(file, recordAt, recordAt + 56);
  if (record.getUint32(0, true) !== ZIP64_END) throw new NotABundle('its ZIP64 end record is damaged');
  return { offset: u64(record, 48), size: u64(record, 40) };
}

interface Entry {
  method: number;
  compressed: number;
  localHeader: number;
}

/** The manifest's entry in the central directory, with ZIP64 sizes and offset read from its extra field. */
function findManifest(directory: DataView): Entry {
  const decoder = new TextDecoder();
  for (let at = 0; at + 46 <= directory.byteLength;) {
    if (directory.getUint32(at, true) !== DIRECTORY_ENTRY) throw new NotABundle('its central directory is damaged');
    const nameLength = directory.getUint16(at + 28, true);
    const extraLength = directory.getUint16(at + 30, true);
    const commentLength = directory.getUint16(at + 32, true);
    const name = decoder.decode(new Uint8Array(directory.buffer, directory.byteOffset + at + 46, nameLength));
    if (name === MANIFEST) {
      let uncompressed = directory.getUint32(at + 24, true);
      let compressed = directory.getUint32(at + 20, true);
      let localHeader = directory.getUint32(at + 42, true);
      for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength;) {
        const id = directory.getUint16(extra, true);
        const length = directory.getUint16(extra + 2, true);
        if (id === 0x0001) {
          let field = extra + 4;
          const next = () => {
            const value = u64(directory, field);
            field += 8;
            return value;
          };
          if (uncompressed === 0xffffffff) uncompressed = next();
          if (compressed === 0xffffffff) compressed = next();
          if (localHeader === 0xffffffff) localHeader = next();
        }
        extra += 4 + length;
      }
      if (uncompressed > MAX_MANIFEST) throw new NotABundle('its manifest is too large');
      return { method: directory.getUint16(at + 10, true), compressed, localHeader };
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new NotABundle('it has no manifest');
}

async function inflate(bytes: ArrayBuffer, method: number): Promise<ArrayBuffer> {
  if (method === 0) return bytes;
  if (method !== 8) throw new NotABundle(`its manifest is compressed with method ${method}`);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).arrayBuffer();
}

export async function readEarlierBundle(file: Blob): Promise<EarlierBundle> {
  const { offset, size } = await centralDirectory(file);
  const entry = findManifest(await bytesOf(file, offset, offset + size));
  const header = await bytesOf(file, entry.localHeader, entry.localHeader + 30);
  if (header.getUint32(0, true) !== LOCAL_HEADER) throw new NotABundle('its manifest entry is damaged');
  const dataAt = entry.localHeader + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const data = await bytesOf(file, dataAt, dataAt + entry.compressed);
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder().decode(await inflate(data.buffer as ArrayBuffer, entry.method)));
  } catch (error) {
    if (error instanceof NotABundle) throw error;
    throw new NotABundle('its manifest cannot be read');
  }
  const { format, highWater, createdAt } = (manifest ?? {}) as Record<string, unknown>;
  if (format !== BUNDLE_FORMAT || typeof highWater !== 'string' || typeof createdAt !== 'string') {
    throw new NotABundle('it is a zip, not an Archive Reader bundle');
  }
  return { highWater, createdAt };
}
