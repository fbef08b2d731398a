import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ArchiveApi } from '../../../archive/api/contract.ts';
import { bridgeFrom, clientFromBridge } from '../../../archive/api/bridge.ts';
import { dispatch } from '../../../archive/api/dispatch.ts';
import { ApiError } from '../../../archive/api/envelope.ts';
import { createHandlers } from '../../../archive/service/handlers.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { FIXTURES, fixture } from '../../helpers/temp.ts';

describe('the reader’s library, through the contract', () => {
  let api: ArchiveApi;
  let bamako: number;
  let solar: number;

  before(async () => {
    const archive = await createTestArchive();
    const handlers = createHandlers(archive.db);
    api = clientFromBridge(bridgeFrom((method, args) => dispatch(handlers, method, args)));
    const report = await api.importPaths({ paths: [FIXTURES] });
    const id = (name: string) => report.items.find((item) => item.path === fixture(name))?.articleId ?? 0;
    bamako = id('bamako-festival.txt');
    solar = id('solar-cooperation.txt');
  });

  it('bookmarks, tags and reading status show in summaries and as search filters', async () => {
    assert.equal((await api.setBookmarked({ id: bamako, bookmarked: true })).bookmarked, true);
    assert.deepEqual((await api.setTags({ id: bamako, tags: ['Musique', 'Mali'] })).tags, ['Mali', 'Musique']);
    await api.setTags({ id: solar, tags: ['mali', 'énergie'] });
    assert.equal((await api.setReadStatus({ id: solar, status: 'read' })).readStatus, 'read');
    const titles = async (query: string) => (await api.search({ query })).results.map((r) => r.id);
    assert.deepEqual(await titles('is:bookmarked'), [bamako]);
    assert.deepEqual(await titles('tag:MALI tag:energie'), [solar]);
    assert.deepEqual(await titles('tag:mali -is:read'), [bamako]);
    assert.deepEqual(await api.listTags({}), [
      { name: 'Mali', count: 2 },
      { name: 'énergie', count: 1 },
      { name: 'Musique', count: 1 },
    ]);
  });

  it('keeps highlights with their notes, and finds them in the notebook', async () => {
    const article = await api.getArticle({ id: bamako });
    const start = article.text.indexOf('coopération culturelle');
    const highlight = await api.addHighlight({ articleId: bamako, start, end: start + 22, color: 'green' });
    assert.equal(highlight.quote, 'coopération culturelle');
    const noted = await api.updateHighlight({ id: highlight.id, note: 'À citer dans le rapport' });
    assert.equal(noted.note, 'À citer dans le rapport');
    assert.equal(noted.color, 'green');
    assert.deepEqual(
      (await api.getArticle({ id: bamako })).highlights.map((h) => h.quote),
      ['coopération culturelle'],
    );
    const notebook = await api.listHighlights({ query: 'rapport' });
    assert.equal(notebook.total, 1);
    assert.equal(notebook.entries[0]?.articleTitle, article.title);
    assert.equal((await api.listHighlights({ query: 'nothing like this' })).total, 0);
    await assert.rejects(api.addHighlight({ articleId: bamako, start: 0, end: article.text.length + 5 }), (error) => {
      assert.ok(error instanceof ApiError && error.code === 'invalid_argument');
      return true;
    });
    await api.deleteHighlight({ id: highlight.id });
    assert.deepEqual((await api.getArticle({ id: bamako })).highlights, []);
  });

  it('survives a re-import of the same article', async () => {
    const article = await api.getArticle({ id: solar });
    const highlight = await api.addHighlight({ articleId: solar, start: 0, end: 6 });
    const again = await api.importPaths({ paths: [fixture('solar-cooperation.txt')] });
    assert.equal(again.items[0]?.status, 'duplicate');
    assert.deepEqual(
      (await api.getArticle({ id: solar })).highlights.map((h) => [h.id, h.quote]),
      [[highlight.id, article.text.slice(0, 6)]],
    );
  });

  it('remembers the reading position and the note on the article', async () => {
    await api.setReadingPosition({ id: bamako, position: 120 });
    await api.setArticleNote({ id: bamako, note: 'Festival annuel.' });
    const article = await api.getArticle({ id: bamako });
    assert.equal(article.position, 120);
    assert.equal(article.note, 'Festival annuel.');
  });

  it('files articles in nested collections, searchable with collection:', async () => {
    const sahel = await api.createCollection({ name: 'Sahel' });
    const culture = await api.createCollection({ name: 'Culture', parentId: sahel.id });
    await api.setArticleCollections({ id: bamako, collectionIds: [culture.id] });
    assert.deepEqual((await api.getArticle({ id: bamako })).collectionIds, [culture.id]);
    assert.deepEqual(
      (await api.search({ query: 'collection:sahel' })).results.map((r) => r.id),
      [bamako],
    );
    assert.deepEqual(
      (await api.search({ query: 'collection:culture' })).results.map((r) => r.id),
      [bamako],
    );
    await assert.rejects(api.updateCollection({ id: sahel.id, parentId: culture.id }), /inside itself/);
    await assert.rejects(api.createCollection({ name: 'culture', parentId: sahel.id }), /already a collection/i);
    await api.deleteCollection({ id: sahel.id });
    assert.deepEqual(await api.listCollections({}), []);
    assert.deepEqual((await api.getArticle({ id: bamako })).collectionIds, []);
  });

  it('counts new matches of a saved search since it was last opened', async () => {
    const own = await createTestArchive();
    const handlers = createHandlers(own.db);
    const fresh = clientFromBridge(bridgeFrom((method, args) => dispatch(handlers, method, args)));
    await fresh.importPaths({ paths: [fixture('solar-cooperation.txt')] });
    const saved = await fresh.saveSearch({ name: 'Sahel', query: 'rainfall OR clinics' });
    assert.equal(saved.newCount, 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fresh.importPaths({ paths: [fixture('sahel-water.md'), fixture('bamako-festival.txt')] });
    assert.equal((await fresh.listSavedSearches({}))[0]?.newCount, 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal((await fresh.openSavedSearch({ id: saved.id })).newCount, 0);
    await assert.rejects(fresh.saveSearch({ name: 'SAHEL', query: 'x' }), /already a saved search/);
    await fresh.deleteSavedSearch({ id: saved.id });
    assert.deepEqual(await fresh.listSavedSearches({}), []);
  });

  it('says which article, highlight or collection is missing', async () => {
    await assert.rejects(api.setBookmarked({ id: 9999, bookmarked: true }), /no article 9999/);
    await assert.rejects(api.updateHighlight({ id: 9999, note: 'x' }), /no highlight 9999/);
    await assert.rejects(api.deleteCollection({ id: 9999 }), /no collection 9999/);
  });
});
