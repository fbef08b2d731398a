import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Statement } from 'better-sqlite3';
import type { NewArticle } from '../../../archive/articles/store.ts';
import { COUNT_CAP, Searcher } from '../../../archive/search/search.ts';
import { createTestArchive, type TestArchive } from '../../helpers/archive.ts';

// Enough articles that a broad query passes both the count cap and the size from which ranking
// looks at headline matches first, and date-sorted pages walk the date index.
const ARTICLES = COUNT_CAP + 100;
const TIDE_EVERY = 2; // "tide" in every other article: 5,050 of them, counted exactly
const TITLED_EVERY = 10; // "tide" also in the title of one in ten of those

// Made-up words of two syllables (none starts with "li" or "ti"), so that no two articles are near copies.
const SYLLABLES = 'ba ko ru me sa no pe da gu fo ze ha mo wu ke ra so ne pu vo'.split(' ');
const FILLER = SYLLABLES.flatMap((a) => SYLLABLES.map((b) => `${a}${b}`));

/** A small deterministic generator, so every run builds the same archive. */
function* articles(): Generator<NewArticle> {
  // mulberry32
  let seed = 7;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  for (let i = 0; i < ARTICLES; i++) {
    const words = Array.from({ length: 60 }, () => FILLER[next() % FILLER.length]);
    const tide = i % TIDE_EVERY === 0;
    if (tide) words.splice(next() % words.length, 0, 'tide');
    if (i % 1000 === 0) words.push('lighthouse');
    const year = 2015 + (i % 10);
    yield {
      title: `${i % (TIDE_EVERY * TITLED_EVERY) === 0 ? 'Tide' : 'Harbour'} report ${i} ${FILLER[next() % FILLER.length]}`,
      paragraphs: [`harbour ${words.slice(0, 20).join(' ')}.`, `${words.slice(20).join(' ')} ${i}.`],
      lang: 'en',
      source: i % 3 === 0 ? 'Port Gazette' : 'Coast Times',
      publishedAt: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    };
  }
}

