import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ImportedEntry } from '../../../../archive/importers/file-importer.ts';
import { importerFor } from '../../../../archive/importers/registry.ts';
import { warcFileImporter } from '../../../../archive/importers/warc/warc-file.ts';
import { SHARED } from '../../../helpers/temp.ts';

const CORPUS = join(SHARED, 'corpora', 'warc');
const present = existsSync(CORPUS);
if (!present) console.log(`# skipping the WARC corpus tests: ${CORPUS} is absent`);

/**
 * What each file of the corpus gives, checked by hand against the file's records (see the
 * warcio and warcio.js test suites for what each file was made to exercise):
 * articles (titles), and the positions of the failed and skipped entries.
 */
const EXPECTED: Record<string, { articles: string[]; failed: string[]; skipped: string[] }> = {
  // 4 request records with bad digests: no page at all, said once for the file.
  'warcio-py/example-digest.warc': { articles: [], failed: [], skipped: ['(file)'] },
  // warcinfo, response (chunked Transfer-Encoding), request.
  'warcio-py/example-iana.org-chunked.warc': {
    articles: ['Internet Assigned Numbers Authority'],
    failed: [],
    skipped: [],
  },
  // The response declares 973 bytes and holds 975: it is broken; the request after it is read.
  'warcio-py/example-trunc.warc': { articles: [], failed: ['record 3'], skipped: [] },
  // warcinfo ×2, response, request, revisit (of the same page), request.
  'warcio-py/example.warc': { articles: ['Example Domain'], failed: [], skipped: ['record 5'] },
  // The same records compressed as one gzip member for the whole file, not one per record: still read.
  'warcio-py/example-bad-non-chunked.warc.gz': { articles: ['Example Domain'], failed: [], skipped: ['record 5'] },
  // A `resource` record of type text/html (Webrecorder's static snapshot).
  'warcio-py/example-resource.warc.gz': { articles: ['Example Domain'], failed: [], skipped: [] },
  // A resource record of a PNG: no page.
  'warcio-py/example-space-in-target-uri.warc.gz': { articles: [], failed: [], skipped: ['(file)'] },
  // wget writes WARC-Target-URI in angle brackets.
  'warcio-py/example-wget-bad-target-uri.warc.gz': { articles: ['Example Domain'], failed: [], skipped: [] },
  // A record split over two gzip members: members need not match records.
  'warcio-py/example-wrong-chunks.warc.gz': { articles: ['Example Domain'], failed: [], skipped: [] },
  'warcio-py/example.warc.gz': { articles: ['Example Domain'], failed: [], skipped: ['record 5'] },
  // POSTs answered with JSON: no page.
  'warcio-py/post-test.warc.gz': { articles: [], failed: [], skipped: ['(file)'] },
  // The response declares one byte too few (broken); the revisit then refers to a page the file does not hold.
  'warcio.js/example-bad-length.warc': { articles: [], failed: ['record 3'], skipped: ['record 5'] },
  'warcio.js/example-iana.org-chunked.warc': {
    articles: ['Internet Assigned Numbers Authority'],
    failed: [],
    skipped: [],
  },
  // A text/plain resource: no page.
  'warcio.js/example-resource.warc.gz': { articles: [], failed: [], skipped: ['(file)'] },
  // Only a URL-agnostic revisit, whose original is elsewhere.
  'warcio.js/example-url-agnostic-revisit.warc.gz': { articles: [], failed: [], skipped: ['record 2'] },
  'warcio.js/example-wget-bad-target-uri.warc.gz': { articles: ['Example Domain'], failed: [], skipped: [] },
  'warcio.js/example.warc': { articles: ['Example Domain'], failed: [], skipped: ['record 5'] },
  'warcio.js/example.warc.gz': { articles: ['Example Domain'], failed: [], skipped: ['record 5'] },
  'warcio.js/post-test-more.warc': { articles: [], failed: [], skipped: ['(file)'] },
  'warcio.js/post-test.warc.gz': { articles: [], failed: [], skipped: ['(file)'] },
  // A 301 redirect and its request.
  'warcio.js/redirect.warc': { articles: [], failed: [], skipped: ['record 1'] },
};

async function outcome(path: string) {
  const entries: ImportedEntry[] = [];
  for await (const entry of warcFileImporter.read(path)) entries.push(entry);
  const where = (kind: ImportedEntry['kind']) =>
    entries.filter((entry) => entry.kind === kind).map((entry) => entry.position ?? '(file)');
  return {
    articles: entries.flatMap((entry) => (entry.kind === 'article' ? [entry.article.title] : [])),
    failed: where('failed'),
    skipped: where('skipped'),
    entries,
  };
}

describe('the WARC corpus (warcio and warcio.js test files)', { skip: !present && 'corpus absent' }, () => {
  it('imports, skips and fails each file as checked by hand', async () => {
    const files = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
      .filter((name) => importerFor(name) === warcFileImporter)
      .sort();
    assert.deepEqual(files, Object.keys(EXPECTED).sort(), 'every WARC of the corpus is accounted for');
    for (const name of files) {
      const { articles, failed, skipped } = await outcome(join(CORPUS, name));
      assert.deepEqual({ articles, failed, skipped }, EXPECTED[name], name);
    }
  });

  it('says why the broken files fail', async () => {
    const trunc = await outcome(join(CORPUS, 'warcio-py', 'example-trunc.warc'));
    assert.match(
      trunc.entries.find((entry) => entry.kind === 'failed')!.message,
      /^the response record of http:\/\/example.com\/ at byte 1197 does not end where its Content-Length \(973\) says/,
    );
    const badLength = await outcome(join(CORPUS, 'warcio.js', 'example-bad-length.warc'));
    assert.match(
      badLength.entries.find((entry) => entry.kind === 'skipped')!.message,
      /^another capture of http:\/\/example.com\/ \(a revisit record: .*, which is not in this file\)$/,
    );
  });

  it('reads the address wget wrote in angle brackets', async () => {
    const { entries } = await outcome(join(CORPUS, 'warcio-py', 'example-wget-bad-target-uri.warc.gz'));
    const article = entries.find((entry) => entry.kind === 'article');
    assert.equal(article?.kind === 'article' && article.article.url, 'http://example.com/');
  });

  it('leaves ARC files and the renamed .bad file to no importer', () => {
    for (const name of ['bad.arc', 'example.arc', 'example.arc.gz', 'example-bad.warc.gz.bad']) {
      assert.equal(importerFor(name), null, name);
    }
  });
});
