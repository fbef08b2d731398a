import { constants, crc32, deflateRawSync } from 'node:zlib';

/** An entry written byte by byte, so that its headers can say anything. */
export interface RawEntry {
  /** The name as stored; a string is written as UTF-8 (general purpose bit 11 set). */
  name: string | Buffer;
  /** The bytes as stored: deflated (method 8) or as they are (method 0). */
  data: Buffer;
  method: 0 | 8;
  crc32: number;
  /** The uncompressed size the headers declare. */
  size: number;
  /** The compressed size the headers declare; the length of `data` by default. */
  compressedSize?: number;
  /** Unix mode, e.g. 0o120777 for a symbolic link. */
  mode?: number;
  /** A name for the Info-ZIP Unicode Path extra field (0x7075), which readers take over the stored one. */
  unicodePath?: string;
  /** Points the central record at an earlier entry's local header and data: entries that overlap. */
  sameDataAs?: number;
}

export const deflated = (name: string, content: Buffer | string): RawEntry => {
  const bytes = Buffer.from(content);
  return { name, data: deflateRawSync(bytes), method: 8, crc32: crc32(bytes), size: bytes.length };
};

export const stored = (name: string, content: Buffer | string): RawEntry => {
  const bytes = Buffer.from(content);
  return { name, data: bytes, method: 0, crc32: crc32(bytes), size: bytes.length };
};

/**
 * A run of `mebibytes` MiB of zeros, deflated, built without deflating it all: one MiB of zeros
 * deflated up to a full flush (byte-aligned, no back-references across it) is repeated, then an
 * empty final block ends the stream. 1 GiB takes about 1 MB and a second to build (its CRC).
 */
export function zeroRun(mebibytes: number): RawEntry & { name: string } {
  const mebibyte = Buffer.alloc(1024 * 1024);
  const kernel = deflateRawSync(mebibyte, { finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < mebibytes; i++) crc = crc32(mebibyte, crc);
  const data = Buffer.concat([...Array.from({ length: mebibytes }, () => kernel), Buffer.from([0x03, 0x00])]);
  return { name: 'zeros', data, method: 8, crc32: crc, size: mebibytes * 1024 * 1024 };
}

/** A zip file of exactly these entries, with no checks: names, sizes and offsets are as given. */
export function rawZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((entry, index) => {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name) : entry.name;
    const flags = typeof entry.name === 'string' ? 0x0800 : 0;
    const compressedSize = entry.compressedSize ?? entry.data.length;
    const extra = entry.unicodePath === undefined ? Buffer.alloc(0) : unicodePathField(name, entry.unicodePath);
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(flags, at + 2);
      header.writeUInt16LE(entry.method, at + 4);
      header.writeUInt32LE(0, at + 6); // time and date
      header.writeUInt32LE(entry.crc32 >>> 0, at + 10);
      header.writeUInt32LE(compressedSize, at + 14);
      header.writeUInt32LE(entry.size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
      header.writeUInt16LE(extra.length, at + 24);
    };
    if (entry.sameDataAs === undefined) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      fields(local, 4);
      offsets[index] = offset;
      parts.push(local, name, extra, entry.data);
      offset += local.length + name.length + extra.length + entry.data.length;
    } else {
      offsets[index] = offsets[entry.sameDataAs]!;
    }
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below is read
    fields(record, 6);
    record.writeUInt16LE(0, 32); // comment length
    record.writeUInt32LE(0, 34); // disk number, internal attributes
    record.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    record.writeUInt32LE(offsets[index]!, 42);
    central.push(record, name, extra);
  });
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

function unicodePathField(storedName: Buffer, path: string): Buffer {
  const unicode = Buffer.from(path);
  const field = Buffer.alloc(4 + 5 + unicode.length);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + unicode.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(storedName), 5);
  unicode.copy(field, 9);
  return field;
}
