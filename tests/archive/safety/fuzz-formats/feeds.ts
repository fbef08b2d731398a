import { join } from 'node:path';
import fc from 'fast-check';
import { SHARED } from '../../../helpers/temp.ts';
import type { FuzzCase } from '../fuzz-read-harness.ts';
import { corpusFiles, mixedTarget, utf8 } from './mutations.ts';

const BODY =
  '<p>The river rose two metres in a week, and the fields along its banks were flooded before the harvest.</p>' +
  '<p>Farmers met on Tuesday to plan the repairs of the dikes, with help from the regional council.</p>';

/** Text that XML can carry: no control characters, no lone surrogates, markup escaped. */
const xmlText = (text: string) =>
  [...text]
    .filter((char) => {
      const code = char.codePointAt(0) as number;
      const loneSurrogate = code >= 0xd800 && code <= 0xdfff;
      return (
        code === 9 ||
        code === 10 ||
        code === 13 ||
        (code >= 0x20 && code !== 0xfffe && code !== 0xffff && !loneSurrogate)
      );
    })
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** Any text, with a bias toward what feeds get wrong: markup, entities, dates, URLs, nothing at all. */
const field = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '<p>',
    '<script>alert(1)</script>',
    '&amp;nbsp;',
    '&#0;',
    'javascript:alert(1)',
    '2024-13-45T99:99:99Z',
    'Tue, 99 Foo 2024',
    'http://',
    '//example.org/x',
    '0',
    '-1',
    'NaN',
    '\u202e',
  ),
  fc.string({ unit: 'grapheme', maxLength: 2000 }),
);

interface Middle {
  title: string;
  link: string;
  date: string;
  content: string;
  categories: string[];
  extra: string;
}

const middleXml: fc.Arbitrary<Middle> = fc.record({
  title: field,
  link: field,
  date: field,
  content: field,
  categories: fc.array(field, { maxLength: 4 }),
  extra: fc.constantFrom(
    '',
    '<enclosure url="x" length="-5" type=""/>',
    '<guid isPermaLink="maybe"></guid>',
    '<author/>',
    '<item></item>',
  ),
});

const rss = (n: number, middle: Middle) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Fuzz feed</title><link>https://example.org/</link>
<item><title>First item ${n}</title><link>https://example.org/first-${n}</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[${BODY}]]></content:encoded></item>
<item><title>${xmlText(middle.title)}</title><link>${xmlText(middle.link)}</link><pubDate>${xmlText(middle.date)}</pubDate>${middle.categories.map((c) => `<category>${xmlText(c)}</category>`).join('')}<description>${xmlText(middle.content)}</description>${middle.extra}</item>
<item><title>Last item ${n}</title><link>https://example.org/last-${n}</link><content:encoded><![CDATA[${BODY}]]></content:encoded></item>
</channel></rss>`;

const atom = (n: number, middle: Middle) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Fuzz feed</title><id>urn:fuzz</id><updated>2024-03-05T10:00:00Z</updated>
<entry><title>First item ${n}</title><id>urn:first-${n}</id><link href="https://example.org/first-${n}"/><updated>2024-03-05T10:00:00Z</updated><content type="html">${xmlText(BODY)}</content></entry>
<entry><title type="html">${xmlText(middle.title)}</title><id>${xmlText(middle.link)}</id><link href="${xmlText(middle.link).replace(/"/g, '&quot;')}"/><updated>${xmlText(middle.date)}</updated>${middle.categories.map((c) => `<category term="${xmlText(c).replace(/"/g, '&quot;')}"/>`).join('')}<content type="${middle.extra ? 'xhtml' : 'html'}">${xmlText(middle.content)}</content></entry>
<entry><title>Last item ${n}</title><id>urn:last-${n}</id><link href="https://example.org/last-${n}"/><updated>2024-03-05T10:00:00Z</updated><content type="html">${xmlText(BODY)}</content></entry>
</feed>`;

/** A JSON Feed item whose fields hold anything JSON can. */
const middleJson = fc.record(
  {
    id: fc.jsonValue({ maxDepth: 1 }),
    title: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 2 })),
    url: fc.oneof(fc.webUrl(), fc.jsonValue({ maxDepth: 1 })),
    content_html: fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), fc.jsonValue({ maxDepth: 2 })),
    content_text: fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), fc.jsonValue({ maxDepth: 2 })),
    date_published: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 1 })),
    tags: fc.oneof(fc.array(fc.string()), fc.jsonValue({ maxDepth: 2 })),
    authors: fc.jsonValue({ maxDepth: 2 }),
    language: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);

const jsonFeed = (n: number, middle: unknown) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Fuzz feed',
    items: [
      { id: `first-${n}`, title: `First item ${n}`, url: `https://example.org/first-${n}`, content_html: BODY },
      middle,
      { id: `last-${n}`, title: `Last item ${n}`, url: `https://example.org/last-${n}`, content_html: BODY },
    ],
  });

