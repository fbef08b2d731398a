import { decodeHtmlBytes } from '../decode/decode-html.ts';
import { describeDecoding } from '../../../text/decode.ts';
import { decodeBody, parseEntity, parseHeaderValue, splitMultipart, type MimeEntity } from './mime.ts';

/** Largest image inlined from an archive into the article's HTML; bigger ones are left out. */
const MAX_INLINE_IMAGE_BYTES = 5 * 1024 * 1024;

export interface MhtmlPage {
  html: string;
  /** How the HTML part was decoded, when the import report should say so (see `describeDecoding`). */
  decoding: string | null;
  /** The address the page was saved from. */
  url: string | undefined;
  /** The archive's images as `data:` URIs, by their Content-Location and by `cid:` Content-ID. */
  images: Map<string, string>;
  /** The message's Date header, as written: when the page was saved. */
  date: string | undefined;
}

export class MhtmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MhtmlError';
  }
}

const location = (part: MimeEntity) => part.headers.get('content-location')?.trim() || undefined;

/**
 * Reads a web archive saved as MHTML (a MIME multipart/related message, as browsers save "a
 * single file"): its HTML part decoded with the charset its headers declare, the address it was
 * saved from, and its images.
 */
export function readMhtml(bytes: Uint8Array): MhtmlPage {
  // Latin-1 keeps each byte as one character, so binary parts survive until they are decoded.
  const message = parseEntity(Buffer.from(bytes).toString('latin1'));
  const type = parseHeaderValue(message.headers.get('content-type'));
  const boundary = type.params.get('boundary');
  const parts = type.value.startsWith('multipart/') && boundary ? splitMultipart(message.body, boundary) : [message];
  const contentType = (part: MimeEntity) => parseHeaderValue(part.headers.get('content-type'));

  const start = type.params.get('start')?.replace(/^<|>$/g, '');
  const page =
    (start && parts.find((part) => part.headers.get('content-id')?.replace(/^<|>$/g, '') === start)) ||
    parts.find((part) => contentType(part).value === 'text/html');
  if (!page) throw new MhtmlError('the MHTML file has no HTML part');

  const images = new Map<string, string>();
  for (const part of parts) {
    const partType = contentType(part).value;
    if (!partType.startsWith('image/')) continue;
    const body = decodeBody(part);
    if (body.length > MAX_INLINE_IMAGE_BYTES) continue;
    const data = `data:${partType};base64,${body.toString('base64')}`;
    const contentId = part.headers.get('content-id')?.replace(/^<|>$/g, '');
    if (contentId) images.set(`cid:${contentId}`, data);
    const where = location(part);
    if (where) images.set(where, data);
  }

  const decoded = decodeHtmlBytes(decodeBody(page), contentType(page).params.get('charset') ?? null);
  return {
    html: decoded.text,
    decoding: describeDecoding(decoded),
    url: message.headers.get('snapshot-content-location') ?? location(page),
    images,
    date: message.headers.get('date'),
  };
}
