import { analyse } from 'chardet';
import iconv from 'iconv-lite';

export class EncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodingError';
  }
}

/** Text decoded from bytes, and how its encoding was known. */
export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, by its WHATWG name: "utf-8", "windows-1252", "shift_jis"… */
  encoding: string;
  /**
   * How the encoding was known: a byte order mark, the caller's declaration (an HTML `<meta charset>`,
   * a MIME part's charset), the bytes being valid UTF-8, or detection from the bytes themselves.
   */
  how: 'bom' | 'declared' | 'utf-8' | 'detected';
  /** True when the encoding was told from the bytes alone: say so to the reader (`describeDecoding`). */
  detected: boolean;
}

/**
 * Decodes a text file: a byte order mark decides when there is one, then the encoding the caller
 * declares, then the bytes must be valid UTF-8; failing that, the encoding is detected, but only
 * when the detection leaves no doubt (see `detectEncoding`). Anything else is reported rather than
 * guessed, so text never turns into mojibake.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): string {
  return decodeBytes(bytes, declared).text;
}

/** `decodeText`, saying which encoding the text was read as and whether it was detected. */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom)
    return {
      text: decodeStrict(bom.encoding, bytes.subarray(bom.length)),
      encoding: bom.encoding,
      how: 'bom',
      detected: false,
    };
  if (declared) {
    const fromDeclaration = decodeDeclared(declared, bytes);
    if (fromDeclaration) return fromDeclaration;
  }
  if (bytes.subarray(0, 8192).includes(0))
    throw new EncodingError('the file looks binary (it contains NUL bytes), not text');
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', how: 'utf-8', detected: false };
  const detection = detectEncoding(bytes);
  if ('text' in detection)
    return { text: detection.text, encoding: detection.encoding, how: 'detected', detected: true };
  throw new EncodingError(
    `the text is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}) and its encoding ` +
      `could not be told (${detection.reason}); save it as UTF-8 and import it again`,
  );
}

const HOW: Record<DecodedText['how'], string> = {
  bom: 'byte order mark',
  declared: 'declared',
  'utf-8': 'valid UTF-8',
  detected: 'detected',
};

/**
 * A note for an import report when the text was not UTF-8 or its encoding was detected rather than
 * known ("decoded as windows-1252 (detected)"), else null: UTF-8 is the rule and goes unsaid.
 */
export function describeDecoding(decoded: Pick<DecodedText, 'encoding' | 'how'>): string | null {
  if (decoded.encoding === 'utf-8' && decoded.how !== 'detected') return null;
  return `decoded as ${decoded.encoding} (${HOW[decoded.how]})`;
}

function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodeStrict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const where = encoding === 'utf-8' ? ` (first bad byte at offset ${firstInvalidUtf8(bytes)})` : '';
    throw new EncodingError(
      `the text is not valid ${encoding.toUpperCase()}${where}; save it as UTF-8 and import it again`,
    );
  }
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The bytes read as the declared encoding, as a browser reads them (stray bytes become U+FFFD),
 * except that bytes that are valid UTF-8 with some text beyond ASCII are read as UTF-8: pages
 * converted to UTF-8 when saved often keep the declaration of the original, and text in a legacy
 * encoding almost never happens to form valid UTF-8. Null for a label this app does not know, so
 * that the bytes are then read as undeclared. The HTML rule that a `<meta>` declaring UTF-16 means
 * UTF-8 is the caller's to apply: a declaration given here is taken as meant.
 */
function decodeDeclared(label: string, bytes: Uint8Array): DecodedText | null {
  const encoding = canonicalName(label);
  if (encoding === null) return null;
  if (encoding !== 'utf-8' && bytes.some((byte) => byte >= 0x80)) {
    const utf8 = tryUtf8(bytes);
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8', how: 'utf-8', detected: false };
  }
  const text = decodeAs(encoding, bytes);
  return text === null ? null : { text, encoding, how: 'declared', detected: false };
}

/** The WHATWG name of an encoding label ("latin1" → "windows-1252", "sjis" → "shift_jis"); null when unknown. */
function canonicalName(label: string): string | null {
  const trimmed = label.trim().toLowerCase();
  try {
    return new TextDecoder(trimmed).encoding;
  } catch {
    // A Node built without full ICU knows only the Unicode encodings: iconv-lite knows the rest.
    return iconv.encodingExists(trimmed) ? trimmed : null;
  }
}

