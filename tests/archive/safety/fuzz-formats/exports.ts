import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ROOT } from '../../../helpers/temp.ts';
import type { FuzzCase } from '../fuzz-read-harness.ts';
import { mixedTarget, utf8 } from './mutations.ts';
import { zipSync } from './zip-sync.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'exports');
const PARAGRAPHS =
  '<p>The river rose two metres in a week, and the fields along its banks were flooded before the harvest.</p>' +
  '<p>Farmers met on Tuesday to plan the repairs of the dikes, with help from the regional council.</p>';

/** A value of any JSON type, biased toward the types an export's fields should have. */
const anyField = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('', '<script>alert(1)</script>', '2024-13-45', 'javascript:alert(1)', null, 0, -1, true, [], {}),
  fc.jsonValue({ maxDepth: 2 }),
);

const wallabagMiddle = fc.record(
  {
    url: anyField,
    is_archived: anyField,
    is_starred: anyField,
    title: anyField,
    content: anyField,
    tags: fc.oneof(fc.array(anyField, { maxLength: 4 }), anyField),
    annotations: fc.oneof(
      fc.array(fc.record({ quote: anyField, text: anyField, ranges: anyField }), { maxLength: 3 }),
      anyField,
    ),
    created_at: anyField,
    published_by: anyField,
    language: anyField,
  },
  { requiredKeys: [] },
);

const wallabag = (n: number, middle: unknown) =>
  JSON.stringify([
    {
      is_archived: 0,
      is_starred: 1,
      tags: ['eau'],
      id: 1,
      title: `First saved ${n}`,
      url: `https://example.org/first-${n}`,
      content: PARAGRAPHS,
    },
    middle,
    {
      is_archived: 1,
      is_starred: 0,
      tags: [],
      id: 3,
      title: `Last saved ${n}`,
      url: `https://example.org/last-${n}`,
      content: PARAGRAPHS,
    },
  ]);

/** A CSV cell, quoted as CSV quotes it, holding anything. */
const cell = (value: string) => `"${value.replace(/"/g, '""')}"`;
// NUL bytes make any file binary, refused whole: they are left to the byte mutations.
const csvField = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }).map((t) => t.replace(/\0/g, '')),
  fc.constantFrom('', ',', '"', '\n', '\r\n', '=cmd|x', '2024-99-99', '-1', 'NaN'),
);

const READWISE_HEADER =
  'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags';
const readwiseRow = (title: string, quote: string) =>
  [
    quote,
    title,
    'Aminata Diallo',
    '',
    'A note',
    'yellow',
    'favorite',
    'location',
    '12',
    '2024-02-03 10:15:00+00:00',
    'sahel',
  ]
    .map(cell)
    .join(',');

const readwise = (n: number, middle: string[][]) =>
  [
    READWISE_HEADER,
    readwiseRow(`First book ${n}`, 'The river floods later every year, and the fields along it are sown later too.'),
    ...middle.map((row) => row.map(cell).join(',')),
    readwiseRow(`Last book ${n}`, 'Fishermen in Mopti now travel twice as far for the same catch.'),
  ].join('\n');

const omnivoreItem = (slug: string, title: string) => ({
  id: `id-${slug}`,
  slug,
  title,
  url: `https://example.org/${slug}`,
  labels: ['sahel'],
  savedAt: '2024-10-30T14:35:35.081Z',
  updatedAt: '2024-10-30T14:35:35.877Z',
  state: 'Succeeded',
  readingProgress: 0,
});

const omnivoreMiddle = fc.record({
  item: fc.record(
    {
      id: anyField,
      slug: fc.oneof(fc.constantFrom('middle', '../../etc/passwd', '', 'a/b', 'con'), fc.string({ maxLength: 30 })),
      title: anyField,
      url: anyField,
      labels: anyField,
      state: anyField,
      readingProgress: anyField,
      savedAt: anyField,
    },
    { requiredKeys: ['slug'] },
  ),
  content: fc.string({ unit: 'binary', maxLength: 1000 }),
  highlights: fc.string({ unit: 'binary', maxLength: 500 }),
});

