import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averagePrecision, meanScores, ndcgAt, precisionAt, recallAt } from '../../../bench/quality/metrics.ts';

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);

// Relevant documents 1 and 2 found at ranks 2 and 4; document 7 never found.
const ranking = [3, 1, 5, 2];
const relevant = new Set([1, 2, 7]);

describe('retrieval metrics', () => {
  it('average precision: precision at each relevant rank, over all relevant documents', () => {
    close(averagePrecision(ranking, relevant), (1 / 2 + 2 / 4) / 3);
    close(averagePrecision([1, 2, 7], relevant), 1);
    close(averagePrecision([], relevant), 0);
  });

  it('precision at k divides by k even when fewer documents were returned', () => {
    close(precisionAt(ranking, relevant, 2), 1 / 2);
    close(precisionAt(ranking, relevant, 10), 2 / 10);
  });

  it('recall at k counts the relevant documents in the top k', () => {
    close(recallAt(ranking, relevant, 2), 1 / 3);
    close(recallAt(ranking, relevant, 100), 2 / 3);
    close(recallAt(ranking, new Set(), 100), 0);
  });

  it('nDCG at k with binary gains', () => {
    // DCG: 1/log2(3) + 1/log2(5); ideal with three relevant documents: 1 + 1/log2(3) + 1/log2(4).
    close(ndcgAt(ranking, relevant, 10), (1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3) + 1 / 2));
    // Only the top two count, and the ideal top two are both relevant.
    close(ndcgAt(ranking, relevant, 2), 1 / Math.log2(3) / (1 + 1 / Math.log2(3)));
    close(ndcgAt([2, 1, 7, 3], relevant, 10), 1);
    close(ndcgAt(ranking, new Set(), 10), 0);
  });

  it('averages over judged queries only, counting a query with no ranking as 0', () => {
    const judgements = new Map([
      [1, new Set([10])],
      [2, new Set([20, 21])],
      [3, new Set<number>()],
      [4, new Set([40])],
    ]);
    const rankings = new Map([
      [1, [10]],
      [2, [99, 21]],
      [3, [30]],
      [4, []],
    ]);
    const scores = meanScores(rankings, judgements);
    assert.equal(scores.queries, 3);
    assert.equal(scores.empty, 1);
    close(scores.averagePrecision, (1 + 1 / 2 / 2 + 0) / 3);
    close(scores.precisionAt10, (1 / 10 + 1 / 10 + 0) / 3);
    close(scores.recallAt100, (1 + 1 / 2 + 0) / 3);
    close(scores.ndcgAt10, (1 + 1 / Math.log2(3) / (1 + 1 / Math.log2(3)) + 0) / 3);
  });
});
