/**
 * Term offsets packed for storage: per term, the gap since the previous word's end and the word's
 * length, as unsigned LEB128 varints. Most take one byte each, a quarter of two 32-bit integers.
 */
export function packOffsets(offsets: ArrayLike<number>): Buffer {
  const bytes: number[] = [];
  const push = (value: number) => {
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    bytes.push(rest);
  };
  let previousEnd = 0;
  for (let i = 0; i + 1 < offsets.length; i += 2) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    push(start - previousEnd);
    push(end - start);
    previousEnd = end;
  }
  return Buffer.from(bytes);
}

/** The [start, end, start, end...] offsets packed by `packOffsets`. */
export function unpackOffsets(packed: Uint8Array): Uint32Array {
  const values: number[] = [];
  let position = 0;
  const read = () => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = packed[position++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80 && position < packed.length);
    return value;
  };
  let previousEnd = 0;
  while (position < packed.length) {
    const start = previousEnd + read();
    const end = start + read();
    values.push(start, end);
    previousEnd = end;
  }
  return Uint32Array.from(values);
}
