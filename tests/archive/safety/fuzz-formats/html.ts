import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ROOT, SHARED } from '../../../helpers/temp.ts';
import { articlePage, PIXEL_PNG } from '../../importers/warc/build-warc.ts';
import type { FuzzCase, ReadTarget } from '../fuzz-read-harness.ts';
import { applyAll, byRegistry, corpusFiles, labelOf, mutatedSeeds, mutations, noise, utf8 } from './mutations.ts';

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

const fixtures = (accept: (name: string) => boolean) =>
  readdirSync(join(ROOT, 'tests', 'fixtures', 'html'))
    .filter(accept)
    .map((name) => ({
      name,
      bytes: readFileSync(join(ROOT, 'tests', 'fixtures', 'html', name)),
      extension: name.slice(name.lastIndexOf('.')),
    }));

/** Untouched files between the damaged ones: an importer left in a bad state by a bad input is caught. */
const control = (extension: string, build: (title: string) => string) =>
  fc.constant(null).map((): FuzzCase => {
    const title = `First page ${n++}`;
    return { bytes: utf8(build(title)), extension, mustImport: [title], label: 'untouched page' };
  });
let n = 0;

const deepNesting = fc
  .tuple(fc.constantFrom('div', 'p', 'table', 'span', 'b'), fc.integer({ min: 150, max: 3_000 }))
  .map(
    ([tag, depth]) =>
      `<html><body><article>${`<${tag}>`.repeat(depth)}deep text${`</${tag}>`.repeat(depth)}</article></body></html>`,
  );

/**
 * Web pages: mutated seeds (tests/fixtures, a generated page and small pages of
 * ../shared/corpora/readability-test-pages when present), tag soup, deep nesting, noise, and
 * untouched pages between them that must still import.
 */
export const htmlTarget: ReadTarget = {
  name: 'HTML',
  importer: byRegistry('web pages', ['.html', '.htm']),
  cases() {
    const corpus = corpusFiles(
      join(SHARED, 'corpora', 'readability-test-pages', 'pages'),
      (name) => name === 'source.html',
      40 * 1024,
      12,
    ).map((seed) => ({ ...seed, extension: '.html' }));
    const built = [{ name: 'page.html', bytes: utf8(articlePage('Seed page', LEAD)), extension: '.html' }];
    return fc.oneof(
      { weight: 5, arbitrary: mutatedSeeds([...built, ...fixtures((name) => /\.html?$/.test(name)), ...corpus]) },
      { weight: 2, arbitrary: soup.map((html) => ({ bytes: utf8(html), extension: '.html', label: 'tag soup' })) },
      {
        weight: 1,
        arbitrary: deepNesting.map((html) => ({ bytes: utf8(html), extension: '.html', label: 'deep nesting' })),
      },
      { weight: 1, arbitrary: fc.oneof(noise('.html'), noise('.htm')) },
      { weight: 1, arbitrary: control('.html', (title) => articlePage(title, LEAD)) },
    );
  },
};

/**
 * MHTML: mutations of a generated file and of the fixture, anywhere or within the page's part
 * (quoted-printable damage); tag soup and deep nesting as the page; a boundary that lies or never
 * ends; noise; untouched files between them.
 */
export const mhtmlTarget: ReadTarget = {
  name: 'MHTML',
  importer: byRegistry('web pages', ['.mhtml']),
  cases() {
    const boundary = '----MultipartBoundary--fuzz----';
    const seed = mhtml('Seed page', boundary);
    const pageStart = seed.indexOf('\r\n\r\n', seed.indexOf(`--${boundary}`)) + 4;
    const pageEnd = seed.indexOf(`--${boundary}`, pageStart);
    const asPage = (html: string) => seed.slice(0, pageStart) + html.replace(/=/g, '=3D') + seed.slice(pageEnd);
    return fc.oneof(
      {
        weight: 3,
        arbitrary: mutatedSeeds([
          { name: 'page.mhtml', bytes: utf8(seed), extension: '.mhtml' },
          ...fixtures((name) => name.endsWith('.mhtml')),
        ]),
      },
      {
        weight: 2,
        arbitrary: mutations().map((list) => ({
          bytes: applyAll(utf8(seed), list, pageStart, pageEnd),
          extension: '.mhtml',
          label: `page part: ${labelOf(list)}`,
        })),
      },
      {
        weight: 1,
        arbitrary: fc
          .oneof(soup, deepNesting)
          .map((html) => ({ bytes: utf8(asPage(html)), extension: '.mhtml', label: 'odd page inside' })),
      },
      {
        weight: 1,
        arbitrary: fc
          .oneof(fc.string({ maxLength: 80 }), fc.constantFrom('', '--', '"', boundary.slice(4)))
          .map((other) => ({
            bytes: utf8(seed.replace(`boundary="${boundary}"`, `boundary="${other.replace(/"/g, '')}"`)),
            extension: '.mhtml',
            label: 'a boundary that lies',
          })),
      },
      { weight: 1, arbitrary: noise('.mhtml') },
      { weight: 1, arbitrary: control('.mhtml', (title) => mhtml(title)) },
    );
  },
};

/**
 * SingleFile pages: mutations of a generated page, anywhere or within its comment and its inlined
 * image; tag soup inside SingleFile's frame; noise; untouched pages between them.
 */
export const singleFileTarget: ReadTarget = {
  name: 'SingleFile',
  importer: byRegistry('web pages', ['.html']),
  cases() {
    const seed = singleFile('Seed page');
    const comment = [seed.indexOf('<!--'), seed.indexOf('-->') + 3] as const;
    const image = [seed.indexOf('data:image'), seed.indexOf('">', seed.indexOf('data:image'))] as const;
    const framed = (html: string) =>
      `<!DOCTYPE html> <!--\n Page saved with SingleFile \n url: https://example.org/page \n saved date: Tue Mar 05 2024\n-->${html}`;
    return fc.oneof(
      { weight: 3, arbitrary: mutatedSeeds([{ name: 'singlefile.html', bytes: utf8(seed), extension: '.html' }]) },
      {
        weight: 2,
        arbitrary: fc.tuple(fc.constantFrom(comment, image), mutations()).map(([[start, end], list]) => ({
          bytes: applyAll(utf8(seed), list, start, end),
          extension: '.html',
          label: `${start === comment[0] ? 'SingleFile comment' : 'inlined image'}: ${labelOf(list)}`,
        })),
      },
      {
        weight: 2,
        arbitrary: soup.map((html) => ({ bytes: utf8(framed(html)), extension: '.html', label: 'tag soup' })),
      },
      { weight: 1, arbitrary: noise('.html') },
      { weight: 1, arbitrary: control('.html', singleFile) },
    );
  },
};
