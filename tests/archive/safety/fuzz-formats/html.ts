import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ROOT, SHARED } from '../../../helpers/temp.ts';
import { articlePage, PIXEL_PNG } from '../../importers/warc/build-warc.ts';
import type { FuzzCase, ReadTarget } from '../fuzz-read-harness.ts';
import { byRegistry, corpusFiles, mutatedSeeds, noise, utf8 } from './mutations.ts';

const LEAD = 'A council report on the state of the wells and the canals of the district, read out on Tuesday.';

/** An MHTML file as browsers save it: the page, quoted-printable, and an image, base64. */
const mhtml = (title: string, boundary = '----MultipartBoundary--fuzz----') =>
  [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://example.org/page',
    `Subject: ${title}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; type="text/html"; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/html; charset="utf-8"',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: https://example.org/page',
    '',
    articlePage(title, LEAD, '<img src=3D"https://example.org/pixel.png">')
      .replace(/=/g, '=3D')
      .replace(/=3D3D/g, '=3D'),
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://example.org/pixel.png',
    '',
    PIXEL_PNG.toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');

/** A page as SingleFile saves it: its comment, images inlined as data: URIs. */
const singleFile = (title: string) =>
  articlePage(title, LEAD, `<img src="data:image/png;base64,${PIXEL_PNG.toString('base64')}">`).replace(
    '<!doctype html>',
    '<!DOCTYPE html> <!--\n Page saved with SingleFile \n url: https://example.org/page \n saved date: Tue Mar 05 2024\n-->',
  );

/** Tag soup: elements, attributes and text drawn from what pages and attacks use. */
const soup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<html>',
        '<head>',
        '<body>',
        '</body>',
        '<article>',
        '</article>',
        '<p>',
        '</p>',
        '<div>',
        '</div>',
        '<table><tr><td>',
        '<svg><script>alert(1)</script></svg>',
        '<math><mi>',
        '<template>',
        '<noscript>',
        '<iframe src="https://evil.example">',
        '<base href="javascript:">',
        '<meta charset="utf-16">',
        '<meta http-equiv="refresh" content="0;url=https://evil.example">',
        '<title>',
        '</title>',
        '<!--',
        '-->',
        '<![CDATA[',
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":',
        '</script>',
        '<time datetime="9999-99-99">',
        '<h1>',
        '<img src=x onerror=alert(1)>',
        '&#x0;',
        '&bogus;',
        '<',
        '>',
      ),
      fc.string({ unit: 'grapheme', maxLength: 80 }),
      fc.constantFrom('Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6)),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/**
 * Web pages, MHTML and SingleFile pages: mutated seeds (tests/fixtures, generated pages and small
 * pages of ../shared/corpora/readability-test-pages when present), tag soup, deep nesting, noise;
 * and between them untouched pages that must still import, so an importer left in a bad state by
 * a bad input is caught.
 */
function cases(): fc.Arbitrary<FuzzCase> {
  let n = 0;
  const fixtures = readdirSync(join(ROOT, 'tests', 'fixtures', 'html')).map((name) => ({
    name,
    bytes: readFileSync(join(ROOT, 'tests', 'fixtures', 'html', name)),
    extension: name.slice(name.lastIndexOf('.')),
  }));
  const corpus = corpusFiles(
    join(SHARED, 'corpora', 'readability-test-pages', 'pages'),
    (name) => name === 'source.html',
    40 * 1024,
    12,
  ).map((seed) => ({ ...seed, extension: '.html' }));
  const built = [
    { name: 'page.html', bytes: utf8(articlePage('Seed page', LEAD)), extension: '.html' },
    { name: 'page.mhtml', bytes: utf8(mhtml('Seed page')), extension: '.mhtml' },
    { name: 'singlefile.html', bytes: utf8(singleFile('Seed page')), extension: '.html' },
  ];
  const control = fc.constantFrom('.html', '.mhtml', '.htm').map((extension): FuzzCase => {
    const title = `First page ${n++}`;
    const bytes = extension === '.mhtml' ? mhtml(title) : n % 2 ? singleFile(title) : articlePage(title, LEAD);
    return { bytes: utf8(bytes), extension, mustImport: [title], label: 'untouched page' };
  });
  return fc.oneof(
    { weight: 5, arbitrary: mutatedSeeds([...built, ...fixtures, ...corpus]) },
    { weight: 2, arbitrary: soup.map((html) => ({ bytes: utf8(html), extension: '.html', label: 'tag soup' })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('div', 'p', 'table', 'span', 'b'), fc.integer({ min: 150, max: 3_000 }))
        .map(([tag, depth]) => ({
          bytes: utf8(
            `<html><body><article>${`<${tag}>`.repeat(depth)}deep text${`</${tag}>`.repeat(depth)}</article></body></html>`,
          ),
          extension: '.html',
          label: 'deep nesting',
        })),
    },
    { weight: 1, arbitrary: fc.oneof(noise('.html'), noise('.mhtml')) },
    { weight: 1, arbitrary: control },
  );
}

export const htmlTarget: ReadTarget = {
  name: 'HTML, MHTML, SingleFile',
  importer: byRegistry('web pages', ['.html', '.htm', '.mhtml']),
  cases,
};