describe('search at scale: bounded ranking, date walks, capped counts, query plans', () => {
  let archive: TestArchive;
  const search = (query: string, options: { limit?: number; offset?: number; sort?: 'relevance' | 'newest' } = {}) =>
    archive.searcher.search(query, { limit: options.limit ?? 20, offset: options.offset ?? 0, sort: options.sort });

  before(async () => {
    archive = await createTestArchive();
    const batch: NewArticle[] = [];
    for (const article of articles()) {
      batch.push(article);
      if (batch.length === 1000) archive.store.addMany(batch.splice(0));
    }
    archive.store.addMany(batch);
    archive.searcher.forgetLanguages();
  });

  it('counts exactly below 10,000 and says 10,000+ above', () => {
    assert.equal(search('tide').total, ARTICLES / TIDE_EVERY);
    assert.equal(search('lighthouse').total, Math.ceil(ARTICLES / 1000));
    assert.equal(search('year:2017 tide').total, ARTICLES / 10, 'all of 2017 have "tide"');
    assert.equal(search('harbour').total, COUNT_CAP + 1);
    assert.equal(search('source:gazette').total, Math.ceil(ARTICLES / 3), 'a listing is counted exactly');
  });

  it('ranks the articles with the word in their title first, and pages through every match once, in a stable order', () => {
    const total = ARTICLES / TIDE_EVERY;
    const ids: number[] = [];
    for (let offset = 0; offset < total; offset += 1000)
      ids.push(...search('tide', { limit: 1000, offset }).results.map((r) => r.id));
    assert.equal(ids.length, total);
    assert.equal(new Set(ids).size, total, 'no article twice');
    const titled = total / TITLED_EVERY;
    const first = search('tide', { limit: titled + 20 }).results;
    assert.ok(
      first.slice(0, titled).every((r) => r.title.startsWith('Tide')),
      'headline matches first',
    );
    assert.ok(first.slice(titled).every((r) => !r.title.startsWith('Tide')));
    // A page across the boundary between the two is the same slice of the whole order.
    const across = search('tide', { limit: 20, offset: titled - 10 }).results.map((r) => r.id);
    assert.deepEqual(across, ids.slice(titled - 10, titled + 10));
    const highlighted = first[titled + 1];
    assert.deepEqual(
      highlighted?.snippet.highlights.map(([s, e]) => highlighted.snippet.text.slice(s, e)),
      ['tide'],
      'snippets still come from FTS5 match positions',
    );
  });

  it('sorts by date the same whether the page walks the date index (many matches) or sorts the matches (few)', () => {
    const expected = (where: string) =>
      archive.db
        .prepare(
          `SELECT id FROM articles WHERE ${where}
           ORDER BY published_at IS NULL, published_at DESC, imported_at DESC, id DESC LIMIT 30 OFFSET 5`,
        )
        .pluck()
        .all();
    const newest = (query: string) => search(query, { sort: 'newest', limit: 30, offset: 5 }).results.map((r) => r.id);
    assert.deepEqual(newest('harbour'), expected('1'));
    assert.deepEqual(newest('lighthouse'), expected("text LIKE '%lighthouse%'").slice(0, 6));
    assert.deepEqual(newest('harbour source:gazette'), expected("source = 'Port Gazette'"));
  });

  it('finds the same articles with a prefix, two letters long (prefix index) or longer', () => {
    assert.equal(search('lighth*').total, Math.ceil(ARTICLES / 1000));
    assert.equal(search('lig*').total, Math.ceil(ARTICLES / 1000));
    assert.equal(search('ti*').total, ARTICLES / TIDE_EVERY);
    assert.equal(search('lighthouse -ti*').total, 0, 'every lighthouse article has "tide" (ids divisible by 1000)');
    assert.equal(search('li', { limit: 5 }).total, 0, 'not a prefix unless typed as one');
    assert.equal(
      archive.searcher.search('li', { limit: 5, offset: 0, asYouType: true }).total,
      Math.ceil(ARTICLES / 1000),
    );
  });

  it('counts facets exactly below 10,000 matches, and estimates them from a sample above, saying so', () => {
    const exact = archive.searcher.facets('tide');
    assert.equal(exact.estimated, undefined);
    assert.deepEqual(
      exact.sources.map((f) => [f.value, f.count]),
      [
        ['Coast Times', ARTICLES / TIDE_EVERY - Math.ceil(ARTICLES / 6)],
        ['Port Gazette', Math.ceil(ARTICLES / 6)],
      ],
    );
    const filtered = archive.searcher.facets('harbour year:2017');
    assert.equal(filtered.estimated, undefined, 'fewer than 10,000 once filtered: exact');
    assert.deepEqual(
      filtered.years.map((f) => [f.value, f.count]),
      [['2017', ARTICLES / 10]],
    );
    const estimated = archive.searcher.facets('harbour');
    assert.equal(estimated.estimated, true);
    const sum = estimated.years.reduce((total, f) => total + f.count, 0);
    assert.ok(Math.abs(sum - ARTICLES) <= ARTICLES * 0.05, `${sum} estimated for ${ARTICLES}`);
  });

  it('reads metadata from the indexes: no query scans the articles or reads rows beyond the page', () => {
    const plans: { sql: string; plan: string[] }[] = [];
    const prepare = archive.db.prepare.bind(archive.db);
    const spy = (sql: string) => {
      const statement = prepare(sql) as Statement<unknown[]>;
      for (const method of ['all', 'get'] as const) {
        const run = statement[method].bind(statement) as (...args: unknown[]) => unknown;
        Object.assign(statement, {
          [method]: (...args: unknown[]) => {
            const explain = prepare(`EXPLAIN QUERY PLAN ${sql}`) as Statement<unknown[]>;
            const plan = (explain.all(...args) as { detail: string }[]).map((row) => row.detail);
            plans.push({ sql, plan });
            return run(...args);
          },
        });
      }
      return statement;
    };
    archive.db.prepare = spy as typeof archive.db.prepare;
    try {
      // A searcher of its own, whose statements are all prepared through the spy.
      const searcher = new Searcher(archive.db);
      for (const sort of ['relevance', 'newest'] as const) {
        for (const query of [
          'harbour',
          'tide',
          'lighthouse',
          'harbour year:2019',
          'tide source:gazette',
          'year:2020',
        ]) {
          searcher.search(query, { limit: 20, offset: 40, sort });
        }
      }
      searcher.facets('harbour');
      searcher.facets('tide year:2016');
    } finally {
      archive.db.prepare = prepare;
    }
    assert.ok(plans.length > 20);
    for (const { sql, plan } of plans) {
      const onArticles = plan.filter((line) => /\b(SCAN|SEARCH) a\b/.test(line));
      // Only the page's own query reads rows (by id: its page's); everything else reads indexes.
      const allowed = /a\.text/.test(sql)
        ? /COVERING INDEX articles_(metadata|newest)|SEARCH a USING INTEGER PRIMARY KEY/
        : /COVERING INDEX articles_(metadata|newest)/;
      assert.ok(
        onArticles.every((line) => allowed.test(line)),
        `${sql}\n${plan.join('\n')}`,
      );
      assert.ok(!plan.some((line) => /^SCAN a$/.test(line)), `no full scan of articles:\n${sql}\n${plan.join('\n')}`);
    }
  });
});
