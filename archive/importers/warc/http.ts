import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** An HTTP response as a WARC `response` or `revisit` record holds it. */
export interface HttpResponse {
  status: number;
  /** Fields by lower-case name; repeated fields joined by ", ". */
  headers: ReadonlyMap<string, string>;
  /** The body as sent: still chunked and compressed when the server sent it so. */
  body: Buffer;
}

const MAX_HEAD = 256 * 1024;
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/;

/** The HTTP response at the start of a record's block; null when the block does not start with one. */
export function parseHttpResponse(block: Buffer): HttpResponse | null {
  const head = block.subarray(0, MAX_HEAD);
  let end = head.indexOf('\r\n\r\n');
  let bodyStart = end + 4;
  if (end === -1) {
    end = head.indexOf('\n\n');
    bodyStart = end + 2;
  }
  // A revisit record may hold the headers alone, without the empty line after them.
  if (end === -1) {
    end = head.length;
    bodyStart = head.length;
  }
  const lines = head.subarray(0, end).toString('latin1').split(/\r?\n/);
  const status = STATUS_LINE.exec(lines[0] ?? '');
  if (!status) return null;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? value : `${previous}, ${value}`);
  }
  return { status: Number(status[1]), headers, body: block.subarray(bodyStart) };
}

/** A Content-Type's media type (lower case) and charset. */
export function parseContentType(value: string | undefined): { type: string; charset: string | null } {
  const [type = '', ...params] = (value ?? '').split(';');
  let charset: string | null = null;
  for (const param of params) {
    const [name, raw] = param.split('=');
    if (name?.trim().toLowerCase() === 'charset' && raw) charset = raw.trim().replace(/^["']|["']$/g, '') || null;
  }
  return { type: type.trim().toLowerCase(), charset };
}

/**
 * A chunked body joined back together; null when the body is not chunked after all (crawlers
 * often store the body de-chunked and keep the header). A body cut short keeps its whole chunks.
 */
export function dechunk(body: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let position = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', position);
    const sizeText = lineEnd === -1 ? '' : body.subarray(position, lineEnd).toString('latin1').split(';')[0]?.trim();
    if (!sizeText || !/^[0-9a-f]+$/i.test(sizeText)) return parts.length ? Buffer.concat(parts) : null;
    const size = parseInt(sizeText, 16);
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (start + size > body.length) {
      if (!parts.length) return null;
      parts.push(body.subarray(start));
      return Buffer.concat(parts);
    }
    parts.push(body.subarray(start, start + size));
    position = start + size;
    if (body.subarray(position, position + 2).toString('latin1') === '\r\n') position += 2;
    else return Buffer.concat(parts);
  }
}

export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

const looksLikeMarkup = (bytes: Buffer) =>
  /^\s*</.test(
    bytes
      .subarray(0, 1024)
      .toString('latin1')
      .replace(/^\uFEFF|^ï»¿/, ''),
  );

function decodeOne(encoding: string, body: Buffer, maxBytes: number): Buffer {
  const options = { maxOutputLength: maxBytes + 1, finishFlush: constants.Z_SYNC_FLUSH };
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      // Some crawlers store the body already decompressed and keep the header.
      return body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body, options) : body;
    case 'deflate':
      try {
        return inflateSync(body, options);
      } catch {
        return inflateRawSync(body, options);
      }
    case 'br':
      try {
        return brotliDecompressSync(body, {
          maxOutputLength: maxBytes + 1,
          finishFlush: constants.BROTLI_OPERATION_FLUSH,
        });
      } catch (error) {
        if (looksLikeMarkup(body)) return body;
        throw error;
      }
    case 'identity':
    case 'none':
    case '':
      return body;
    default:
      throw new PayloadError(`it is compressed as "${encoding}", which this app cannot read`);
  }
}

/**
 * The body as the server meant it: de-chunked and decompressed (gzip, deflate, brotli). Throws
 * a PayloadError when it cannot be read or is larger than `maxBytes` once decompressed.
 */
export function decodePayload(response: HttpResponse, maxBytes: number): Buffer {
  let body = response.body;
  if (/\bchunked\b/i.test(response.headers.get('transfer-encoding') ?? '')) body = dechunk(body) ?? body;
  const encodings = (response.headers.get('content-encoding') ?? '')
    .split(',')
    .map((encoding) => encoding.trim().toLowerCase())
    .filter(Boolean);
  for (const encoding of encodings.reverse()) {
    try {
      body = decodeOne(encoding, body, maxBytes);
    } catch (error) {
      if (error instanceof PayloadError) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new PayloadError(`it is over ${Math.round(maxBytes / 1048576)} MB once decompressed`);
      }
      throw new PayloadError(`its ${encoding} compression is damaged (${(error as Error).message})`);
    }
  }
  if (body.length > maxBytes) throw new PayloadError(`it is over ${Math.round(maxBytes / 1048576)} MB`);
  return body;
}
