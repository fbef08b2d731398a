import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import {
  BackupError,
  KEEP_BACKUPS,
  backupFolder,
  listBackups,
  restoreBackup,
  startBackupSchedule,
  takeBackup,
  verifyArchiveFile,
} from '../../../archive/backup/backups.ts';
import { Library } from '../../../archive/library/library.ts';
import { migrate } from '../../../archive/db/migrate.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../archive/db/migrations/index.ts';
import { openArchive } from '../../../archive/db/open.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { tempArchivePath, tempDir } from '../../helpers/temp.ts';
import { damagePages } from './damage.ts';
import { FOUR_ARTICLES, writeSyntheticArticles } from './synthetic.ts';

const count = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('are online copies in backups/ beside the archive, named by time and reason, single files', async () => {
    const archive = await createTestArchive();
    await archive.importPaths(FOUR_ARTICLES);
    const backup = await takeBackup(archive.db, archive.path, {
      reason: 'manual',
      now: new Date('2025-03-04T05:06:07.089Z'),
    });
    assert.equal(dirname(backup.path), join(dirname(archive.path), 'backups'));
    assert.equal(basename(backup.path), 'archive-20250304T050607089Z-manual.sqlite');
    assert.equal(backup.takenAt, '2025-03-04T05:06:07.089Z');
    assert.equal(existsSync(`${backup.path}-wal`), false);
    const check = verifyArchiveFile(backup.path);
    assert.deepEqual(check, { ok: true, verdict: 'ok', schemaVersion: SCHEMA_VERSION, articles: 4, problems: [] });
    const copy = new Database(backup.path, { readonly: true });
    assert.equal(copy.pragma('journal_mode', { simple: true }), 'delete');
    copy.close();
  });

  it('keep the newest 7, whatever took them, and ignore and clear copies cut short', async () => {
    const archive = await createTestArchive();
    await archive.importPaths(FOUR_ARTICLES);
    const taken = [];
    for (let day = 1; day <= 9; day++) {
      const now = new Date(Date.UTC(2025, 0, day));
      taken.push(await takeBackup(archive.db, archive.path, { reason: day % 2 ? 'daily' : 'manual', now }));
    }
    // A copy whose process died before it was complete.
    const partial = join(backupFolder(archive.path), 'archive-20250110T000000000Z-daily.sqlite.partial-999999');
    writeFileSync(partial, 'half');
    const listed = listBackups(archive.path);
    assert.equal(listed.length, KEEP_BACKUPS);
    assert.deepEqual(
      listed.map((b) => b.path),
      taken
        .slice(2)
        .reverse()
        .map((b) => b.path),
      'newest first, the two oldest deleted',
    );
    await takeBackup(archive.db, archive.path, { reason: 'daily', now: new Date(Date.UTC(2025, 0, 11)) });
    assert.equal(existsSync(partial), false, 'a dead process’s partial copy is cleared');
    assert.equal(listBackups(archive.path).length, KEEP_BACKUPS);
  });

  it('are taken before every migration, into the same rotation', async () => {
    const path = tempArchivePath();
    (await openArchive(path)).db.close();
    const db = new Database(path);
    const next = [
      ...MIGRATIONS,
      { version: SCHEMA_VERSION + 1, name: 'extra', up: (d: Database.Database) => d.exec('CREATE TABLE extra (x)') },
    ];
    const outcome = await migrate(db, path, next, { now: new Date('2025-05-01T00:00:00Z') });
    db.close();
    assert.equal(outcome.backupPath, listBackups(path)[0]?.path);
    assert.equal(listBackups(path)[0]?.reason, `before-schema-${SCHEMA_VERSION + 1}`);
    assert.equal(verifyArchiveFile(outcome.backupPath as string).schemaVersion, SCHEMA_VERSION);
  });

  it('run daily while the archive is open: at start when due, not again within the day', async () => {
    const path = tempArchivePath();
    const { db } = await openArchive(path);
    let now = new Date('2025-06-01T08:00:00Z');
    const schedule = startBackupSchedule(db, path, { now: () => now, checkEveryMs: 3_600_000 });
    assert.equal(await schedule.runIfDue(), null, 'an empty archive is not backed up');
    const store = (await import('../../../archive/articles/store.ts')).ArticleStore;
    new store(db).add({ title: 'Un article', paragraphs: ['Du texte.'], lang: 'fr' });
    const first = await schedule.runIfDue();
    assert.equal(first?.reason, 'daily');
    now = new Date('2025-06-02T07:59:00Z');
    assert.equal(await schedule.runIfDue(), null, 'less than a day later');
    now = new Date('2025-06-02T08:00:00Z');
    assert.ok(await schedule.runIfDue(), 'a day later');
    assert.equal(listBackups(path).length, 2);
    await schedule.stop();
    db.close();
  });
});

