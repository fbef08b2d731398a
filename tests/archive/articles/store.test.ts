import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NewArticle } from '../../../archive/articles/store.ts';
import { createTestArchive } from '../../helpers/archive.ts';

const article = (title: string): NewArticle => ({ title, paragraphs: [`Text of ${title}.`], lang: 'en' });

describe('storing articles', () => {
  it('stores a batch, recognising duplicates inside it', async () => {
    const { store } = await createTestArchive();
    const outcomes = store.addMany([article('One'), article('Two'), article('One')]);
    assert.deepEqual(
      outcomes.map((o) => !(o instanceof Error) && o.status),
      ['imported', 'imported', 'duplicate'],
    );
    assert.equal(store.stats().articles, 2);
  });

  it('loses only the article that cannot be stored when a batch fails', async () => {
    const { store, searcher } = await createTestArchive();
    const broken = { ...article('Broken'), title: null as unknown as string };
    const outcomes = store.addMany([article('Alpha'), broken, article('Omega')]);
    assert.ok(outcomes[1] instanceof Error);
    assert.equal(store.stats().articles, 2);
    assert.equal(searcher.search('alpha OR omega', { limit: 10, offset: 0 }).total, 2);
    assert.equal(searcher.search('broken', { limit: 10, offset: 0 }).total, 0);
  });

  it('removes an article from the index with the article', async () => {
    const { db, store, searcher } = await createTestArchive();
    store.addMany([article('Gamma')]);
    db.prepare('DELETE FROM articles').run();
    assert.equal(searcher.search('gamma', { limit: 10, offset: 0 }).total, 0);
    assert.equal((db.prepare('SELECT count(*) AS n FROM article_offsets').get() as { n: number }).n, 0);
  });
});
