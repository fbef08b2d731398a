import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { listBackups, takeBackup } from '../../../archive/backup/backups.ts';
import { checkArchive } from '../../../archive/db/check.ts';
import { ArchiveDamagedError, NotAnArchiveError } from '../../../archive/db/errors.ts';
import { openArchive } from '../../../archive/db/open.ts';
import { Library } from '../../../archive/library/library.ts';
import { Searcher } from '../../../archive/search/search.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { tempArchivePath, tempDir } from '../../helpers/temp.ts';
import { FOUR_ARTICLES, writeSyntheticArticles } from './synthetic.ts';
import { damagePages, leaveStaleMarker, pagesOf } from './damage.ts';

const markers = (path: string) => readdirSync(dirname(path)).filter((name) => name.includes('.open-'));

/** An archive with the fixtures, one bookmark and one tag, closed. */
async function archiveWithWork() {
  const archive = await createTestArchive();
  await archive.importPaths(FOUR_ARTICLES);
  const library = new Library(archive.db);
  library.setBookmarked(2, true);
  library.setTags(3, ['Sahel']);
  return archive;
}

describe('the startup check', () => {
  it('does nothing after a clean exit', async () => {
    const archive = await archiveWithWork();
    archive.db.close();
    const { db, startup } = await openArchive(archive.path);
    assert.equal(startup.outcome, 'clean');
    assert.equal(startup.uncleanExit, false);
    assert.deepEqual(startup.messages, []);
    db.close();
  });

  it('checks a sound archive after an unclean exit, and says so', async () => {
    const archive = await archiveWithWork();
    archive.db.close();
    leaveStaleMarker(archive.path);
    const { db, startup } = await openArchive(archive.path);
    assert.equal(startup.uncleanExit, true);
    assert.equal(startup.outcome, 'checked');
    assert.match(startup.messages.join(' '), /not closed properly.*sound/);
    assert.equal(markers(archive.path).length, 1, 'the stale marker is cleared, only ours is left');
    db.close();
    assert.equal(markers(archive.path).length, 0);
  });

  it('also checks when a -wal was left with no process using the archive', async () => {
    const archive = await archiveWithWork();
    // A copy of the archive as a killed process leaves it: the main file and a -wal holding the last commits.
    const copy = tempArchivePath();
    const { copyFileSync } = await import('node:fs');
    copyFileSync(archive.path, copy);
    copyFileSync(`${archive.path}-wal`, `${copy}-wal`);
    const { db, startup } = await openArchive(copy);
    assert.equal(startup.outcome, 'checked');
    assert.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), 4);
    db.close();
  });

  it('rebuilds a damaged full-text index from the articles, keeping the reader’s work', async () => {
    const archive = await archiveWithWork();
    const before = new Searcher(archive.db).search('coopération', { limit: 20, offset: 0 }).results.map((r) => r.id);
    // Damage the index's own data (pages stay sound: quick_check passes, FTS5's check does not).
    archive.db.unsafeMode(true);
    archive.db.exec(
      'UPDATE article_fts_data SET block = randomblob(length(block)) WHERE id > 1 AND length(block) > 20',
    );
    archive.db.unsafeMode(false);
    assert.equal(checkArchive(archive.db).fullText.length > 0, true, 'the damage is seen by the check');
    archive.db.close();
    leaveStaleMarker(archive.path);
    const { db, startup } = await openArchive(archive.path);
    assert.equal(startup.outcome, 'reindexed');
    assert.equal(startup.reindexedArticles, 4);
    assert.match(
      startup.messages.join(' '),
      /full-text index was damaged.*rebuilt.*No article, bookmark or tag was lost/,
    );
    assert.deepEqual(checkArchive(db, { full: true }), { ok: true, database: [], fullText: [], unindexed: 0 });
    assert.deepEqual(
      new Searcher(db).search('coopération', { limit: 20, offset: 0 }).results.map((r) => r.id),
      before,
    );
    assert.equal(db.prepare('SELECT count(*) FROM reading_state WHERE bookmarked_at IS NOT NULL').pluck().get(), 1);
    assert.deepEqual(new Library(db).listTags(), [{ name: 'Sahel', count: 1 }]);
    db.close();
  });

  it('finishes an index left incomplete by an interrupted reindex', async () => {
    const archive = await archiveWithWork();
    archive.db.exec(
      'DELETE FROM article_fts WHERE rowid IN (1, 3); DELETE FROM article_offsets WHERE article_id IN (1, 3);',
    );
    archive.db.close();
    leaveStaleMarker(archive.path);
    const { db, startup } = await openArchive(archive.path);
    assert.equal(startup.outcome, 'reindexed');
    assert.equal(startup.reindexedArticles, 2);
    assert.equal(checkArchive(db).ok, true);
    db.close();
  });

  it('keeps a damaged file aside and restores the newest sound backup, saying exactly what happened', async () => {
    const archive = await archiveWithWork();
    const older = await takeBackup(archive.db, archive.path, {
      reason: 'daily',
      now: new Date('2025-01-01T00:00:00Z'),
    });
    const newest = await takeBackup(archive.db, archive.path, {
      reason: 'daily',
      now: new Date('2025-01-02T00:00:00Z'),
    });
    damagePages(newest.path, 4); // the newest backup is itself damaged: the older one must be used
    archive.db.close();
    const size = readFileSync(archive.path).length;
    damagePages(archive.path, Math.floor(size / 4096 / 2));
    const damagedBytes = readFileSync(archive.path);
    leaveStaleMarker(archive.path);

    const { db, startup } = await openArchive(archive.path, { now: () => new Date('2025-02-01T00:00:00Z') });
    assert.equal(startup.outcome, 'restored');
    assert.ok(startup.problems.length > 0);
    assert.equal(startup.restoredFrom, older.path);
    assert.equal(startup.backupTakenAt, '2025-01-01T00:00:00.000Z');
    assert.equal(startup.damagedPath, `${archive.path}.damaged-20250201T000000000Z`);
    assert.deepEqual(readFileSync(startup.damagedPath as string), damagedBytes, 'the damaged file is kept as found');
    assert.equal(startup.rejectedBackups.length, 1);
    assert.equal(startup.rejectedBackups[0]?.path, newest.path);
    assert.match(startup.messages.join('\n'), /damaged[\s\S]*could not be used[\s\S]*kept aside[\s\S]*2025-01-01/);
    assert.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), 4);
    assert.equal(checkArchive(db, { full: true }).ok, true);
    db.close();
  });

  it('brings back from the damaged file what it can still read: later articles, bookmarks, statuses, tags', async () => {
    const archive = await archiveWithWork();
    await takeBackup(archive.db, archive.path, { reason: 'daily', now: new Date('2025-01-01T00:00:00Z') });
    // The reader's work after the backup.
    const later = await archive.importPaths([writeSyntheticArticles(join(tempDir(), 'later'), 30)]);
    assert.equal(later.imported, 30);
    const library = new Library(archive.db);
    library.setBookmarked(4 + 30, true);
    library.setBookmarked(1, true);
    library.setReadStatus(2, 'read');
    library.setTags(3, ['Niger', 'Archives']);
    library.setTags(4 + 7, ['later']);
    archive.db.close();
    // The disk fails on pages of the full-text index and the vocabulary only.
    const index = pagesOf(archive.path, (name) => name.startsWith('article_fts') || name.startsWith('vocabulary'));
    damagePages(archive.path, 6, 3, index);
    leaveStaleMarker(archive.path);

    const { db, startup } = await openArchive(archive.path);
    assert.equal(startup.outcome, 'restored', startup.messages.join('\n'));
    assert.deepEqual(startup.salvaged, {
      articles: 30,
      readingStates: 3,
      taggedArticles: 2,
      highlights: 0,
      notes: 0,
      positions: 0,
      collections: 0,
      collectionMemberships: 0,
      savedSearches: 0,
      problems: [],
    });
    assert.match(
      startup.messages.at(-1) as string,
      /30 articles imported after the backup, 3 bookmarks or reading statuses/,
    );
    assert.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), 34);
    const bookmarked = db.prepare('SELECT count(*) FROM reading_state WHERE bookmarked_at IS NOT NULL').pluck().get();
    assert.equal(bookmarked, 3, 'the bookmark from before the backup and the two after it');
    assert.equal(db.prepare('SELECT status FROM reading_state WHERE article_id = 2').pluck().get(), 'read');
    assert.deepEqual(
      new Library(db)
        .listTags()
        .map((t) => t.name)
        .sort(),
      ['Archives', 'Niger', 'later'],
    );
    assert.equal(checkArchive(db, { full: true }).ok, true);
    const found = new Searcher(db).search('harvest', { limit: 50, offset: 0 });
    assert.ok(found.total >= 15, 'the recovered articles are indexed');
    db.close();
  });

  it('restores a backup when the file no longer reads as SQLite at all', async () => {
    const archive = await archiveWithWork();
    await takeBackup(archive.db, archive.path, { reason: 'daily' });
    archive.db.close();
    writeFileSync(archive.path, Buffer.alloc(8192, 0x41));
    const { db, startup } = await openArchive(archive.path);
    assert.equal(startup.outcome, 'restored');
    assert.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), 4);
    db.close();
  });

  it('leaves a damaged archive untouched and says so when there is no backup', async () => {
    const archive = await archiveWithWork();
    archive.db.close();
    damagePages(archive.path, 20);
    const bytes = readFileSync(archive.path);
    leaveStaleMarker(archive.path);
    await assert.rejects(openArchive(archive.path), (error: Error) => {
      assert.ok(error instanceof ArchiveDamagedError, error.message);
      assert.match(error.message, /is damaged .* there is no backup to restore/);
      return true;
    });
    assert.deepEqual(readFileSync(archive.path), bytes);
    assert.equal(listBackups(archive.path).length, 0);
    assert.equal(markers(archive.path).length, 1, 'the stale marker stays: the next open checks again');
    // A file that never was an archive (no backups) is still just refused.
    const other = tempArchivePath();
    writeFileSync(other, 'not a database, just text\n'.repeat(500));
    await assert.rejects(openArchive(other), NotAnArchiveError);
    assert.ok(existsSync(other));
    assert.equal(existsSync(join(dirname(other), 'backups')), false);
  });
});
