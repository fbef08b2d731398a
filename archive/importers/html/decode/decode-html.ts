import { decodeBytes, type DecodedText } from '../../../text/decode.ts';

/** How far into a page its encoding declaration is looked for; browsers look at 1 KB, saved pages put more first. */
const PRESCAN_BYTES = 16 * 1024;

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_DECLARATION = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i;

/**
 * The label a page declares for its encoding: an XML declaration, `<meta charset>` or the
 * http-equiv Content-Type (whose `content` carries `charset=`), whichever comes first.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps each byte to one character, so ASCII markup reads the same whatever the page's encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  return (XML_DECLARATION.exec(head) ?? META_CHARSET.exec(head))?.[1]?.toLowerCase() ?? null;
}

/**
 * Decodes an HTML page as `decodeText` decodes text (a byte order mark, else the declared
 * encoding, else UTF-8, else a detection that leaves no doubt, else an error that says so), the
 * declaration being the transport's (a MIME part's charset) or else the page's own.
 */
export function decodeHtml(bytes: Uint8Array, transportCharset: string | null = null): string {
  return decodeHtmlBytes(bytes, transportCharset).text;
}

/** `decodeHtml`, saying which encoding the page was read as and how it was known. */
export function decodeHtmlBytes(bytes: Uint8Array, transportCharset: string | null = null): DecodedText {
  if (transportCharset) return decodeBytes(bytes, transportCharset);
  const declared = declaredCharset(bytes);
  // A declaration read as ASCII cannot be UTF-16's: the HTML standard reads such a page as UTF-8.
  return decodeBytes(bytes, declared?.startsWith('utf-16') ? 'utf-8' : declared);
}