/** The bytes read as `encoding` (non-fatal), by iconv-lite where it knows the encoding, else the platform. */
function decodeAs(encoding: string, bytes: Uint8Array): string | null {
  if (encoding === 'utf-8' || encoding.startsWith('utf-16')) return new TextDecoder(encoding).decode(bytes);
  if (iconv.encodingExists(encoding)) return iconv.decode(bytes, encoding);
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Detection

/** How many bytes the detector reads: enough for its statistics, and fast on a 50 MB file. */
const SAMPLE_BYTES = 64 * 1024;
/** Below this the detector itself is unsure (random bytes score 10 or so; real text 30 and more). */
const MIN_CONFIDENCE = 25;
/** A rival reading of the text, different and plausible, must score below this share of the best. */
const RIVAL_SHARE = 0.6;

// The detector's names, as decoded: ISO-8859-1 and -9 are read as their Windows supersets, as browsers read them.
const DECODE_AS: Record<string, string> = {
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'ISO-8859-5': 'iso-8859-5',
  'ISO-8859-6': 'iso-8859-6',
  'ISO-8859-7': 'iso-8859-7',
  'ISO-8859-8': 'iso-8859-8',
  'ISO-8859-9': 'windows-1254',
  'KOI8-R': 'koi8-r',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  'windows-874': 'windows-874',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  GB18030: 'gb18030',
  Big5: 'big5',
};

export type Detection = { text: string; encoding: string; confidence: number } | { reason: string };

/**
 * Tells the encoding of bytes that are not UTF-8, only when there is no real doubt:
 *
 * - the detector (chardet: byte statistics of each encoding and language) must be fairly sure;
 * - the text it gives must read as text (`readsAsText`): no control characters or undecodable
 *   bytes, no symbol inside a word ("Za¿ó³æ"), words written in one script each ("écrit" read as
 *   Cyrillic would be "йcrit"), accented Latin letters of one language's alphabet (French read as
 *   windows-1250 would mix Slovak "Ŕ" and Hungarian "ű" with its "é");
 * - no other encoding the detector rates near the best may give a different text that also reads
 *   as text. Encodings that read these bytes the same (ISO-8859-1, -15 and windows-1252 for "é")
 *   are no rivals: whichever is meant, the text is the same.
 */
export function detectEncoding(bytes: Uint8Array): Detection {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const candidates = analyse(sample)
    .map((match) => ({ encoding: DECODE_AS[match.name], confidence: match.confidence }))
    .filter((c): c is { encoding: string; confidence: number } => c.encoding !== undefined && c.confidence > 0);
  // The same encoding can come twice (ISO-8859-1 and windows-1252): its best score counts.
  const seen = new Set<string>();
  const readings: { encoding: string; confidence: number; text: string; plausible: boolean }[] = [];
  for (const { encoding, confidence } of candidates) {
    if (seen.has(encoding)) continue;
    seen.add(encoding);
    // A sample cut in the middle of a character ends with an undecodable byte or two.
    let text = iconv.decode(sample, encoding);
    if (sample.length < bytes.length) text = text.replace(/\ufffd{1,3}$/u, '');
    readings.push({ encoding, confidence, text, plausible: readsAsText(text) });
  }
  const best = readings.find((reading) => reading.plausible);
  if (!best) return { reason: 'no encoding gives readable text' };
  if (best.confidence < MIN_CONFIDENCE) return { reason: `the likeliest, ${best.encoding}, is too unsure` };
  const rival = readings.find(
    (r) => r !== best && r.plausible && r.text !== best.text && r.confidence >= best.confidence * RIVAL_SHARE,
  );
  if (rival) return { reason: `it could be ${best.encoding} or ${rival.encoding}` };
  if (sample.length === bytes.length) return { text: best.text, encoding: best.encoding, confidence: best.confidence };
  // The rest of a large file is checked where it could change: everywhere for what is never text,
  // and in its middle and at its end for the rest (reading all of 50 MB that way would take long).
  const text = iconv.decode(bytes, best.encoding);
  const middle = Math.floor(text.length / 2);
  const rest = [text.slice(middle, middle + SAMPLE_BYTES), text.slice(-SAMPLE_BYTES)];
  if (NOT_TEXT.test(text) || !rest.every(readsAsText))
    return { reason: `the rest of the file does not read as ${best.encoding}` };
  return { text, encoding: best.encoding, confidence: best.confidence };
}

// Control characters other than tab, line feed, form feed and carriage return; C1 controls; U+FFFD.
const NOT_TEXT = /(?![\t\n\f\r])\p{Cc}|\ufffd/u;
const WORD = /[\p{L}\p{M}]+/gu;
// A character that is neither ASCII, a letter, an apostrophe-like joiner nor CJK punctuation, between two letters ("Za¿ó³æ").
const ODD_JOIN =
  /\p{L}[^\p{L}\p{M}\s\p{ASCII}\u00ad\u00b4\u00b7\u2010\u2011\u2018\u2019\u3000-\u303f\u30fb\uff00-\uffef]\p{L}/u;
// Box drawing and block elements: what KOI8-R and DOS code pages hold where others hold letters.
const BOX_DRAWING = /[\u2320\u2321\u2500-\u259f]/gu;
const SCRIPTS: readonly RegExp[] = [
  /\p{Script=Latin}/u,
  /\p{Script=Cyrillic}/u,
  /\p{Script=Greek}/u,
  /\p{Script=Arabic}/u,
  /\p{Script=Hebrew}/u,
  /\p{Script=Thai}/u,
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u,
  /\p{Script=Hangul}/u,
];

// The letters beyond ASCII of the languages written in Latin script that legacy code pages serve.
// A text in one language uses one of these sets; a misread text mixes letters of several
// (French read as windows-1250 gives "Ŕ" and "ű" beside its "é").
const LATIN_ALPHABETS: readonly Set<string>[] = [
  'àâæçéèêëîïôœùûüÿ', // French
  'äöüß', // German
  'áéíñóúü', // Spanish
  'áâãàçéêíóôõú', // Portuguese
  'àèéìíîòóùú', // Italian
  'àçèéíïòóúü', // Catalan
  'áéëïóöü', // Dutch
  'æøåéó', // Danish, Norwegian
  'åäöé', // Swedish
  'áðéíóúýþæö', // Icelandic
  'äöåšž', // Finnish
  'ąćęłńóśźż', // Polish
  'áčďéěíňóřšťúůýž', // Czech
  'áäčďéíĺľňóôŕšťúýž', // Slovak
  'áéíóöőúüű', // Hungarian
  'ăâîșțşţ', // Romanian
  'çğıöşüâîû', // Turkish
  'čćđšž', // Croatian, Bosnian, Slovenian, Serbian in Latin
  'ąčęėįšųūž', // Lithuanian
  'āčēģīķļņšūž', // Latvian
  'äöõüšž', // Estonian
  'çë', // Albanian
].map((letters) => new Set(letters));
const LATIN_BEYOND_ASCII = /(?![\p{ASCII}\u00aa\u00ba])\p{Script=Latin}/gu;

/** Whether the Latin letters beyond ASCII all (but one in 30) belong to one language's alphabet. */
function oneLatinAlphabet(text: string): boolean {
  const counts = new Map<string, number>();
  let total = 0;
  for (const [letter] of text.matchAll(LATIN_BEYOND_ASCII)) {
    const lower = letter.toLowerCase();
    counts.set(lower, (counts.get(lower) ?? 0) + 1);
    total++;
  }
  if (total === 0) return true;
  let outside = total;
  for (const alphabet of LATIN_ALPHABETS) {
    let missing = 0;
    for (const [letter, count] of counts) if (!alphabet.has(letter)) missing += count;
    outside = Math.min(outside, missing);
  }
  return outside * 30 <= total;
}

/**
 * Whether decoded text reads as text (see `detectEncoding`): no control characters, no symbol inside
 * a word, at most one word in 50 mixing scripts, and its Latin letters of one alphabet.
 */
export function readsAsText(text: string): boolean {
  if (NOT_TEXT.test(text)) return false;
  let words = 0;
  let odd = 0;
  for (const [word] of text.matchAll(WORD)) {
    if (/^\p{ASCII}*$/u.test(word)) continue;
    words++;
    let scripts = 0;
    for (const script of SCRIPTS) if (script.test(word)) scripts++;
    if (scripts > 1) odd++;
  }
  odd += [...text.matchAll(BOX_DRAWING)].length;
  // A symbol inside a word ("Za¿ó³æ", "ðÒÉ×ÅÔ") is never prose: one is enough.
  return odd * 50 <= words && !ODD_JOIN.test(text) && oneLatinAlphabet(text);
}

/** Offset of the first byte that breaks UTF-8, for an error message that points at it. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
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
