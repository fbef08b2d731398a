import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allWordsQuery, anyWordQuery, plainFtsQuery } from '../../../bench/quality/queries.ts';

describe('CISI queries as sent to each system', () => {
  it('removes what our query language reads as syntax, keeping the words', () => {
    assert.equal(
      allWordsQuery('the "so-called" -minus comput* OR  - title:words as: follows'),
      'the so-called minus comput or title words as follows',
    );
  });

  it('joins the words with OR for the any-word reading', () => {
    assert.equal(anyWordQuery('Retrieval of  titles?'), 'Retrieval OR of OR titles?');
  });

  it('quotes each lowercased word for plain FTS5, repeats kept', () => {
    assert.equal(
      plainFtsQuery('What is IR? What is "on-line"?'),
      '"what" OR "is" OR "ir" OR "what" OR "is" OR "on" OR "line"',
    );
    assert.equal(plainFtsQuery('?!'), '');
  });
});