/** A Pocket export: links only, whatever their attributes hold. */
const pocketHtml = (links: { url: string; title: string; tags: string; time: string }[]) =>
  `<!DOCTYPE html><html><head><title>Pocket Export</title></head><body><h1>Unread</h1><ul>${links
    .map(
      (l) =>
        `<li><a href="${l.url.replace(/"/g, '&quot;')}" time_added="${l.time.replace(/"/g, '')}" tags="${l.tags.replace(/"/g, '')}">${l.title.replace(/</g, '&lt;')}</a></li>`,
    )
    .join('')}</ul></body></html>`;
const pocketCsv = (links: { url: string; title: string; tags: string; time: string }[]) =>
  [
    'title,url,time_added,tags,status',
    ...links.map((l) => [l.title, l.url, l.time, l.tags, 'unread'].map(cell).join(',')),
  ].join('\n');
const pocketLinks = fc.array(fc.record({ url: csvField, title: csvField, tags: csvField, time: csvField }), {
  maxLength: 6,
});

const fixture = (name: string) => ({
  name,
  bytes: readFileSync(join(FIXTURES, name)),
  extension: name.slice(name.lastIndexOf('.')),
});

/** An Omnivore export: metadata, a good article, the odd item, a good article; zipped per input. */
const omnivoreZip = ({
  item,
  content,
  highlights,
}: {
  item: Record<string, unknown>;
  content: string;
  highlights: string;
}) => {
  const slug = typeof item.slug === 'string' ? item.slug : 'middle';
  return zipSync([
    {
      name: 'metadata_0_to_3.json',
      data: JSON.stringify([omnivoreItem('first', 'First saved'), item, omnivoreItem('last', 'Last saved')]),
    },
    { name: 'content/first.html', data: `<div>${PARAGRAPHS}</div>` },
    ...(/^[\w-]+$/.test(slug)
      ? [
          { name: `content/${slug}.html`, data: content },
          { name: `highlights/${slug}.md`, data: highlights },
        ]
      : []),
    { name: 'content/last.html', data: `<div>${PARAGRAPHS}</div>`, deflate: false },
    { name: 'highlights/first.md', data: '> The river rose two metres in a week\n\nA note.\n' },
  ]);
};

const SEED_LINK = { url: 'https://example.org/a', title: 'A', tags: 'x,y', time: '1712000000' };
const goodLink = (n: number, which: string) => ({
  url: `https://example.org/${which}-${n}`,
  title: `${which} link ${n}`,
  tags: 'sahel',
  time: '1712000000',
});

// Each export format on its own: a good saved article, one whose fields hold anything, a good one
// (the good ones must import; Pocket's hold links only, so there the good links must be listed);
// byte mutations of the fixtures and of generated exports; noise.

let n = 0;

export const wallabagTarget = mixedTarget(
  'Wallabag JSON',
  '.json',
  wallabagMiddle.map((middle) => {
    const run = n++;
    return {
      bytes: utf8(wallabag(run, middle)),
      extension: '.json',
      mustImport: [`First saved ${run}`, `Last saved ${run}`],
      label: 'odd middle entry',
    };
  }),
  () => [fixture('wallabag.json'), { name: 'built.json', bytes: utf8(wallabag(0, {})), extension: '.json' }],
);

export const omnivoreTarget = mixedTarget(
  'Omnivore zip',
  '.zip',
  omnivoreMiddle.map((middle) => ({
    bytes: omnivoreZip(middle),
    extension: '.zip',
    mustImport: ['First saved', 'Last saved'],
    label: 'odd middle item',
  })),
  () => [
    {
      name: 'omnivore.zip',
      bytes: omnivoreZip({ item: { slug: 'middle' }, content: PARAGRAPHS, highlights: '' }),
      extension: '.zip',
    },
  ],
);

export const readwiseTarget = mixedTarget(
  'Readwise CSV',
  '.csv',
  fc.array(fc.array(csvField, { maxLength: 14 }), { minLength: 1, maxLength: 4 }).map((middle) => {
    const run = n++;
    return {
      bytes: utf8(readwise(run, middle)),
      extension: '.csv',
      mustImport: [`First book ${run}`, `Last book ${run}`],
      label: 'odd middle rows',
    };
  }),
  () => [fixture('readwise.csv'), { name: 'built.csv', bytes: utf8(readwise(0, [])), extension: '.csv' }],
);

const pocketAround = (build: typeof pocketHtml, extension: string) =>
  pocketLinks.map((links): FuzzCase => {
    const run = n++;
    const [first, last] = [goodLink(run, 'first'), goodLink(run, 'last')];
    return {
      bytes: utf8(build([first, ...links, last])),
      extension,
      mustList: [first.url, last.url],
      label: 'odd links',
    };
  });

export const pocketHtmlTarget = mixedTarget('Pocket HTML', '.html', pocketAround(pocketHtml, '.html'), () => [
  { name: 'pocket.html', bytes: utf8(pocketHtml([SEED_LINK])), extension: '.html' },
]);

export const pocketCsvTarget = mixedTarget('Pocket CSV', '.csv', pocketAround(pocketCsv, '.csv'), () => [
  fixture('pocket-part_000000.csv'),
  { name: 'pocket.csv', bytes: utf8(pocketCsv([SEED_LINK])), extension: '.csv' },
]);
