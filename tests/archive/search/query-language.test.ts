import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { NewArticle } from '../../../archive/articles/store.ts';
import { Library } from '../../../archive/library/library.ts';
import { parseQuery } from '../../../archive/search/parse-query.ts';
import { createTestArchive, type TestArchive } from '../../helpers/archive.ts';

const ARTICLES: NewArticle[] = [
  {
    title: 'La saison des pluies commence au Sahel',
    paragraphs: ['Les premières pluies sont tombées sur Niamey, où les agriculteurs préparent les semis.'],
    lang: 'fr',
    author: 'Aïssata Maïga',
    source: 'Le Sahel',
    publishedAt: '2024-01-15',
  },
  {
    title: 'Budget de l’État : le parlement vote',
    paragraphs: ['Le parlement a voté le budget de l’État. Les pluies de janvier ont retardé la session.'],
    lang: 'fr',
    author: 'Moussa Diallo',
    source: 'Journal du Niger',
    publishedAt: '2024-04-30',
  },
  {
    title: 'Rainy season starts early in the Sahel',
    paragraphs: ['Farmers near Niamey welcomed the early rains, which came weeks ahead of the usual season.'],
    lang: 'en',
    author: 'Jane Okafor',
    source: 'Sahel Times',
    publishedAt: '2023-12-02',
  },
  {
    title: 'Markets and prices',
    paragraphs: [
      'The price of millet rose in the markets of the capital. Traders blamed the roads; the season was dry and the price of transport rose again.',
    ],
    lang: 'en',
    author: null,
    source: null,
    publishedAt: null,
  },
];

