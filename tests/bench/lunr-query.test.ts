import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery } from '../../archive/search/parse-query.ts';
import { matchesFilters, toLunrQuery, type LunrDocument } from '../../bench/engines/lunr-query.ts';

const document: LunrDocument = {
  lang: 'fr',
  sourcePath: 'synthetic/fr/12.txt',
  author: 'Camille Durand',
  source: 'courrier-du-sud.fr',
  publishedAt: '2019-03-14',
};
const matches = (query: string) => matchesFilters(document, parseQuery(query).filters);

describe('toLunrQuery', () => {
  it('translates the archive query language to lunr syntax', () => {
    assert.equal(toLunrQuery('gouvernement').text, '+gouvernement');
    assert.equal(toLunrQuery('police court report').text, '+police +court +report');
    assert.equal(toLunrQuery('"premier ministre" -gouvernement').text, '+premier +ministre -gouvernement');
    assert.equal(toLunrQuery('gouvern* -président').text, '+gouvern* -président');
    assert.equal(toLunrQuery('economy OR market OR trade').text, 'economy market trade');
    assert.equal(toLunrQuery('title:"security council"').text, '+title:security +title:council');
  });

  it('makes the last word a prefix as you type', () => {
    assert.equal(toLunrQuery('prime mini', true).text, '+prime +mini*');
    assert.equal(toLunrQuery('prime mini').text, '+prime +mini');
  });

  it('leaves the filters to be applied to the hits', () => {
    const query = toLunrQuery('author:durand year:2019 élection');
    assert.equal(query.text, '+élection');
    assert.deepEqual(
      query.filters.map((f) => f.field),
      ['author', 'year'],
    );
    assert.equal(toLunrQuery('source:gazette').text, '');
  });
});

describe('matchesFilters', () => {
  it('reads each filter as the archive does', () => {
    assert.ok(matches('author:durand'));
    assert.ok(matches('author:"camille durand"'));
    assert.ok(!matches('author:mitchell'));
    assert.ok(matches('source:courrier'));
    assert.ok(matches('source:synthetic/fr'), 'the source path counts as a source');
    assert.ok(matches('lang:FR'));
    assert.ok(!matches('lang:en'));
    assert.ok(matches('year:2019') && !matches('year:2018'));
    assert.ok(matches('after:2019-03') && matches('after:2019-03-14') && !matches('after:2019-04'));
    assert.ok(matches('before:2019-04') && !matches('before:2019-03-14'));
  });

  it('keeps what an excluded filter does not match, and requires every filter', () => {
    assert.ok(matches('-lang:en'));
    assert.ok(!matches('-author:durand'));
    assert.ok(!matches('author:durand lang:en'));
  });

  it('refuses the library filters, which the benchmark articles have no data for', () => {
    assert.throws(() => matches('is:bookmarked'), /no "is:" data/);
  });
});
