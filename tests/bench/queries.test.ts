import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery } from '../../archive/search/parse-query.ts';
import { AUTHORS, PUBLISHED_YEARS, SOURCES } from '../../bench/metadata.ts';
import { QUERIES, QUERY_CLASSES, requestFor } from '../../bench/queries.ts';

describe('benchmark queries', () => {
  it('has several queries in every class, none twice in a class', () => {
    for (const queryClass of QUERY_CLASSES) {
      const count = QUERIES.filter((q) => q.class === queryClass).length;
      assert.ok(count >= 4, `${queryClass}: ${count} queries`);
    }
    assert.equal(new Set(QUERIES.map((q) => `${q.class}\u0000${q.text}`)).size, QUERIES.length);
  });

  it('asks for facets, a date sort or as-you-type matching by class', () => {
    assert.deepEqual(requestFor('facets'), { kind: 'facets' });
    assert.deepEqual(requestFor('newest'), { kind: 'page', sort: 'newest', asYouType: false });
    assert.deepEqual(requestFor('as you type'), { kind: 'page', sort: 'relevance', asYouType: true });
    assert.deepEqual(requestFor('phrase'), { kind: 'page', sort: 'relevance', asYouType: false });
  });

  it('types 3 to 5 letters of the last word as you type', () => {
    for (const { text } of QUERIES.filter((q) => q.class === 'as you type')) {
      assert.match(text.split(' ').at(-1) ?? '', /^\p{L}{3,5}$/u, text);
    }
  });

  it('uses filters the archive reads, on authors, sources and dates the generator gives', () => {
    const authors = [...AUTHORS.en, ...AUTHORS.fr].map((name) => name.toLowerCase());
    const sources = [...SOURCES.en, ...SOURCES.fr];
    const field = QUERIES.filter((q) => q.class === 'field');
    for (const { text } of field) {
      const { filters, notice, groups } = parseQuery(text);
      assert.equal(notice, null, text);
      assert.ok(filters.length > 0 || groups.some((g) => g.alternatives.some((item) => item.field === 'title')), text);
      for (const { field, value } of filters) {
        if (field === 'author')
          assert.ok(
            authors.some((name) => name.includes(value.toLowerCase())),
            text,
          );
        if (field === 'source')
          assert.ok(
            sources.some((site) => site.includes(value)),
            text,
          );
        if (field === 'year' || field === 'after' || field === 'before') {
          const year = Number(value.slice(0, 4));
          assert.ok(year >= PUBLISHED_YEARS[0] && year <= PUBLISHED_YEARS[1], text);
        }
      }
    }
    const filterFields = new Set(field.flatMap(({ text }) => parseQuery(text).filters.map((f) => f.field)));
    for (const name of ['author', 'source', 'lang', 'year', 'after', 'before'] as const)
      assert.ok(filterFields.has(name), name);
  });
});