const opml = (
  titles: string[],
) => `<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head><body>
${titles.map((t) => `<outline type="rss" text="${xmlText(t).replace(/"/g, '&quot;')}" xmlUrl="${xmlText(t).replace(/"/g, '&quot;')}"/>`).join('\n')}
<outline text="folder"><outline type="rss" text="nested" xmlUrl="https://example.org/feed"/></outline></body></opml>`;

const empty = { title: '', link: '', date: '', content: '', categories: [], extra: '' };

/** Real feeds of ../shared/corpora/feeds (when present) of one format, told by their content. */
function corpus(accept: (text: string) => boolean, extension: string) {
  return corpusFiles(
    join(SHARED, 'corpora', 'feeds'),
    (name) => /\.(rss|atom|xml|json|opml)$/.test(name),
    48 * 1024,
    200,
  )
    .filter((seed) => accept(Buffer.from(seed.bytes).toString('utf8', 0, 2048)))
    .slice(0, 12)
    .map((seed) => ({ ...seed, extension }));
}

// Each feed format on its own: a good item, an item whose every field holds odd data (in a
// well-formed file), a good item — the two good ones must import (OPML, a list of subscriptions,
// must list its feeds); then byte mutations of these and of real feeds of that format, and noise.

let n = 0;
const between = (build: (run: number) => Uint8Array, extension: string): FuzzCase => {
  const run = n++;
  return {
    bytes: build(run),
    extension,
    mustImport: [`First item ${run}`, `Last item ${run}`],
    label: 'odd middle item',
  };
};

export const rssTarget = mixedTarget(
  'RSS',
  '.rss',
  middleXml.map((middle) => between((run) => utf8(rss(run, middle)), '.rss')),
  () => [
    { name: 'built.rss', extension: '.rss', bytes: utf8(rss(0, empty)) },
    ...corpus((head) => /<rss|<rdf:RDF/i.test(head), '.rss'),
  ],
);

export const atomTarget = mixedTarget(
  'Atom',
  '.atom',
  middleXml.map((middle) => between((run) => utf8(atom(run, middle)), '.atom')),
  () => [
    { name: 'built.atom', extension: '.atom', bytes: utf8(atom(0, empty)) },
    ...corpus((head) => /<feed[\s>]/.test(head), '.atom'),
  ],
);

export const jsonFeedTarget = mixedTarget(
  'JSON Feed',
  '.json',
  fc
    .oneof(middleJson, fc.jsonValue({ maxDepth: 3 }))
    .map((middle) => between((run) => utf8(jsonFeed(run, middle)), '.json')),
  () => [
    { name: 'built.json', extension: '.json', bytes: utf8(jsonFeed(0, {})) },
    ...corpus((head) => head.includes('jsonfeed.org'), '.json'),
  ],
);

export const opmlTarget = mixedTarget(
  'OPML',
  '.opml',
  fc.array(field, { maxLength: 6 }).map((titles): FuzzCase => {
    const run = n++;
    return {
      bytes: utf8(opml([`first-feed-${run}`, ...titles, `last-feed-${run}`])),
      extension: '.opml',
      // The report names the first feeds of the list (and counts them all).
      mustList: [`first-feed-${run}`],
      label: 'odd outlines',
    };
  }),
  () => [
    { name: 'built.opml', extension: '.opml', bytes: utf8(opml(['A feed', 'Another'])) },
    ...corpus((head) => /<opml/i.test(head), '.opml'),
  ],
);
