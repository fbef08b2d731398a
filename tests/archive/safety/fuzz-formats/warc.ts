import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { warcFileImporter } from '../../../../archive/importers/warc/warc-file.ts';
import { SHARED } from '../../../helpers/temp.ts';
import { articlePage, http, record } from '../../importers/warc/build-warc.ts';
import type { FuzzCase, ReadTarget } from '../fuzz-read-harness.ts';
import { applyAll, concat, corpusFiles, labelOf, mutatedSeeds, mutations, noise } from './mutations.ts';

const LEAD = 'A council report on the state of the wells and the canals of the district, read out on Tuesday.';

const page = (title: string, url: string) =>
  record('response', url, http(200, { 'Content-Type': 'text/html; charset=utf-8' }, articlePage(title, LEAD)));

/** What the damaged record in the middle is, before it is damaged. */
const MIDDLES = [
  (n: number) => page(`Middle page ${n}`, `https://example.org/middle-${n}`),
  () => record('request', 'https://example.org/a', 'GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n'),
  () =>
    record('warcinfo', null, 'software: fuzz\r\nformat: WARC File Format 1.1\r\n', {
      contentType: 'application/warc-fields',
    }),
  () =>
    record(
      'response',
      'https://example.org/gz',
      http(
        200,
        { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' },
        gzipSync(articlePage('Zipped page', LEAD)),
      ),
    ),
  () =>
    record(
      'response',
      'https://example.org/chunked',
      http(
        200,
        { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' },
        `1a\r\n${'<p>chunked body here</p>'.padEnd(26)}\r\n0\r\n\r\n`,
      ),
    ),
];

/**
 * WARC and WARC.gz: a good page, a damaged record, a good page; the two good pages must still be
 * imported whatever was done to the middle record (bytes changed, cut, a Content-Length that lies
 * either way, garbage between records, a broken gzip member); plus real WARCs from the corpus
 * (../shared/corpora/warc, when present), mutated anywhere, and noise.
 */
function cases(gzipped: boolean): fc.Arbitrary<FuzzCase> {
  let n = 0;
  const around = fc
    .record({
      gzip: fc.constant(gzipped),
      middle: fc.constantFrom(...MIDDLES),
      damage: fc.oneof(
        mutations().map((list) => ({ kind: 'middle', list, delta: 0, garbage: new Uint8Array(0) })),
        fc
          .integer({ min: -4000, max: 4000 })
          .filter((d) => d !== 0)
          .map((delta) => ({ kind: 'length', list: [], delta, garbage: new Uint8Array(0) })),
        fc
          .constantFrom(1, 10_000_000)
          .map((factor) => ({ kind: 'length', list: [], delta: factor * 1_000_003, garbage: new Uint8Array(0) })),
        fc
          .uint8Array({ minLength: 1, maxLength: 600 })
          .map((garbage) => ({ kind: 'garbage', list: [], delta: 0, garbage })),
      ),
    })
    .map(({ gzip, middle, damage }): FuzzCase => {
      const run = n++;
      const first = `First page ${run}`;
      const last = `Last page ${run}`;
      const before = page(first, `https://example.org/first-${run}`);
      const after = page(last, `https://example.org/last-${run}`);
      let mid: Uint8Array = middle(run);
      if (damage.kind === 'length') {
        // The middle record's Content-Length, off by delta (never below zero).
        const text = Buffer.from(mid).toString('latin1');
        const declared = Number(/Content-Length: (\d+)/.exec(text)?.[1]);
        mid = Buffer.from(
          text.replace(/Content-Length: \d+/, `Content-Length: ${Math.max(0, declared + damage.delta)}`),
          'latin1',
        );
      }
      let body: Uint8Array;
      if (!gzip) {
        if (damage.kind === 'middle') mid = applyAll(mid, damage.list);
        body = concat(before, damage.garbage, mid, after);
      } else {
        // Each record its own gzip member, as crawlers write them; the damage is to the middle member.
        let member: Uint8Array = gzipSync(mid);
        if (damage.kind === 'middle') member = applyAll(member, damage.list);
        body = concat(gzipSync(before), damage.garbage, member, gzipSync(after));
      }
      const label = `${gzip ? 'warc.gz' : 'warc'}: middle record ${
        damage.kind === 'middle'
          ? labelOf(damage.list)
          : damage.kind === 'length'
            ? 'with a wrong Content-Length'
            : 'after garbage'
      }`;
      return { bytes: body, extension: gzip ? '.warc.gz' : '.warc', mustImport: [first, last], label };
    });

  const extension = gzipped ? '.warc.gz' : '.warc';
  const seeds = corpusFiles(join(SHARED, 'corpora', 'warc'), (name) => name.endsWith(extension), 64 * 1024).map(
    (seed) => ({ ...seed, extension }),
  );
  const built = [gzipped ? 1 : 0].flatMap((gz) => {
    const records = [
      page('Seed page', 'https://example.org/seed'),
      MIDDLES[3]?.(0) as Uint8Array,
      MIDDLES[4]?.(0) as Uint8Array,
    ];
    return {
      name: gz ? 'built.warc.gz' : 'built.warc',
      extension: gz ? '.warc.gz' : '.warc',
      bytes: gz ? concat(...records.map((r) => gzipSync(r))) : concat(...records),
    };
  });
  return fc.oneof(
    { weight: 6, arbitrary: around },
    { weight: 3, arbitrary: mutatedSeeds([...seeds, ...built]) },
    { weight: 1, arbitrary: noise(extension) },
  );
}

export const warcTarget: ReadTarget = { name: 'WARC', importer: warcFileImporter, cases: () => cases(false) };
export const warcGzTarget: ReadTarget = { name: 'WARC.gz', importer: warcFileImporter, cases: () => cases(true) };
