import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import type { FileImporter, ImportedEntry } from '../../../../archive/importers/file-importer.ts';
import {
  createWarcImporter,
  warcFileImporter,
  type CapturedArticle,
} from '../../../../archive/importers/warc/warc-file.ts';
import { createTestArchive } from '../../../helpers/archive.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { articlePage, http, PIXEL_PNG, record, writeWarc } from './build-warc.ts';

async function read(path: string, importer: FileImporter = warcFileImporter): Promise<ImportedEntry[]> {
  const entries: ImportedEntry[] = [];
  for await (const entry of importer.read(path)) entries.push(entry);
  return entries;
}

const articles = (entries: ImportedEntry[]) =>
  entries.flatMap((entry) =>
    entry.kind === 'article' ? [{ ...(entry.article as CapturedArticle), position: entry.position }] : [],
  );
const others = (entries: ImportedEntry[], kind: 'skipped' | 'failed') =>
  entries.flatMap((entry) => (entry.kind === kind ? [`${entry.position ?? ''}: ${entry.message}`] : []));

const html = (page: string, headers: Record<string, string> = {}) =>
  http(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers }, page);

describe('WARC import', () => {
  it('imports the latest capture of each page, skips the others and revisits, and inlines archived images', async () => {
    const dir = tempDir();
    const path = join(dir, 'crawl.warc.gz');
    const page = 'https://news.example.org/2024/water.html';
    writeWarc(
      path,
      [
        record('warcinfo', null, 'software: test\r\n'),
        record('response', page, html(articlePage('Water reserves: first draft', 'An early version of the story.')), {
          date: '2024-03-01T08:00:00Z',
        }),
        record('request', page, 'GET /2024/water.html HTTP/1.1\r\nHost: news.example.org\r\n\r\n', {
          contentType: 'application/http; msgtype=request',
        }),
        // The later capture comes first in the file: the date decides, not the order.
        record(
          'response',
          page,
          html(
            articlePage(
              'Water reserves are falling',
              'The final version.',
              '<p><img src="../img/well.png" alt="A well"></p>',
            ),
          ),
          { date: '2024-03-02T08:00:00Z' },
        ),
        record(
          'response',
          'https://news.example.org/img/well.png',
          http(200, { 'Content-Type': 'image/png' }, PIXEL_PNG),
        ),
        record('revisit', page, http(200, { 'Content-Type': 'text/html' }), {
          date: '2024-03-05T08:00:00Z',
          headers: { 'WARC-Refers-To-Target-URI': page, 'WARC-Refers-To-Date': '2024-03-02T08:00:00Z' },
        }),
        record(
          'response',
          'https://news.example.org/missing',
          http(404, { 'Content-Type': 'text/html' }, '<p>Not found</p>'),
        ),
        record('response', 'https://news.example.org/style.css', http(200, { 'Content-Type': 'text/css' }, 'p{}')),
      ],
      true,
    );

    const entries = await read(path);
    const [article, ...more] = articles(entries);
    assert.equal(more.length, 0);
    assert.equal(article?.title, 'Water reserves are falling');
    assert.equal(article?.position, 'record 4');
    assert.equal(article?.url, page);
    assert.equal(article?.capturedAt, '2024-03-02T08:00:00Z');
    assert.equal(article?.publishedAt, null, 'the capture date is not a publication date');
    assert.match(article!.html!, /<img src="data:image\/png;base64,iVBORw0KGgo[^"]*" alt="A well"/);
    assert.deepEqual(others(entries, 'skipped'), [
      `record 2: another capture of ${page} (a later one is imported)`,
      `record 6: another capture of ${page} (a revisit record: the same page as captured 2024-03-02T08:00:00Z)`,
      'record 7: HTTP 404 for https://news.example.org/missing: an error page, not the article',
    ]);
    assert.deepEqual(others(entries, 'failed'), []);
  });

  it('reports each broken record with its number and still imports the records around it', async () => {
    const dir = tempDir();
    const path = join(dir, 'broken.warc');
    const page = (n: number) =>
      record('response', `https://example.org/${n}`, html(articlePage(`Story number ${n}`, `Lead ${n}.`)));
    const tooShort = record('response', 'https://example.org/short', html(articlePage('Too short', 'x')), {
      contentLength: 300,
    });
    const block = html(articlePage('Too long', 'y'));
    // Declares 60 bytes more than it holds: it runs into the next record, which must still be read.
    const tooLong = record('response', 'https://example.org/long', block, { contentLength: block.length + 60 });
    writeWarc(path, [
      page(1),
      tooShort,
      page(3),
      tooLong,
      page(5),
      Buffer.from('garbage that is not a record\r\n\r\n'),
      page(7),
      record('metadata', null, 'x', { contentLength: Number.NaN }),
      page(9),
    ]);

    const entries = await read(path);
    assert.deepEqual(
      articles(entries).map((article) => `${article.position}: ${article.title}`),
      [
        'record 1: Story number 1',
        'record 3: Story number 3',
        'record 5: Story number 5',
        'record 7: Story number 7',
        'record 9: Story number 9',
      ],
    );
    const failed = others(entries, 'failed');
    assert.equal(failed.length, 4);
    assert.match(
      failed[0]!,
      /^record 2: the response record of https:\/\/example.org\/short at byte \d+ does not end where its Content-Length \(300\) says/,
    );
    assert.match(
      failed[1]!,
      /^record 4: the response record of https:\/\/example.org\/long .* \(it runs into the next record\)/,
    );
    assert.match(failed[2]!, /^record 6: no WARC record starts at byte \d+ \(found "garbage that is not a record"\)/);
    assert.match(failed[3]!, /^record 8: the metadata record at byte \d+ has an invalid Content-Length \("NaN"\)/);
  });

  it('reads on after damaged compressed data, from the next record', async () => {
    const dir = tempDir();
    const path = join(dir, 'damaged.warc.gz');
    const members = [1, 2, 3].map((n) =>
      gzipSync(record('response', `https://example.org/${n}`, html(articlePage(`Story number ${n}`, `Lead ${n}.`)))),
    );
    // Scramble the middle of the second record's deflate data.
    const damaged = Buffer.from(members[1]!);
    damaged.fill(0xff, 40, 200);
    writeFileSync(path, Buffer.concat([members[0]!, damaged, members[2]!]));

    const entries = await read(path);
    assert.deepEqual(
      articles(entries).map((article) => article.title),
      ['Story number 1', 'Story number 3'],
    );
    const failed = others(entries, 'failed');
    assert.equal(failed.length, 1);
    assert.match(
      failed[0]!,
      /^record 2: the compressed data is damaged in the gzip member at byte \d+ \(.*\); reading resumes at byte \d+$/,
    );
  });

  it('reports a record cut short by the end of the file and keeps the ones before it', async () => {
    const dir = tempDir();
    const path = join(dir, 'cut.warc');
    const whole = Buffer.concat([
      record('response', 'https://example.org/1', html(articlePage('The first story', 'Lead.'))),
      record('response', 'https://example.org/2', html(articlePage('The second story', 'Lead.'))),
    ]);
    writeFileSync(path, whole.subarray(0, whole.length - 500));
    const entries = await read(path);
    assert.deepEqual(
      articles(entries).map((article) => article.title),
      ['The first story'],
    );
    assert.deepEqual(
      others(entries, 'failed').map((line) => line.replace(/\d+ bytes and the file ends after \d+/, 'N…')),
      ['record 2: the response record of https://example.org/2 is cut short: it declares N…'],
    );
  });

  it('decodes each page by the charset its HTTP headers declare, and undoes chunking and gzip', async () => {
    const dir = tempDir();
    const path = join(dir, 'charsets.warc');
    // The page says nothing of its encoding: only the HTTP header does.
    const latin1 = Buffer.from(
      articlePage('Le café de la gare', 'Un récit en français, déjà ancien.').replace('<meta charset="utf-8">', ''),
      'latin1',
    );
    const gzipped = gzipSync(Buffer.from(articlePage('Compressed and chunked', 'Déjà vu, in UTF-8.')));
    const chunked = Buffer.concat([
      Buffer.from(`${(100).toString(16)}\r\n`),
      gzipped.subarray(0, 100),
      Buffer.from(`\r\n${(gzipped.length - 100).toString(16)}\r\n`),
      gzipped.subarray(100),
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
    writeWarc(path, [
      record(
        'response',
        'https://example.fr/cafe',
        http(200, { 'Content-Type': 'text/html; charset=ISO-8859-1' }, latin1),
      ),
      record(
        'response',
        'https://example.org/gz',
        http(
          200,
          { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' },
          chunked,
        ),
      ),
    ]);
    const [cafe, compressed] = articles(await read(path));
    assert.equal(cafe?.title, 'Le café de la gare');
    assert.match(cafe!.paragraphs.join(' '), /Un récit en français, déjà ancien\./);
    assert.equal(cafe?.decoding, 'decoded as windows-1252 (declared)', 'a note for the import report');
    assert.equal(compressed?.title, 'Compressed and chunked');
    assert.match(compressed!.paragraphs.join(' '), /Déjà vu, in UTF-8\./);
    assert.equal(compressed?.decoding, null, 'UTF-8 goes unsaid');
  });

  it('leaves out images over the size limit and says when a WARC holds no page', async () => {
    const dir = tempDir();
    const path = join(dir, 'images.warc');
    const big = Buffer.concat([PIXEL_PNG, Buffer.alloc(5000)]);
    writeWarc(path, [
      record(
        'response',
        'https://example.org/a',
        html(articlePage('With images', 'Lead.', '<img src="/small.png"><img src="/big.png">')),
      ),
      record('response', 'https://example.org/small.png', http(200, { 'Content-Type': 'image/png' }, PIXEL_PNG)),
      record('response', 'https://example.org/big.png', http(200, { 'Content-Type': 'image/png' }, big)),
    ]);
    const [article] = articles(await read(path, createWarcImporter({ maxImageBytes: 1000 })));
    assert.equal(article!.html!.match(/<img /g)?.length, 1, 'only the small image is kept');

    const empty = join(dir, 'requests.warc');
    writeWarc(empty, [
      record('request', 'https://example.org/', 'GET / HTTP/1.1\r\n\r\n'),
      record('warcinfo', null, 'x'),
    ]);
    assert.deepEqual(await read(empty), [
      { kind: 'skipped', message: 'no web page in the WARC (2 records: 1 request, 1 warcinfo)' },
    ]);
  });

  it('goes through the import pipeline: one report line per page, positioned by record', async () => {
    // A story of its own, not a near-copy of the first (which the pipeline would link instead of storing).
    const SECOND_STORY = `<p>${[
      'At the market, traders said the price of millet had doubled since the spring.',
      'Bus drivers complained that the new road tolls were collected twice on the same journey.',
      'A group of teachers asked the ministry to pay the salaries owed since January.',
      'The football club announced the signing of two young players from the national academy.',
    ].join(' ')}</p>`;
    const dir = tempDir();
    const path = join(dir, 'site.warc');
    writeWarc(path, [
      record('response', 'https://example.org/1', html(articlePage('The first story', 'Lead one.'))),
      record('response', 'https://example.org/2', html(articlePage('The second story', 'Lead two.', SECOND_STORY))),
      record('response', 'https://example.org/1', html(articlePage('The first story, updated', 'Lead one.')), {
        date: '2024-04-01T00:00:00Z',
      }),
    ]);
    const archive = await createTestArchive();
    const report = await archive.importPaths([dir]);
    assert.deepEqual(
      report.items.map((item) => [item.path.slice(dir.length + 1), item.status, item.title ?? item.message]),
      [
        ['site.warc#record 1', 'skipped', 'another capture of https://example.org/1 (a later one is imported)'],
        ['site.warc#record 2', 'imported', 'The second story'],
        ['site.warc#record 3', 'imported', 'The first story, updated'],
      ],
    );
    const stored = archive.store.get(report.items[2]!.articleId!)!;
    assert.equal(stored.url, 'https://example.org/1');
    assert.equal(stored.sourcePath, `${path}#record 3`);
    assert.ok(readFileSync(path).length > 0);
  });

  // The page rewritten from top to bottom between two crawls: no near-copy of the first capture.
  const REWRITTEN = `<p>${[
    'At the market, traders said the price of millet had doubled since the spring.',
    'Bus drivers complained that the new road tolls were collected twice on the same journey.',
    'A group of teachers asked the ministry to pay the salaries owed since January.',
    'The football club announced the signing of two young players from the national academy.',
  ].join(' ')}</p>`;

  it('does not store a page again from a later crawl of the same address, and says which capture it keeps', async () => {
    const dir = tempDir();
    const march = join(dir, 'crawl-2024-03.warc');
    const april = join(dir, 'crawl-2024-04.warc');
    writeWarc(march, [record('response', 'https://example.org/1', html(articlePage('The first story', 'Lead one.')))]);
    writeWarc(april, [
      record(
        'response',
        'https://example.org/1?utm_source=rss',
        html(
          `<html><head><title>The first story, rewritten</title></head><body><article>${REWRITTEN}</article></body></html>`,
        ),
        { date: '2024-04-01T00:00:00Z' },
      ),
    ]);
    const archive = await createTestArchive();
    const first = await archive.importPaths([march]);
    const id = first.items[0]!.articleId!;
    const later = await archive.importPaths([april]);
    assert.deepEqual(
      later.items.map((item) => [item.status, item.articleId, item.message]),
      [
        [
          'duplicate',
          id,
          `same address as article ${id}, captured 2024-03-01T10:00:00Z; this capture (2024-04-01T00:00:00Z) is not stored again`,
        ],
      ],
    );
    assert.equal(archive.store.stats().articles, 1);
    assert.equal(archive.store.get(id)!.title, 'The first story');
  });
});
