import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asPrefixQuery, filterText, hasFilter, toggleFilter } from '../../renderer/src/query-edit.ts';

describe('editing a query from the facets', () => {
  it('writes a filter bare, or quoted when its value has spaces', () => {
    assert.equal(filterText('lang', 'fr'), 'lang:fr');
    assert.equal(filterText('year', '2024'), 'year:2024');
    assert.equal(filterText('source', 'Le Sahel'), 'source:"Le Sahel"');
    assert.equal(filterText('tag', 'food security'), 'tag:"food security"');
    assert.equal(filterText('tag', 'say "hi"'), 'tag:"say hi"');
  });

  it('adds a filter at the end of the query', () => {
    assert.equal(toggleFilter('cooperation', 'lang', 'fr'), 'cooperation lang:fr');
    assert.equal(toggleFilter('', 'year', '2024'), 'year:2024');
    assert.equal(toggleFilter('niger "air defence"', 'source', 'Le Sahel'), 'niger "air defence" source:"Le Sahel"');
  });

  it('removes a filter the query has, wherever it is and however it is written', () => {
    assert.equal(toggleFilter('cooperation lang:fr', 'lang', 'fr'), 'cooperation');
    assert.equal(toggleFilter('LANG:FR cooperation militaire', 'lang', 'fr'), 'cooperation militaire');
    assert.equal(toggleFilter('niger source:"Le Sahel" year:2024', 'source', 'Le Sahel'), 'niger year:2024');
    assert.equal(toggleFilter('tag:agriculture', 'tag', 'agriculture'), '');
  });

  it('replaces the exclusion of a value by the value', () => {
    assert.equal(toggleFilter('niger -lang:fr', 'lang', 'fr'), 'niger lang:fr');
    assert.equal(hasFilter('niger -lang:fr', 'lang', 'fr'), false);
  });

  it('tells which filters a query has, and not words that look like them', () => {
    assert.equal(hasFilter('cooperation lang:fr', 'lang', 'fr'), true);
    assert.equal(hasFilter('cooperation lang:fr', 'lang', 'en'), false);
    assert.equal(hasFilter('cooperation "lang:fr"', 'lang', 'fr'), false);
    assert.equal(hasFilter('year:2024', 'year', '2024'), true);
    assert.equal(hasFilter('year:20245', 'year', '2024'), false);
    assert.equal(hasFilter('source:"le sahel"', 'source', 'Le Sahel'), true);
    assert.equal(hasFilter('tag:energie', 'tag', 'Énergie'), true);
    assert.equal(hasFilter('source:sahel', 'source', 'Sahel'), true);
  });
});

describe('the query being typed', () => {
  it('reads its last word as a prefix', () => {
    assert.equal(asPrefixQuery('coop'), 'coop*');
    assert.equal(asPrefixQuery('cooperation milit'), 'cooperation milit*');
    assert.equal(asPrefixQuery('title:nig'), 'title:nig*');
    assert.equal(asPrefixQuery('l’armée'), 'l’armée*');
  });

  it('leaves alone a query whose last word is complete or not a word', () => {
    for (const query of [
      '',
      'coop*',
      'niger ',
      'niger -mali',
      '"air defence"',
      '"air def',
      'lang:fr',
      'niger OR',
      '—',
    ]) {
      assert.equal(asPrefixQuery(query), query, query);
    }
  });
});