describe('the query language', () => {
  let archive: TestArchive;
  const ids = new Map<string, number>();
  const search = (query: string, options: Partial<Parameters<TestArchive['searcher']['search']>[1]> = {}) =>
    archive.searcher.search(query, { limit: 20, offset: 0, ...options });
  const titles = (query: string, options = {}) => search(query, options).results.map((r) => r.title);

  before(async () => {
    archive = await createTestArchive();
    archive.store.addMany(ARTICLES).forEach((outcome, index) => {
      assert.ok(!(outcome instanceof Error));
      ids.set(ARTICLES[index]!.title, outcome.id);
    });
    archive.searcher.forgetLanguages();
    const library = new Library(archive.db);
    library.setBookmarked(ids.get('Markets and prices')!, true);
    library.setReadStatus(ids.get('Rainy season starts early in the Sahel')!, 'read');
    library.setTags(ids.get('La saison des pluies commence au Sahel')!, ['Agriculture', 'Sahel']);
    library.setTags(ids.get('Rainy season starts early in the Sahel')!, ['agriculture']);
  });

  it('title: looks in titles only', () => {
    assert.deepEqual(titles('title:sahel').sort(), [
      'La saison des pluies commence au Sahel',
      'Rainy season starts early in the Sahel',
    ]);
    assert.deepEqual(titles('title:"parlement vote"'), ['Budget de l’État : le parlement vote']);
  });

  it('author: and source: match part of the name, without regard to case', () => {
    assert.deepEqual(titles('author:diallo'), ['Budget de l’État : le parlement vote']);
    assert.deepEqual(titles('pluies source:"sahel"'), ['La saison des pluies commence au Sahel']);
    assert.deepEqual(titles('season -author:okafor'), ['Markets and prices']);
  });

  it('lang: keeps one language', () => {
    assert.deepEqual(titles('niamey lang:en'), ['Rainy season starts early in the Sahel']);
  });

  it('after:, before: and year: filter by publication date (after: from a period on, before: up to it)', () => {
    assert.deepEqual(titles('year:2024', { sort: 'oldest' }), [
      'La saison des pluies commence au Sahel',
      'Budget de l’État : le parlement vote',
    ]);
    assert.deepEqual(titles('after:2024-02'), ['Budget de l’État : le parlement vote']);
    assert.deepEqual(titles('before:2024-01-15'), ['Rainy season starts early in the Sahel']);
    assert.deepEqual(titles('before:2024-01-16'), [
      'La saison des pluies commence au Sahel',
      'Rainy season starts early in the Sahel',
    ]);
    assert.deepEqual(titles('pluies before:2024-04'), ['La saison des pluies commence au Sahel']);
    assert.deepEqual(titles('after:2024-01 before:2024-02'), ['La saison des pluies commence au Sahel']);
  });

  it('tag: and is: use the reader’s own library', () => {
    assert.deepEqual(titles('tag:AGRICULTURE', { sort: 'oldest' }), [
      'Rainy season starts early in the Sahel',
      'La saison des pluies commence au Sahel',
    ]);
    assert.deepEqual(titles('is:bookmarked'), ['Markets and prices']);
    assert.deepEqual(titles('season is:unread'), ['Markets and prices']);
    assert.deepEqual(titles('sahel -is:read'), ['La saison des pluies commence au Sahel']);
  });

  it('sorts by relevance, newest or oldest', () => {
    assert.deepEqual(titles('niamey', { sort: 'newest' }), [
      'La saison des pluies commence au Sahel',
      'Rainy season starts early in the Sahel',
    ]);
    assert.deepEqual(titles('niamey', { sort: 'oldest' }), [
      'Rainy season starts early in the Sahel',
      'La saison des pluies commence au Sahel',
    ]);
    const bySort = search('pluies', { sort: 'newest' }).results;
    assert.ok(
      bySort.every((r) => r.snippet.highlights.length > 0),
      'date-sorted results are highlighted too',
    );
  });

  it('sorts by source, alphabetically, with articles that have none last', () => {
    const bySource = search('', { sort: 'source' }).results.map((r) => r.source);
    assert.deepEqual(bySource, ['Journal du Niger', 'Le Sahel', 'Sahel Times', null]);
    assert.deepEqual(
      search('sahel', { sort: 'source' }).results.map((r) => r.source),
      ['Le Sahel', 'Sahel Times'],
    );
  });

  it('ranks words close together above the same words far apart', async () => {
    const own = await createTestArchive();
    const filler = 'The committee met on Monday and discussed several routine matters at length before lunch.';
    own.store.addMany([
      {
        title: 'Report one',
        paragraphs: [filler, `Water levels fell. ${filler} ${filler} Grain stocks rose.`],
        lang: 'en',
      },
      {
        title: 'Report two',
        paragraphs: [filler, `Water and grain stocks fell. ${filler} ${filler} Levels rose.`],
        lang: 'en',
      },
    ]);
    own.searcher.forgetLanguages();
    assert.deepEqual(
      own.searcher.search('water grain', { limit: 20, offset: 0 }).results.map((r) => r.title),
      ['Report two', 'Report one'],
    );
  });

  it('treats the last word as a prefix while typing', () => {
    assert.deepEqual(titles('parlem'), []);
    assert.deepEqual(titles('parlem', { asYouType: true }), ['Budget de l’État : le parlement vote']);
    assert.deepEqual(titles('parlem ', { asYouType: true }), []);
  });

  it('suggests archive words for misspelled ones when nothing matches', () => {
    const result = search('parlemant budjet');
    assert.equal(result.total, 0);
    assert.equal(result.suggestion, 'parlement budget');
    assert.equal(search('parlement').suggestion, null);
  });

  it('degrades an unknown or malformed filter to words, and says so', () => {
    const result = search('after:yesterday niamey');
    assert.equal(result.notice?.code, 'ignored_filter');
    assert.ok(
      result.results.every((r) => !r.matchedAll),
      'no article has "after" and "yesterday" too',
    );
    assert.deepEqual(parseQuery('http://example.org').filters, []);
    assert.equal(search('is:everything').notice?.code, 'ignored_filter');
  });

  it('counts matches by source, language, year and tag', () => {
    const facets = archive.searcher.facets('sahel OR niamey OR price');
    assert.deepEqual(facets.languages, [
      { value: 'en', count: 2 },
      { value: 'fr', count: 1 },
    ]);
    assert.deepEqual(facets.years, [
      { value: '2024', count: 1 },
      { value: '2023', count: 1 },
      { value: null, count: 1 },
    ]);
    assert.deepEqual(facets.tags, [
      { value: 'Agriculture', count: 2 },
      { value: 'Sahel', count: 1 },
    ]);
    assert.equal(facets.sources.find((f) => f.value === 'Sahel Times')?.count, 1);
    assert.deepEqual(archive.searcher.facets('lang:fr').languages, [{ value: 'fr', count: 2 }]);
  });
});
