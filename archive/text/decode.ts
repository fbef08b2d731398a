export class EncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodingError';
  }
}

/**
 * Decodes a text file: a byte order mark decides when there is one, otherwise the bytes must be
 * valid UTF-8. Anything else is reported rather than guessed, so text never turns into mojibake.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  if (bytes.subarray(0, 8192).includes(0))
    throw new EncodingError('the file looks binary (it contains NUL bytes), not text');
  return decode('utf-8', bytes);
}

function decode(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const where = encoding === 'utf-8' ? ` (first bad byte at offset ${firstInvalidUtf8(bytes)})` : '';
    throw new EncodingError(
      `the text is not valid ${encoding.toUpperCase()}${where}; save it as UTF-8 and import it again`,
    );
  }
}

/** Offset of the first byte that breaks UTF-8, for an error message that points at it. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const length = b < 0x80 ? 1 : b >> 5 === 0b110 ? 2 : b >> 4 === 0b1110 ? 3 : b >> 3 === 0b11110 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return i;
}
