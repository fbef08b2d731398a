import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { takeBackup } from '../../../archive/backup/backups.ts';
import { checkArchive } from '../../../archive/db/check.ts';
import { openArchive } from '../../../archive/db/open.ts';
import { NearDuplicates } from '../../../archive/articles/near-duplicates.ts';
import { Annotations } from '../../../archive/library/annotations.ts';
import { Collections } from '../../../archive/library/collections.ts';
import { SavedSearches } from '../../../archive/library/saved-searches.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { tempDir } from '../../helpers/temp.ts';
import { damagePages, leaveStaleMarker, pagesOf } from './damage.ts';
import { FOUR_ARTICLES, writeSyntheticArticles } from './synthetic.ts';

const BEFORE = '2025-01-01T10:00:00.000Z';
const AFTER = '2025-02-01T10:00:00.000Z';

describe('salvage after a restore', () => {
  it('brings back highlights, notes, positions, collections, saved searches and near copies made after the backup', async () => {
    const archive = await createTestArchive();
    await archive.importPaths(FOUR_ARTICLES);
    const annotations = new Annotations(archive.db);
    const collections = new Collections(archive.db);
    const saved = new SavedSearches(archive.db, () => 0);
    // Before the backup.
    const kept = annotations.addHighlight(1, { start: 0, end: 8 }, 'yellow', null, BEFORE);
    const deletedLater = annotations.addHighlight(4, { start: 0, end: 5 }, 'blue', 'gone', BEFORE);
    annotations.setNote(2, 'first thoughts', BEFORE);
    annotations.setPosition(3, 40, BEFORE);
    const sahel = collections.create('Sahel', null, BEFORE);
    collections.setForArticle(1, [sahel.id], BEFORE);
    saved.save('eau', 'eau potable', BEFORE);
    await takeBackup(archive.db, archive.path, { reason: 'daily', now: new Date(BEFORE) });

    // After it: the work the backup does not have.
    await archive.importPaths([writeSyntheticArticles(join(tempDir(), 'later'), 10)]);
    annotations.updateHighlight(kept?.id as number, { color: 'green', note: 'read again' }, AFTER);
    annotations.deleteHighlight(deletedLater?.id as number);
    const onLater = annotations.addHighlight(7, { start: 0, end: 10 }, 'pink', 'on a later article', AFTER);
    annotations.setNote(2, 'second thoughts', AFTER);
    annotations.setNote(1, 'a new note', AFTER);
    annotations.setPosition(3, 120, AFTER);
    const nested = collections.create('Archives', sahel.id, AFTER);
    collections.setForArticle(1, [], AFTER);
    collections.setForArticle(2, [nested.id], AFTER);
    collections.setForArticle(8, [sahel.id, nested.id], AFTER);
    saved.save('russie', 'russie -mali', AFTER);
    saved.delete(saved.list().find((s) => s.name === 'eau')?.id as number);
    const laterHash = archive.db.prepare('SELECT content_hash FROM articles WHERE id = 7').pluck().get() as string;
    // A near copy met after the backup, as getArticle shows it.
    const shown = {
      title: 'A syndicated copy',
      url: 'https://mirror.example/copy',
      source: 'Mirror',
      sourcePath: '/imports/mirror.html',
      capturedAt: '2025-01-30T08:00:00Z',
      importedAt: AFTER,
    };
    new NearDuplicates(archive.db).link({ articleId: 7, distance: 2 }, { ...shown, contentHash: 'c'.repeat(64) });
    archive.db.close();

    // The disk fails on pages of the full-text index only: the reader's tables read whole.
    const index = pagesOf(archive.path, (name) => name.startsWith('article_fts'));
    damagePages(archive.path, 6, 3, index);
    leaveStaleMarker(archive.path);

    const { db, startup } = await openArchive(archive.path);
    try {
      assert.equal(startup.outcome, 'restored', startup.messages.join('\n'));
      const salvaged = startup.salvaged;
      assert.ok(salvaged);
      assert.deepEqual(salvaged.problems, []);
      assert.equal(salvaged.articles, 10);
      assert.equal(salvaged.notes, 2);
      assert.equal(salvaged.positions, 1);
      assert.match(startup.messages.at(-1) as string, /highlights.*collections.*saved searches were recovered/);

      const restored = new Annotations(db);
      const one = restored.highlightsOf(1);
      assert.deepEqual(
        one.map((h) => [h.start, h.end, h.color, h.note]),
        [[0, 8, 'green', 'read again']],
      );
      assert.deepEqual(restored.highlightsOf(4), [], 'a highlight deleted after the backup stays deleted');
      const later = restored.highlightsOf(7);
      assert.equal(later.length, 1);
      assert.equal(later[0]?.quote, onLater?.quote);
      assert.equal(later[0]?.note, 'on a later article');
      assert.deepEqual(restored.readingState(2), { position: 0, note: 'second thoughts' });
      assert.deepEqual(restored.readingState(1), { position: 0, note: 'a new note' });
      assert.equal(restored.readingState(3).position, 120);

      const restoredCollections = new Collections(db);
      const list = restoredCollections.list();
      const sahelNow = list.find((c) => c.name === 'Sahel');
      const archivesNow = list.find((c) => c.name === 'Archives');
      assert.ok(sahelNow && archivesNow);
      assert.equal(archivesNow.parentId, sahelNow.id, 'the nested collection keeps its parent');
      assert.deepEqual(restoredCollections.ofArticle(1), [], 'removed from its collection after the backup');
      assert.deepEqual(restoredCollections.ofArticle(2), [archivesNow.id]);
      assert.deepEqual(
        restoredCollections.ofArticle(8),
        [sahelNow.id, archivesNow.id].sort((a, b) => a - b),
      );

      const searches = new SavedSearches(db, () => 0).list();
      assert.deepEqual(
        searches.map((s) => [s.name, s.query]),
        [['russie', 'russie -mali']],
      );
      const laterId = db.prepare('SELECT id FROM articles WHERE content_hash = ?').pluck().get(laterHash) as number;
      assert.deepEqual(new NearDuplicates(db).copiesOf(laterId), [shown], 'the later article keeps its copy');
      assert.equal(checkArchive(db, { full: true }).ok, true);
    } finally {
      db.close();
    }
  });

  it('adds what it can read from damaged user tables and removes nothing', async () => {
    const archive = await createTestArchive();
    await archive.importPaths(FOUR_ARTICLES);
    const annotations = new Annotations(archive.db);
    annotations.addHighlight(1, { start: 0, end: 8 }, 'yellow', 'before', BEFORE);
    await takeBackup(archive.db, archive.path, { reason: 'daily', now: new Date(BEFORE) });
    // Enough highlights after the backup to fill several pages, so damage loses only some of them.
    const text = archive.db.prepare('SELECT text FROM articles WHERE id = 2').pluck().get() as string;
    for (let i = 0; i + 3 < Math.min(text.length, 600); i++) {
      annotations.addHighlight(2, { start: i, end: i + 3 }, 'blue', `note ${i} ${'x'.repeat(200)}`, AFTER);
    }
    archive.db.close();
    const pages = pagesOf(archive.path, (name) => name === 'highlights');
    assert.ok(pages.length >= 4, `${pages.length} pages of highlights`);
    damagePages(archive.path, 1, 9, [pages[Math.floor(pages.length / 2)] as number]);
    leaveStaleMarker(archive.path);

    const { db, startup } = await openArchive(archive.path);
    try {
      assert.equal(startup.outcome, 'restored', startup.messages.join('\n'));
      assert.ok((startup.salvaged?.problems.length ?? 0) > 0, 'the damaged page is reported');
      const restored = new Annotations(db);
      const recovered = restored.highlightsOf(2).length;
      assert.ok(recovered > 0 && recovered < 597, `${recovered} highlights recovered around the damaged page`);
      assert.equal(restored.highlightsOf(1)[0]?.note, 'before', 'the backup’s highlight is kept');
    } finally {
      db.close();
    }
  });
});
