import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { importerFor } from '../../../../archive/importers/registry.ts';
import type { FileImporter } from '../../../../archive/importers/file-importer.ts';
import type { FuzzCase, ReadTarget } from '../fuzz-read-harness.ts';

/** npm run test:long generates larger extremes. */
export const SCALE = process.env.ARCHIVE_READER_LONG === '1' ? 10 : 1;

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function splice(bytes: Uint8Array, at: number, remove: number, insert: ArrayLike<number>): Uint8Array {
  const position = Math.min(at, bytes.length);
  const removed = Math.min(remove, bytes.length - position);
  const out = new Uint8Array(bytes.length - removed + insert.length);
  out.set(bytes.subarray(0, position));
  out.set(insert, position);
  out.set(bytes.subarray(position + removed), position + insert.length);
  return out;
}

export const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** A change to a region [start, end) of a file; positions are fractions of the region, so one mutation fits any file. */
export type Mutation = { label: string; apply: (bytes: Uint8Array, start?: number, end?: number) => Uint8Array };
const make = (label: string, apply: Mutation['apply']): Mutation => ({ label, apply });

const within = (fraction: number, bytes: Uint8Array, start = 0, end = bytes.length) =>
  start + Math.floor(fraction * Math.max(0, end - start));
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** Byte sequences that are not UTF-8, and tokens that parsers treat specially. */
const NASTY = [
  [0xff],
  [0x80],
  [0xc3],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xef, 0xbb, 0xbf],
  [0x00],
  ...[
    '<',
    '>',
    '&',
    '"',
    "'",
    ']]>',
    '<![CDATA[',
    '<!--',
    '-->',
    '\r\n\r\n',
    '\\u0000',
    '{',
    '}',
    '[',
    ',',
    '\n',
    '%',
    '\u2028',
  ].map((token) => [...utf8(token)]),
];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((f) => make('truncated', (b, s, e) => b.subarray(0, within(f, b, s, e)))),
  fc
    .tuple(fraction, fc.uint8Array({ minLength: 1, maxLength: 32 }))
    .map(([f, insert]) => make('random bytes inserted', (b, s, e) => splice(b, within(f, b, s, e), 0, insert))),
  fc
    .tuple(fraction, fc.constantFrom(...NASTY))
    .map(([f, bad]) => make('special bytes inserted', (b, s, e) => splice(b, within(f, b, s, e), 0, bad))),
  fc
    .tuple(fraction, fc.nat({ max: 255 }))
    .map(([f, value]) =>
      make('byte changed', (b, s, e) =>
        b.length ? splice(b, Math.min(within(f, b, s, e), b.length - 1), 1, [value]) : b,
      ),
    ),
  fc
    .tuple(fraction, fc.integer({ min: 1, max: 300 }))
    .map(([f, n]) => make('bytes deleted', (b, s, e) => splice(b, within(f, b, s, e), n, []))),
  fc
    .tuple(fraction, fc.integer({ min: 1, max: 512 }))
    .map(([f, n]) => make('zeros inserted', (b, s, e) => splice(b, within(f, b, s, e), 0, new Uint8Array(n)))),
  fc.tuple(fraction, fc.integer({ min: 2, max: 40 })).map(([f, times]) =>
    make('run repeated', (b, s, e) => {
      const at = within(f, b, s, e);
      const chunk = b.subarray(at, at + 24);
      const repeated = new Uint8Array(chunk.length * times);
      for (let i = 0; i < times; i++) repeated.set(chunk, i * chunk.length);
      return splice(b, at, 0, repeated);
    }),
  ),
  fc.tuple(fraction, fraction).map(([f, g]) =>
    make('range duplicated', (b, s, e) => {
      const from = within(Math.min(f, g), b, s, e);
      const to = within(Math.max(f, g), b, s, e);
      return splice(b, to, 0, b.slice(from, Math.min(to, from + 2048)));
    }),
  ),
);

/** One to `max` mutations, applied in order, within [start, end) when given. */
export const mutations = (max = 4) => fc.array(mutation, { minLength: 1, maxLength: max });

export function applyAll(bytes: Uint8Array, list: Mutation[], start?: number, end?: number): Uint8Array {
  let out = bytes;
  for (const m of list) {
    // Later mutations still aim at the region, whose end moved with the file's length.
    const grown = out.length - bytes.length;
    out = m.apply(out, start, end === undefined ? undefined : Math.max(start ?? 0, end + grown));
  }
  return out;
}

export const labelOf = (list: readonly { label: string }[]) => [...new Set(list.map((m) => m.label))].join(' + ');

/** Mutated copies of seed files; the label says which seed and what was done. */
export function mutatedSeeds(seeds: { name: string; bytes: Uint8Array; extension: string }[]): fc.Arbitrary<FuzzCase> {
  return fc.tuple(fc.constantFrom(...seeds), mutations()).map(([seed, list]) => ({
    bytes: applyAll(seed.bytes, list),
    extension: seed.extension,
    label: `seed ${seed.name}: ${labelOf(list)}`,
  }));
}

/** Bytes that are not the format at all. */
export function noise(extension: string): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ bytes, extension, label: 'random bytes' })),
    fc
      .string({ unit: 'binary', maxLength: 600 })
      .map((text) => ({ bytes: utf8(text), extension, label: 'random text' })),
    fc.constantFrom(new Uint8Array(0), utf8('\n'.repeat(5000)), new Uint8Array(64 * 1024)).map((bytes) => ({
      bytes,
      extension,
      label: 'empty, blank or zeros',
    })),
    fc.integer({ min: 10_000, max: 200_000 * SCALE }).map((n) => ({
      bytes: utf8(`${'x'.repeat(n)}\n`),
      extension,
      label: 'one huge line',
    })),
  );
}

/** An importer as the app picks it: by the file's ending, through the registry. */
export function byRegistry(name: string, extensions: string[]): FileImporter {
  return {
    name,
    extensions,
    read(path) {
      const importer = importerFor(path);
      if (!importer) throw new Error(`no importer for ${path}`);
      return importer.read(path);
    },
  };
}

/** Small real files from a corpus folder (recursively), when it is there; none when it is not. */
export function corpusFiles(folder: string, accept: (name: string) => boolean, maxBytes: number, max = 20) {
  const found: { name: string; bytes: Uint8Array }[] = [];
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (found.length >= max) return;
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (accept(name) && stat.size <= maxBytes)
        found.push({ name: path.slice(folder.length + 1), bytes: readFileSync(path) });
    }
  };
  walk(folder);
  return found;
}

type Seed = { name: string; bytes: Uint8Array; extension: string };

/**
 * A format's target, picked by the registry from `extension`: inputs built around good items (`around`,
 * most of the runs), byte mutations of seed files (read only when the target runs), and noise.
 */
export function mixedTarget(
  name: string,
  extension: string,
  around: fc.Arbitrary<FuzzCase>,
  seeds: () => Seed[],
): ReadTarget {
  return {
    name,
    importer: byRegistry(name, [extension]),
    cases: () =>
      fc.oneof(
        { weight: 5, arbitrary: around },
        { weight: 4, arbitrary: mutatedSeeds(seeds()) },
        { weight: 1, arbitrary: noise(extension) },
      ),
  };
}
