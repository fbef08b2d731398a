import { fold } from '../text/fold.ts';

/**
 * A 64-bit SimHash of an article's text, as 16 hex digits: texts that share most of their word
 * shingles get fingerprints that differ in few bits, so a syndicated copy (the same story with other
 * chrome, a changed sentence, a fixed typo) lands within a few bits of the original.
 */
export type SimHash = string;

/** Words per shingle: three keeps a one-word edit to three changed shingles, and is rare enough across texts. */
const SHINGLE_WORDS = 3;

/**
 * Texts with fewer shingles than this get no fingerprint: on a few lines, a shared byline or a
 * shared site phrase is a large part of the text, and two different short notes would look like copies.
 */
export const MIN_SHINGLES = 40;

/**
 * The largest Hamming distance at which two fingerprints are the same story. Three bits is Manku et
 * al.'s choice for 64-bit SimHash over billions of pages, it is what four 16-bit bands can find
 * without missing one (pigeonhole: a distance of 3 leaves a band unchanged), and the tests measure it
 * on real copies (tests/archive/articles/near-duplicates.test.ts).
 */
export const NEAR_DUPLICATE_BITS = 3;

const WORD_CHAR = /[\p{L}\p{N}]/u;
// Per UTF-16 code unit: 0 not yet known, 1 part of a word, 2 not. Surrogates count as word
// characters, so a word in an astral script stays one word.
const wordChars = new Uint8Array(65536);

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  let known = wordChars[code] as number;
  if (known === 0) {
    known = (code >= 0xd800 && code <= 0xdfff) || WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wordChars[code] = known;
  }
  return known === 1;
}

// Words with accents or ligatures repeat (a language's common words, a story's names): each is folded
// once while cached.
const foldedHashes = new Map<string, number>();
const FOLDED_CACHE_SIZE = 50_000;

/** Murmur3's finaliser: nearby inputs spread over all 32 bits. */
function mix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** FNV-1a over a string's UTF-16 code units. */
function fnv(word: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < word.length; index++) hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
  return hash;
}

/** The hash of a word that is not plain ASCII: of its folded form ("coopération" as "cooperation"). */
function foldedHash(word: string): number {
  const known = foldedHashes.get(word);
  if (known !== undefined) return known;
  const hash = mix(fnv(fold(word)));
  if (foldedHashes.size >= FOLDED_CACHE_SIZE) foldedHashes.clear();
  foldedHashes.set(word, hash);
  return hash;
}

/**
 * The hashes of a lower-cased text's words (letters and digits), in order: ASCII words hashed as they
 * are scanned, the others folded first. Several times faster than a Unicode regex.
 */
function wordHashesOf(text: string): number[] {
  const hashes: number[] = [];
  let start = -1;
  let hash = 0;
  let ascii = true;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 32;
    if (isWordChar(code)) {
      if (start === -1) {
        start = index;
        hash = 0x811c9dc5;
        ascii = true;
      }
      hash = Math.imul(hash ^ code, 0x01000193);
      if (code >= 128) ascii = false;
    } else if (start !== -1) {
      hashes.push(ascii ? mix(hash) : foldedHash(text.slice(start, index)));
      start = -1;
    }
  }
  return hashes;
}

/**
 * The fingerprint of a text (titles are left out: a copy often words its own), or null when the
 * text is too short to fingerprint reliably.
 */
export function simHash(text: string): SimHash | null {
  const words = wordHashesOf(text.normalize('NFC').toLowerCase());
  const shingles = words.length - SHINGLE_WORDS + 1;
  if (shingles < MIN_SHINGLES) return null;
  // One counter per bit: how many shingles' hashes have it set; the fingerprint keeps the bits most have.
  // Counted eight lanes at a time: lane j adds bits j, j+8, j+16, j+24 into its four bytes at once,
  // and the bytes are emptied into the counters before they can overflow.
  const ones = new Int32Array(64);
  const lanes = new Uint32Array(16);
  const drain = () => {
    for (let lane = 0; lane < 8; lane++) {
      for (let byte = 0; byte < 4; byte++) {
        const bit = byte * 8 + lane;
        ones[bit] = (ones[bit] as number) + (((lanes[lane] as number) >>> (byte * 8)) & 0xff);
        ones[32 + bit] = (ones[32 + bit] as number) + (((lanes[8 + lane] as number) >>> (byte * 8)) & 0xff);
      }
    }
    lanes.fill(0);
  };
  for (let start = 0; start < shingles; start++) {
    const a = words[start] as number;
    const b = words[start + 1] as number;
    const c = words[start + 2] as number;
    const high = mix(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ c);
    const low = mix(Math.imul(a ^ 0x27d4eb2f, 0xc2b2ae3d) ^ Math.imul(b, 0x165667b1) ^ (c + 0x7f4a7c15));
    for (let lane = 0; lane < 8; lane++) {
      lanes[lane] = (lanes[lane] as number) + ((high >>> lane) & 0x01010101);
      lanes[8 + lane] = (lanes[8 + lane] as number) + ((low >>> lane) & 0x01010101);
    }
    if (start % 255 === 254) drain();
  }
  drain();
  let high = 0;
  let low = 0;
  for (let bit = 0; bit < 32; bit++) {
    if ((ones[bit] as number) * 2 > shingles) high |= 1 << bit;
    if ((ones[32 + bit] as number) * 2 > shingles) low |= 1 << bit;
  }
  return hex(high >>> 0) + hex(low >>> 0);
}

const hex = (value: number) => value.toString(16).padStart(8, '0');

function popCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

/** How many bits two fingerprints differ by. */
export function hammingDistance(a: SimHash, b: SimHash): number {
  const part = (hash: SimHash, from: number) => Number.parseInt(hash.slice(from, from + 8), 16);
  return popCount((part(a, 0) ^ part(b, 0)) >>> 0) + popCount((part(a, 8) ^ part(b, 8)) >>> 0);
}

/** The fingerprint's four 16-bit bands: two fingerprints within 3 bits share at least one. */
export function simHashBands(hash: SimHash): [number, number, number, number] {
  const band = (index: number) => Number.parseInt(hash.slice(index * 4, index * 4 + 4), 16);
  return [band(0), band(1), band(2), band(3)];
}
