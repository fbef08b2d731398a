import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { parseOmnivoreHighlights } from '../../../../archive/importers/exports/omnivore.ts';
import { createTestArchive } from '../../../helpers/archive.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { writeZip } from '../epub/make-epub.ts';
import { seen } from './exports-helpers.ts';

const item = (fields: Record<string, unknown>) => ({
  id: `id-${String(fields['slug'])}`,
  description: 'A description',
  thumbnail: null,
  readingProgress: 0,
  labels: [],
  savedAt: '2024-10-30T14:35:35.081Z',
  updatedAt: '2024-10-30T14:35:35.877Z',
  publishedAt: null,
  author: null,
  state: 'Succeeded',
  ...fields,
});

// An export as Omnivore wrote it: metadata files of up to 20 items, content/<slug>.html, highlights/<slug>.md.
const EXPORT: Record<string, string> = {
  'metadata_0_to_3.json': JSON.stringify(
    [
      item({
        slug: 'eau-sahel',
        title: 'L’eau se raréfie au Sahel',
        url: 'https://www.example.org/sahel/eau-2024',
        author: 'Aïcha Diallo',
        labels: ['Sahel', 'eau'],
        state: 'Archived',
        publishedAt: '2024-04-01T05:30:00.000Z',
      }),
      item({
        slug: 'notes-only',
        title: 'A talk on river fisheries',
        url: 'https://video.example.com/watch?v=abc',
        readingProgress: 40,
      }),
      item({ slug: 'link-only', title: 'Nothing saved', url: 'https://example.com/nothing' }),
    ],
    null,
    2,
  ),
  'content/eau-sahel.html':
    '<div class="page" id="readability-page-1"><p>Les puits du village de Tillabéri s’assèchent chaque année plus tôt, selon les éleveurs.</p>' +
    '<p>Les pluies de la dernière saison ont été inférieures de vingt pour cent à la moyenne.</p></div>',
  'highlights/eau-sahel.md':
    'Un article à relire avant la réunion.\n\n' +
    '> Les puits du village de Tillabéri s’assèchent chaque année plus tôt [⤴️](https://omnivore.app/me/eau-sahel#h1)\n\n' +
    '#important\n\nÀ comparer avec 2019.\n\n' +
    '> inférieures de vingt pour cent \n\n',
  'highlights/notes-only.md': '> Fishermen now travel twice as far for the same catch. \n\nSurprising.\n\n',
};

function writeFolder(root: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
}

describe('Omnivore export', () => {
  it('reads quotes, their notes and labels, and the note on the article from a highlights file', () => {
    assert.deepEqual(parseOmnivoreHighlights(EXPORT['highlights/eau-sahel.md']!), {
      note: 'Un article à relire avant la réunion.',
      highlights: [
        {
          quote: 'Les puits du village de Tillabéri s’assèchent chaque année plus tôt',
          note: '#important\n\nÀ comparer avec 2019.',
        },
        { quote: 'inférieures de vingt pour cent', note: null },
      ],
    });
    assert.deepEqual(parseOmnivoreHighlights('> first paragraph\n> \n> second paragraph\n').highlights, [
      { quote: 'first paragraph\n\nsecond paragraph', note: null },
    ]);
  });

  it('imports the zip: articles with labels as tags, archived as read, and highlights with notes', async () => {
    const archive = await createTestArchive();
    const file = join(tempDir(), 'omnivore-export.zip');
    await writeZip(file, EXPORT);
    const report = await archive.importPaths([file]);
    assert.deepEqual(
      report.items.map((i) => [i.path.replace(/^.*#/, ''), i.status]),
      [
        ['metadata_0_to_3.json item 1', 'imported'],
        ['metadata_0_to_3.json item 2', 'imported'],
        ['metadata_0_to_3.json item 3', 'skipped'],
      ],
    );
    const water = seen(archive, report.items[0]!.articleId!);
    assert.equal(water.article.title, 'L’eau se raréfie au Sahel');
    assert.equal(water.article.author, 'Aïcha Diallo');
    assert.equal(water.article.url, 'https://www.example.org/sahel/eau-2024');
    assert.equal(water.article.publishedAt, '2024-04-01T05:30:00Z');
    assert.match(water.article.text, /^Les puits du village de Tillabéri/);
    assert.deepEqual([water.tags, water.readStatus], [['eau', 'Sahel'], 'read']);
    assert.deepEqual(water.highlights, [
      ['Les puits du village de Tillabéri s’assèchent chaque année plus tôt', '#important\n\nÀ comparer avec 2019.'],
      ['inférieures de vingt pour cent', null],
    ]);
    assert.equal(water.note, 'Un article à relire avant la réunion.');

    // No text saved, but highlights: they are kept, as an article of highlights that says what it is.
    const talk = seen(archive, report.items[1]!.articleId!);
    assert.equal(talk.article.source, 'Omnivore highlights');
    assert.equal(talk.article.text, 'Fishermen now travel twice as far for the same catch.');
    assert.deepEqual(talk.highlights, [['Fishermen now travel twice as far for the same catch.', 'Surprising.']]);
    assert.match(report.items[2]!.message!, /example\.com\/nothing: Omnivore's export has only the link/);
  });

  it('imports the export unzipped to a folder, from its metadata file', async () => {
    const archive = await createTestArchive();
    const root = tempDir();
    writeFolder(root, EXPORT);
    const report = await archive.importPaths([join(root, 'metadata_0_to_3.json')]);
    assert.deepEqual([report.imported, report.skipped], [2, 1]);
    assert.deepEqual(seen(archive, report.items[0]!.articleId!).tags, ['eau', 'Sahel']);
  });

  it('leaves other zips to the zip importer, and other JSON to the feed importer', async () => {
    const archive = await createTestArchive();
    const dir = tempDir();
    await writeZip(join(dir, 'articles.zip'), {
      'notes/water.txt': 'Water in the Sahel\n\nWells dry up earlier every season in the villages of the north.',
    });
    writeFileSync(
      join(dir, 'feed.json'),
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Sahel news',
        items: [
          {
            id: '1',
            url: 'https://example.org/solar',
            title: 'Solar power reaches rural clinics',
            content_html:
              '<p>Forty clinics in the region now run on solar panels, the health ministry said on Monday.</p>',
          },
        ],
      }),
    );
    const report = await archive.importPaths([dir]);
    assert.deepEqual(
      report.items.map((i) => [i.status, i.title]),
      [
        ['imported', 'Water in the Sahel'],
        ['imported', 'Solar power reaches rural clinics'],
      ],
    );
  });
});
