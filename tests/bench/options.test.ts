import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childArguments, parseOptions, planRuns, UsageError, type BenchOptions } from '../../bench/options.ts';

const parse = (...argv: string[]) => parseOptions(argv) as BenchOptions;

describe('benchmark options', () => {
  it('runs lunr on as many articles as ours, up to 20,000, unless told otherwise', () => {
    assert.equal(parse('--articles', '5000').lunrArticles, 5_000);
    assert.equal(parse('--articles', '100000').lunrArticles, 20_000);
    assert.equal(parse('--articles', '100000', '--lunr-articles', '10000').lunrArticles, 10_000);
    assert.throws(() => parse('--engines', 'fts', '--lunr-articles', '10000'), UsageError);
    assert.throws(() => parse('--articles', '0'), UsageError);
    assert.throws(() => parse('--child', 'fts'), UsageError, '--child needs --archive');
  });

  it('runs ours on lunr’s articles for the ratios, then on all of them', () => {
    assert.deepEqual(planRuns(parse('--articles', '100000')), [
      { engine: 'fts', articles: 20_000 },
      { engine: 'lunr', articles: 20_000 },
      { engine: 'fts', articles: 100_000 },
    ]);
    assert.deepEqual(planRuns(parse('--articles', '20000')), [
      { engine: 'fts', articles: 20_000 },
      { engine: 'lunr', articles: 20_000 },
    ]);
    assert.deepEqual(planRuns(parse('--articles', '100000', '--engines', 'fts')), [
      { engine: 'fts', articles: 100_000 },
    ]);
    assert.deepEqual(planRuns(parse('--articles', '100000', '--engines', 'lunr')), [
      { engine: 'lunr', articles: 20_000 },
    ]);
  });

  it('hands a child its task, archive, articles, seed and rounds', () => {
    const options = parse('--seed', '7', '--queries-rounds', '3');
    const child = parse(...childArguments(options, 'open', 1_000, '/tmp/a.sqlite'));
    assert.deepEqual(child.child, { task: 'open', archive: '/tmp/a.sqlite' });
    assert.equal(child.articles, 1_000);
    assert.equal(child.seed, 7);
    assert.equal(child.rounds, 3);
  });
});
