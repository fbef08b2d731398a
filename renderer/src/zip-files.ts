/**
 * A zip of text files, made in the page for a download (the notebook as one Markdown file per
 * article). Members are stored, not compressed: notes are small, and every unzip tool reads a
 * stored member. Names are UTF-8 (flag bit 11), as article titles are in any script.
 */

export interface TextFile {
  fileName: string;
  content: string;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time, as zip headers hold them (local time, two-second steps). */
function dosTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    day: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** More members would need ZIP64, which this small writer does not write. */
export const MAX_ZIP_MEMBERS = 0xffff;

export function zipFiles(files: readonly TextFile[], now = new Date()): Uint8Array<ArrayBuffer> {
  if (files.length > MAX_ZIP_MEMBERS) throw new RangeError(`a zip of at most ${MAX_ZIP_MEMBERS} files`);
  const encoder = new TextEncoder();
  const { time, day } = dosTime(now);
  const members = files.map((file) => {
    const name = encoder.encode(file.fileName);
    const data = encoder.encode(file.content);
    return { name, data, crc: crc32(data) };
  });
  const localSize = members.reduce((sum, m) => sum + 30 + m.name.length + m.data.length, 0);
  const directorySize = members.reduce((sum, m) => sum + 46 + m.name.length, 0);
  const out = new Uint8Array(localSize + directorySize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  /** The fields local headers and directory entries share, from "version needed" to the name's length. */
  const common = (m: (typeof members)[number], from: number) => {
    view.setUint16(from, 20, true);
    view.setUint16(from + 2, 0x0800, true);
    view.setUint16(from + 4, 0, true);
    view.setUint16(from + 6, time, true);
    view.setUint16(from + 8, day, true);
    view.setUint32(from + 10, m.crc, true);
    view.setUint32(from + 14, m.data.length, true);
    view.setUint32(from + 18, m.data.length, true);
    view.setUint16(from + 22, m.name.length, true);
  };
  for (const m of members) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    common(m, at + 4);
    out.set(m.name, at + 30);
    out.set(m.data, at + 30 + m.name.length);
    at += 30 + m.name.length + m.data.length;
  }
  const directoryStart = at;
  members.forEach((m, index) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    common(m, at + 6);
    view.setUint32(at + 42, offsets[index] ?? 0, true);
    out.set(m.name, at + 46);
    at += 46 + m.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, members.length, true);
  view.setUint16(at + 10, members.length, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, directoryStart, true);
  return out;
}
