import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { buildZip, type ZipEntrySpec } from '../../importers/zip/build-zip.ts';
import type { FuzzCase, ReadTarget } from '../fuzz-read-harness.ts';
import { byRegistry, labelOf, mutatedSeeds, mutations, noise } from './mutations.ts';

const text = (title: string) =>
  `${title}\n\nThe river rose two metres in a week, and the fields along its banks were flooded.\n\nFarmers met on Tuesday to plan the repairs of the dikes.\n`;

const FIRST: ZipEntrySpec = { name: 'a-first.txt', data: text('First entry') };
const LAST: ZipEntrySpec = { name: 'z-last.txt', data: text('Last entry') };

/** What the entry between the good ones holds before it is damaged. */
async function middles(): Promise<ZipEntrySpec[]> {
  const page = `<!doctype html><html><head><title>Middle page</title></head><body><article><h1>Middle page</h1><p>${'A paragraph of the middle page, long enough to be read as an article. '.repeat(8)}</p></article></body></html>`;
  return [
    { name: 'm-middle.txt', data: text('Middle entry') },
    { name: 'm-middle.html', data: page },
    { name: 'm-stored.txt', data: text('Stored entry'), compress: false },
    { name: 'm-nested.zip', data: await buildZip([{ name: 'inner.txt', data: text('Inner entry') }]) },
    {
      name: 'm-page.warc.gz',
      data: gzipSync(
        `WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: https://example.org/\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(page)}\r\n\r\n${page}\r\n\r\n`,
      ),
    },
    {
      name: 'm-feed.rss',
      data: '<rss version="2.0"><channel><title>t</title><item><title>Feed item</title><description>Some text of the item, long enough.</description></item></channel></rss>',
    },
    { name: 'm-big.txt', data: text('Big entry') + 'word '.repeat(20_000) },
  ];
}

/** Where each entry's local header starts, and where the central directory does. */
function layout(bytes: Uint8Array): { locals: number[]; central: number } {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const locals: number[] = [];
  let central = bytes.length;
  for (let at = 0; at + 4 <= view.length; at++) {
    const signature = view.readUInt32LE(at);
    if (signature === 0x04034b50) locals.push(at);
    else if (signature === 0x02014b50) {
      central = at;
      break;
    }
  }
  return { locals, central };
}

/** A mutation that keeps the length (later entries' offsets in the central directory stay true). */
const overwrite = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.nat({ max: 255 })).map(([f, value]) => ({
    label: 'byte changed',
    apply: (b: Uint8Array, start: number, end: number) => {
      const out = new Uint8Array(b);
      out[start + Math.floor(f * (end - start))] = value;
      return out;
    },
  })),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      fc.uint8Array({ minLength: 1, maxLength: 64 }),
    )
    .map(([f, garbage]) => ({
      label: 'bytes overwritten',
      apply: (b: Uint8Array, start: number, end: number) => {
        const out = new Uint8Array(b);
        const at = start + Math.floor(f * (end - start));
        out.set(garbage.subarray(0, Math.max(0, end - at)), at);
        return out;
      },
    })),
);

/**
 * Zips (and everything inside them, each entry by its own importer): a good entry, a damaged one,
 * a good one. Damage to the middle entry's header or data, or sizes that lie about it, must leave
 * both good entries imported; a corrupt central directory, cuts and any mutation may make the zip
 * unreadable, but only as a reported error.
 */
async function cases(): Promise<fc.Arbitrary<FuzzCase>> {
  const kinds = await middles();
  const zips = await Promise.all(kinds.map((middle) => buildZip([FIRST, middle, LAST])));
  const lying = await Promise.all(
    kinds.map(async (middle) =>
      Promise.all(
        [0, 1, 1_000_000, 0xffffffff].map((declaredSize) => buildZip([FIRST, { ...middle, declaredSize }, LAST])),
      ),
    ),
  );
  const good = ['First entry', 'Last entry'];
  const index = fc.nat({ max: kinds.length - 1 });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(index, fc.array(overwrite, { minLength: 1, maxLength: 4 })).map(([i, list]) => {
        const zip = zips[i] as Buffer;
        const { locals } = layout(zip);
        const [start, end] = [locals[1] as number, locals[2] as number];
        let bytes: Uint8Array = zip;
        for (const m of list) bytes = m.apply(bytes, start, end);
        return {
          bytes,
          extension: '.zip',
          mustImport: good,
          label: `middle entry (${kinds[i]?.name}) ${labelOf(list)}`,
        };
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(index, fc.nat({ max: 3 })).map(([i, j]) => ({
        bytes: lying[i]?.[j] as Buffer,
        extension: '.zip',
        mustImport: good,
        label: 'middle entry with a lying size',
      })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(index, fc.array(overwrite, { minLength: 1, maxLength: 3 })).map(([i, list]) => {
        const zip = zips[i] as Buffer;
        const { central } = layout(zip);
        let bytes: Uint8Array = zip;
        for (const m of list) bytes = m.apply(bytes, central, zip.length);
        return { bytes, extension: '.zip', label: `central directory ${labelOf(list)}` };
      }),
    },
    {
      weight: 2,
      arbitrary: mutatedSeeds(zips.map((bytes, i) => ({ name: kinds[i]?.name as string, bytes, extension: '.zip' }))),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(index, mutations()).map(([i, list]) => {
        // Damage confined to the middle entry's stretch, but moving what follows: the central directory then lies.
        const zip = zips[i] as Buffer;
        const { locals } = layout(zip);
        let bytes: Uint8Array = zip;
        for (const m of list) bytes = m.apply(bytes, locals[1], locals[2]);
        return { bytes, extension: '.zip', label: `middle entry resized: ${labelOf(list)}` };
      }),
    },
    { weight: 1, arbitrary: noise('.zip') },
  );
}

export const zipTarget: ReadTarget = { name: 'zip', importer: byRegistry('zip', ['.zip']), cases };
