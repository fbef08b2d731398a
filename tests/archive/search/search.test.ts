import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { SearchResult } from '../../../archive/api/contract.ts';
import { createTestArchive, type TestArchive } from '../../helpers/archive.ts';
import { FIXTURES, tempDir } from '../../helpers/temp.ts';

const marked = (result: SearchResult) =>
  result.snippet.highlights.map(([start, end]) => result.snippet.text.slice(start, end));

describe('search', () => {
  let archive: TestArchive;
  const titles = (query: string) =>
    archive.searcher.search(query, { limit: 20, offset: 0 }).results.map((r) => r.title);

  before(async () => {
    archive = await createTestArchive();
    await archive.importPaths([FIXTURES]);
  });

  it('finds French text from an unaccented English-looking query, and highlights the word as written', () => {
    const { results } = archive.searcher.search('cooperation', { limit: 20, offset: 0 });
    const bamako = results.find((r) => r.title.startsWith('À Bamako'));
    assert.ok(bamako, 'the French article matches "cooperation"');
    assert.deepEqual(marked(bamako), ['coopération']);
  });

  it('matches every inflection and case of a word', () => {
    for (const query of ['coopérations', 'COOPERATION', 'Coopération']) {
      assert.ok(
        titles(query).some((t) => t.startsWith('À Bamako')),
        query,
      );
    }
  });

  it('matches English inflections ("cooperate", "cooperating") and highlights each form', () => {
    const { results } = archive.searcher.search('cooperation', { limit: 20, offset: 0 });
    const solar = results.find((r) => r.title.startsWith('Regional cooperation'))!;
    assert.deepEqual(
      solar.titleHighlights.map(([s, e]) => solar.title.slice(s, e)),
      ['cooperation'],
    );
    const forms = new Set(marked(solar).map((w) => w.toLowerCase()));
    assert.ok(forms.has('cooperate') || forms.has('cooperating'), [...forms].join(','));
  });

  it('finds a place name across languages', () => {
    assert.equal(titles('Niamey').length, 2);
  });

  it('highlights the matched words of each result in its own title and text', () => {
    const { results } = archive.searcher.search('festival OR solar', { limit: 20, offset: 0 });
    assert.equal(results.length, 2);
    for (const result of results) {
      const words = result.titleHighlights.map(([s, e]) => result.title.slice(s, e).toLowerCase());
      assert.ok(words.length > 0 && words.every((w) => w === 'festival' || w === 'solar'), `${result.title}: ${words}`);
    }
  });

  it('reads French elisions: "l\'armée" finds "L’armée"', () => {
    const { results } = archive.searcher.search("l'armée", { limit: 20, offset: 0 });
    assert.equal(results.length, 1);
    assert.deepEqual(marked(results[0]!), ['armée']);
  });

  it('requires every word, then goes on with articles that have only some of them', () => {
    const { results, relaxed, total } = archive.searcher.search('cooperation festival', { limit: 20, offset: 0 });
    assert.deepEqual(
      results.map((r) => [r.title.slice(0, 12), r.matchedAll]),
      [
        ['À Bamako, le', true],
        ['Regional coo', false],
      ],
    );
    assert.equal(relaxed, true);
    assert.equal(total, 2);
  });

  it('matches an exact phrase only when the words are adjacent', () => {
    assert.equal(titles('"rural clinics"').length, 1);
    assert.equal(titles('"clinics rural"').length, 0);
  });

  it('excludes words with a minus sign', () => {
    assert.ok(titles('Niamey').some((t) => t.startsWith('Regional')));
    assert.ok(!titles('Niamey -solar').some((t) => t.startsWith('Regional')));
  });

  it('accepts OR between words', () => {
    assert.equal(titles('rainfall OR festival').length, 2);
  });

  it('matches prefixes, even when they run past the stem of the word', () => {
    assert.ok(titles('coop*').length >= 2);
    assert.ok(titles('rainf*').some((t) => t.startsWith('Water')));
    assert.deepEqual(titles('cooperat*').sort(), titles('cooperation').sort());
    assert.ok(titles('coopérati*').some((t) => t.startsWith('À Bamako')));
  });

  it('excludes a word whichever language reads it', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'fr.txt'),
      'Le gouvernement se réunit\n\nLe président du gouvernement a réuni les ministres ce matin pour parler du budget.',
    );
    writeFileSync(
      join(dir, 'fr2.txt'),
      'Le gouvernement publie le budget\n\nLe gouvernement a publié le budget de l’année prochaine ce matin.',
    );
    writeFileSync(
      join(dir, 'en.txt'),
      'Government meets\n\nThe president of the government met the ministers this morning to discuss the budget.',
    );
    const mixed = await createTestArchive();
    await mixed.importPaths([dir]);
    assert.equal(mixed.searcher.search('gouvernement', { limit: 20, offset: 0 }).total, 2);
    assert.deepEqual(
      mixed.searcher.search('gouvernement -président', { limit: 20, offset: 0 }).results.map((r) => r.title),
      ['Le gouvernement publie le budget'],
    );
  });

  it('searches Arabic text', () => {
    assert.equal(titles('التعاون').length, 1);
  });

  it('ranks an article with the word in its title above one with it only in the body', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.txt'),
      'Harvest news\n\nThe harvest festival opened in the town, with music and dancing for the harvest.',
    );
    writeFileSync(
      join(dir, 'b.txt'),
      'Drought hits the region\n\nFarmers fear that the drought will last another season.',
    );
    const own = await createTestArchive();
    await own.importPaths([dir]);
    const results = own.searcher.search('drought OR harvest', { limit: 20, offset: 0 }).results;
    assert.equal(results.length, 2);
    const ranked = own.searcher.search('drought', { limit: 20, offset: 0 }).results;
    assert.equal(ranked[0]?.title, 'Drought hits the region');
  });

  it('never fails on malformed queries: they degrade to words and say why', () => {
    for (const query of [
      '"unclosed cooperation',
      'AND OR NOT',
      '(((',
      'NEAR(cooperation',
      '"*"',
      '* - -- "" \'',
      'cooperation)',
      'title:',
      '^cooperation',
      '\u0000',
      'x'.repeat(1000),
    ]) {
      const result = archive.searcher.search(query, { limit: 20, offset: 0 });
      assert.ok(Array.isArray(result.results), query);
    }
    const unclosed = archive.searcher.search('"unclosed cooperation', { limit: 20, offset: 0 });
    assert.equal(unclosed.notice?.code, 'unclosed_quote');
    assert.equal(archive.searcher.search('-festival', { limit: 20, offset: 0 }).notice?.code, 'only_exclusions');
    const everything = archive.searcher.search('   ', { limit: 20, offset: 0, sort: 'title' });
    assert.equal(everything.notice, null, 'an empty query lists the archive');
    assert.equal(everything.total, archive.store.stats().articles);
    assert.deepEqual(titles('((cooperation AND'), titles('cooperation'));
  });

  it('says so when a query has only common words', async () => {
    const french = await createTestArchive();
    await french.importPaths([join(FIXTURES, 'bamako-festival.txt')]);
    assert.equal(french.searcher.search('les de la', { limit: 20, offset: 0 }).notice?.code, 'only_common_words');
  });

  it('pages through results with a stable order and an exact total', () => {
    const all = archive.searcher.search('Niamey', { limit: 20, offset: 0 });
    const first = archive.searcher.search('Niamey', { limit: 2, offset: 0 });
    const second = archive.searcher.search('Niamey', { limit: 2, offset: 2 });
    assert.equal(first.total, all.total);
    assert.equal(second.total, all.total);
    assert.deepEqual(
      [...first.results, ...second.results].map((r) => r.id),
      all.results.map((r) => r.id),
    );
  });
});
