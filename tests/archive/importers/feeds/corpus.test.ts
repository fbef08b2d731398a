import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { feedFileImporter } from '../../../../archive/importers/feeds/feed-file.ts';
import type { ImportedEntry } from '../../../../archive/importers/file-importer.ts';
import { SHARED } from '../../../helpers/temp.ts';

const CORPUS = join(SHARED, 'corpora', 'feeds', 'rss-parser');
const present = existsSync(CORPUS);
if (!present) console.log(`# skipping the feed corpus tests: ${CORPUS} is absent`);

const read = (path: string) => [...(feedFileImporter.read(path) as Iterable<ImportedEntry>)];
const count = (entries: ImportedEntry[], kind: ImportedEntry['kind']) =>
  entries.filter((entry) => entry.kind === kind).length;
const itemEntries = (entries: ImportedEntry[]) => entries.filter((entry) => entry.position?.startsWith('item '));

describe('the feed corpus (rss-parser test feeds)', { skip: !present && 'corpus absent' }, () => {
  it('finds as many items in each feed as rss-parser does', () => {
    // rss-parser's own expected output for each feed is beside it: an independent count to agree with.
    const inputs = readdirSync(join(CORPUS, 'input')).sort();
    assert.equal(inputs.length, 31);
    let compared = 0;
    for (const name of inputs) {
      const expectedFile = join(CORPUS, 'output', `${name.replace(/\.[^.]+$/, '')}.json`);
      if (!existsSync(expectedFile)) continue;
      const expected = (JSON.parse(readFileSync(expectedFile, 'utf8')) as { feed: { items: unknown[] } }).feed.items
        .length;
      const found = itemEntries(read(join(CORPUS, 'input', name))).length;
      // rss-parser keeps an <entry> with nothing but an empty <author>; feedsmith drops it (and so do we).
      if (name === 'incomplete-fields.atom') assert.equal(found, expected - 1, name);
      else assert.equal(found, expected, name);
      compared++;
    }
    assert.equal(compared, 29);
  });

  it('imports the items that have text and reports the others', () => {
    const expected: Record<string, { article: number; skipped: number; failed: number }> = {
      // Full-text items (content:encoded), including the Guardian's 55 and a 730-episode podcast.
      'guardian.rss': { article: 55, skipped: 0, failed: 0 },
      'giantbomb-podcast.rss': { article: 730, skipped: 0, failed: 0 },
      'content-encoded.rss': { article: 7, skipped: 0, failed: 0 },
      'heise.atom': { article: 15, skipped: 0, failed: 0 },
      'reddit-home.rss': { article: 24, skipped: 0, failed: 0 },
      // RSS 1.0 (RDF).
      'craigslist.rss': { article: 25, skipped: 0, failed: 0 },
      // YouTube: the only text is the Media RSS description.
      'atom-customfields.atom': { article: 15, skipped: 0, failed: 0 },
      // ISO-8859-1; four items have an empty description.
      'encoding.rss': { article: 36, skipped: 4, failed: 0 },
      // Science's table of contents: 69 titles with empty descriptions.
      'rss-1.rss': { article: 0, skipped: 69, failed: 0 },
      // An entry with an id and nothing else.
      'missing-fields.atom': { article: 0, skipped: 1, failed: 0 },
      // An HTML "Document Moved" page saved under a feed's name.
      'unrecognized.rss': { article: 0, skipped: 0, failed: 1 },
    };
    for (const [name, counts] of Object.entries(expected)) {
      const entries = read(join(CORPUS, 'input', name));
      assert.deepEqual(
        { article: count(entries, 'article'), skipped: count(entries, 'skipped'), failed: count(entries, 'failed') },
        counts,
        name,
      );
    }
  });

  it('reads what a reader would check: titles, accents, dates, sources', () => {
    const [first] = read(join(CORPUS, 'input', 'encoding.rss'));
    assert.equal(first?.kind, 'article');
    if (first?.kind !== 'article') return;
    assert.equal(first.article.title, 'Mãe de utente é a nova presidente da Raríssimas');
    assert.equal(first.article.source, 'Jornal de Notícias - Últimas Notícias');
    assert.equal(first.article.lang, 'pt');
    assert.deepEqual(first.article.library?.tags, ['Nacional']);

    const heise = read(join(CORPUS, 'input', 'heise.atom'))[0];
    assert.equal(heise?.kind === 'article' && heise.article.publishedAt, '2016-02-01T17:22:00+01:00');

    const moved = read(join(CORPUS, 'input', 'unrecognized.rss'))[0];
    assert.equal(moved?.kind === 'failed' && moved.message, 'not a feed: the file is an HTML page ("Document Moved")');
  });

  it('skips the JSON files beside the feeds, which are not JSON Feeds', () => {
    for (const name of readdirSync(join(CORPUS, 'output'))) {
      const [entry, ...rest] = read(join(CORPUS, 'output', name));
      assert.equal(rest.length, 0, name);
      assert.ok(entry?.kind === 'skipped', name);
      assert.match(entry.message, /^not a feed: a JSON file, but not a JSON Feed/);
    }
  });
});
