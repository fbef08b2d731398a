/** A MIME entity: lower-case header names to unfolded values, and its body as sent (binary-safe Latin-1 text). */
export interface MimeEntity {
  headers: Map<string, string>;
  body: string;
}

/** Splits an entity's headers from its body; header lines continued on the next line are joined. */
export function parseEntity(raw: string): MimeEntity {
  const end = /\r?\n\r?\n/.exec(raw);
  const head = end ? raw.slice(0, end.index) : raw;
  const body = end ? raw.slice(end.index + end[0].length) : '';
  const headers = new Map<string, string>();
  let name = '';
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && name) {
      headers.set(name, `${headers.get(name) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** A header's main value and its parameters: `text/html; charset="utf-8"` → text/html, {charset: utf-8}. */
export function parseHeaderValue(value: string | undefined): { value: string; params: Map<string, string> } {
  const [main = '', ...rest] = (value ?? '').split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const params = new Map<string, string>();
  for (const param of rest) {
    const equals = param.indexOf('=');
    if (equals < 0) continue;
    params.set(
      param.slice(0, equals).trim().toLowerCase(),
      param
        .slice(equals + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  return { value: main.trim().toLowerCase(), params };
}

/** The parts of a multipart body, between `--boundary` lines and before `--boundary--`. */
export function splitMultipart(body: string, boundary: string): MimeEntity[] {
  const delimiter = `--${boundary}`;
  const parts: MimeEntity[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const afterDelimiter = start + delimiter.length;
    if (body.startsWith('--', afterDelimiter)) break;
    const next = body.indexOf(`\n${delimiter}`, afterDelimiter);
    const contentStart = body.indexOf('\n', afterDelimiter) + 1;
    if (contentStart === 0) break;
    const end = next < 0 ? body.length : next;
    parts.push(parseEntity(body.slice(contentStart, body[end - 1] === '\r' ? end - 1 : end)));
    start = next < 0 ? -1 : next + 1;
  }
  return parts;
}

/** A body's bytes, undoing its Content-Transfer-Encoding (base64, quoted-printable, or none). */
export function decodeBody(entity: MimeEntity): Buffer {
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'base64') return Buffer.from(entity.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const text = entity.body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(text, 'latin1');
  }
  return Buffer.from(entity.body, 'latin1');
}
