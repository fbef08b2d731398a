import fc from 'fast-check';
import { textFileImporter } from '../../../archive/importers/text-file.ts';
import type { FuzzTarget } from './fuzz-harness.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
/** npm run test:long generates larger extremes. */
const SCALE = process.env.ARCHIVE_READER_LONG === '1' ? 10 : 1;

const SAMPLES = [
  'Le Niger et la Russie renforcent leur coopération militaire\n\nUne délégation s’est rendue à Niamey.\n\nL’armée a présenté ses besoins.\n',
  '# Solar clinics\n\nRegional cooperation brings solar power to rural clinics.\nBack to top\n',
  'تعاون إقليمي في مجال الطاقة\n\nوصلت الطاقة الشمسية إلى العيادات الريفية.\n\nمقالات ذات صلة\n',
  'Title only\n',
  '\r\n\r\n  Indented title  \r\nBody line one\rBody line two\r\n',
];

/** Byte sequences that are not UTF-8: a lone continuation, a cut sequence, overlong, a surrogate, 5-byte forms. */
const INVALID = [
  [0xff],
  [0x80],
  [0xc3],
  [0xe2, 0x82],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
];

type Mutation = (bytes: Uint8Array) => Uint8Array;

const splice = (bytes: Uint8Array, at: number, remove: number, insert: ArrayLike<number>) => {
  const position = Math.min(at, bytes.length);
  const out = new Uint8Array(bytes.length - Math.min(remove, bytes.length - position) + insert.length);
  out.set(bytes.subarray(0, position));
  out.set(insert, position);
  out.set(bytes.subarray(position + remove), position + insert.length);
  return out;
};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((at) => (b: Uint8Array) => b.subarray(0, at % (b.length + 1))),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(
    ([at, insert]) =>
      (b: Uint8Array) =>
        splice(b, at % (b.length + 1), 0, insert),
  ),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 64 })).map(
    ([at, n]) =>
      (b: Uint8Array) =>
        splice(b, at % (b.length + 1), 0, new Uint8Array(n)),
  ),
  fc.tuple(fc.nat(), fc.constantFrom(...INVALID)).map(
    ([at, bad]) =>
      (b: Uint8Array) =>
        splice(b, at % (b.length + 1), 0, bad),
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 255 })).map(
    ([at, value]) =>
      (b: Uint8Array) =>
        b.length ? splice(b, at % b.length, 1, [value]) : b,
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(
    ([at, n]) =>
      (b: Uint8Array) =>
        splice(b, at % (b.length + 1), n, []),
  ),
  fc.constant((b: Uint8Array) => splice(b, 0, 0, [0xef, 0xbb, 0xbf])),
  fc.tuple(fc.nat(), fc.integer({ min: 2, max: 50 })).map(([at, times]) => (b: Uint8Array) => {
    const start = at % (b.length + 1);
    const chunk = b.subarray(start, start + 40);
    const repeated = new Uint8Array(chunk.length * times);
    for (let i = 0; i < times; i++) repeated.set(chunk, i * chunk.length);
    return splice(b, start, 0, repeated);
  }),
);

const utf16 = (text: string, bigEndian: boolean) => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + i * 2 + (bigEndian ? 1 : 0)] = code & 0xff;
    out[2 + i * 2 + (bigEndian ? 0 : 1)] = code >> 8;
  }
  return out;
};

/** Text articles and everything a text file can be instead: binary, cut, mixed encodings, extreme shapes. */
export const textContents: fc.Arbitrary<Uint8Array> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...SAMPLES), fc.array(mutation, { minLength: 1, maxLength: 5 }))
      .map(([text, ms]) => ms.reduce<Uint8Array>((b, m) => m(b), utf8(text))),
  },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 3000 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }).map(utf8) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...SAMPLES), fc.boolean(), fc.array(mutation, { maxLength: 2 }))
      .map(([t, be, ms]) => ms.reduce<Uint8Array>((b, m) => m(b), utf16(t, be))),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      new Uint8Array(0),
      utf8('\n'.repeat(5000)),
      utf8('\r'.repeat(5000)),
      utf8(' \t\u00a0\u200b'.repeat(500)),
      new Uint8Array([0xef, 0xbb, 0xbf]),
      new Uint8Array([0xff, 0xfe, 0x00]),
    ),
  },
  // Huge lines and many lines: a title then one very long line (no spaces, or words), or 40,000 lines.
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('a', 'é', 'ش', 'word ', '-', '\u0301', '🙂'),
        fc.integer({ min: 5_000, max: 50_000 * SCALE }),
      )
      .map(([unit, n]) => utf8(`Huge\n${unit.repeat(n)}`)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 501, max: 20_000 * SCALE }).map((n) => utf8(`${'t'.repeat(n)}\nbody`)) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1_000, max: 10_000 * SCALE })
      .map((n) => utf8(`Many lines\n${'ligne de texte\n'.repeat(n)}`)),
  },
);

export const textImporterTarget: FuzzTarget = {
  importer: textFileImporter,
  contents: textContents,
  goodFile: (run) => ({
    extension: '.txt',
    title: `Good article ${run}`,
    bytes: utf8(`Good article ${run}\n\nA well formed article, number ${run}, about the harvest in the Sahel.\n`),
  }),
};