describe('restoring a backup', () => {
  it('checks it, keeps the current archive aside and puts the backup in place', async () => {
    const archive = await createTestArchive();
    await archive.importPaths(FOUR_ARTICLES);
    new Library(archive.db).setBookmarked(1, true);
    const backup = await takeBackup(archive.db, archive.path, { reason: 'manual' });
    await archive.importPaths([writeSyntheticArticles(join(tempDir(), 'more'), 5)]);
    archive.db.close();
    assert.equal(count(archive.path), 9);

    const outcome = await restoreBackup(archive.path, backup.path, new Date('2025-07-01T00:00:00Z'));
    assert.equal(outcome.articles, 4);
    assert.equal(outcome.replacedPath, `${archive.path}.replaced-20250701T000000000Z`);
    assert.equal(count(archive.path), 4);
    assert.equal(count(outcome.replacedPath as string), 9, 'the replaced archive is kept whole, its WAL folded in');
    const { db } = await openArchive(archive.path);
    assert.equal(db.prepare('SELECT count(*) FROM reading_state WHERE bookmarked_at IS NOT NULL').pluck().get(), 1);
    db.close();
    assert.ok(existsSync(backup.path), 'the backup itself is untouched');
  });

  it('refuses what is not an archive, a newer schema, a damaged backup, and an archive in use', async () => {
    const archive = await createTestArchive();
    await archive.importPaths(FOUR_ARTICLES);
    archive.db.close();
    const dir = tempDir();
    const before = count(archive.path);
    const refuse = async (file: string, pattern: RegExp) => {
      await assert.rejects(restoreBackup(archive.path, file), (error: Error) => {
        assert.ok(error instanceof BackupError, error.message);
        assert.match(error.message, pattern);
        assert.match(error.message, /nothing was changed|close it first|no file/);
        return true;
      });
      assert.equal(count(archive.path), before);
      assert.deepEqual(
        readdirSync(dirname(archive.path)).filter((name) => /replaced|restoring/.test(name)),
        [],
      );
    };
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'Just some notes, not a database at all.\n'.repeat(200));
    await refuse(text, /not an Archive Reader archive/);
    const plain = join(dir, 'plain.sqlite');
    new Database(plain).exec('CREATE TABLE t (x)').close();
    await refuse(plain, /not an Archive Reader archive/);
    const newer = join(dir, 'newer.sqlite');
    const future = new Database(newer);
    future.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY)');
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    await refuse(newer, /newer version of Archive Reader/);
    const damaged = join(dir, 'damaged.sqlite');
    const source = new Database(archive.path);
    await source.backup(damaged);
    source.close();
    damagePages(damaged, 3);
    await refuse(damaged, /damaged|not an Archive Reader archive/);
    await refuse(join(dir, 'missing.sqlite'), /no file/);

    const good = join(dir, 'good.sqlite');
    const again = new Database(archive.path);
    await again.backup(good);
    again.close();
    // Another process (the test runner that started this one) has the archive open.
    writeFileSync(`${archive.path}.open-${process.ppid}-cafe0001`, '{}');
    await refuse(good, /in use by another Archive Reader/);
  });
});
