import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QUERIES, QUERY_CLASSES, toLunrQuery } from '../../bench/queries.ts';

describe('benchmark queries', () => {
  it('has at least 30 queries, every class represented', () => {
    assert.ok(QUERIES.length >= 30);
    for (const queryClass of QUERY_CLASSES)
      assert.ok(
        QUERIES.some((q) => q.class === queryClass),
        queryClass,
      );
    assert.equal(new Set(QUERIES.map((q) => q.text)).size, QUERIES.length);
  });

  it('translates the archive query language to lunr syntax', () => {
    assert.equal(toLunrQuery('gouvernement'), '+gouvernement');
    assert.equal(toLunrQuery('police court report'), '+police +court +report');
    assert.equal(toLunrQuery('"premier ministre" -gouvernement'), '+premier +ministre -gouvernement');
    assert.equal(toLunrQuery('gouvern* -président'), '+gouvern* -président');
    assert.equal(toLunrQuery('economy OR market OR trade'), 'economy market trade');
  });
});
