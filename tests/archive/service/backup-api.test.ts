import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MethodName, Output } from '../../../archive/api/contract.ts';
import { startArchiveHost, type ArchiveHost } from '../../../archive/service/host.ts';
import { createHandlers } from '../../../archive/service/handlers.ts';
import { openArchive } from '../../../archive/db/open.ts';
import { tempArchivePath } from '../../helpers/temp.ts';
import { damagePages, leaveStaleMarker, pagesOf } from '../safety/damage.ts';
import { FOUR_ARTICLES } from '../safety/synthetic.ts';

async function call<M extends MethodName>(host: ArchiveHost, method: M, args: unknown): Promise<Output<M>> {
  const envelope = await host.call(method, args);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as Output<M>;
}

describe('backups through the API (startArchiveHost)', () => {
  let host: ArchiveHost;
  let archivePath: string;
  before(async () => {
    archivePath = tempArchivePath();
    host = await startArchiveHost({ archivePath });
  });
  after(() => host.close());

  it('takes a backup, lists it, restores it on the open archive, and keeps the replaced file aside', async () => {
    assert.deepEqual(await call(host, 'listBackups', {}), []);
    assert.equal((await call(host, 'importPaths', { paths: FOUR_ARTICLES })).imported, 4);
    await call(host, 'setBookmarked', { id: 1, bookmarked: true });
    const backup = await call(host, 'backupNow', {});
    assert.match(backup.name, /^archive-\d{8}T\d{9}Z-manual\.sqlite$/);
    assert.ok(backup.bytes > 0);
    const listed = await call(host, 'listBackups', {});
    assert.deepEqual(
      listed.map((b) => b.name),
      [backup.name],
    );

    // After the backup: an article imported, a bookmark made. Both go with the restore.
    const laterFile = join(dirname(archivePath), 'russie.txt');
    writeFileSync(laterFile, 'Le Niger et la Russie\n\nUne délégation russe est arrivée à Niamey.\n');
    await call(host, 'importPaths', { paths: [laterFile] });
    const later = (await call(host, 'search', { query: 'russie' })).results[0];
    assert.ok(later, 'the article imported after the backup is found');
    await call(host, 'setBookmarked', { id: 2, bookmarked: true });

    // Calls sent together with the restore: those before it answer from the current archive, those after from the restored one.
    const [before, restored, after] = await Promise.all([
      host.call('search', { query: 'russie' }),
      host.call('restoreBackup', { name: backup.name }),
      host.call('search', { query: 'russie' }),
    ]);
    assert.ok(restored.ok, JSON.stringify(restored));
    assert.equal(before.ok && (before.value as { total: number }).total, 1);
    assert.equal(after.ok && (after.value as { total: number }).total, 0);
    const outcome = restored.value as Output<'restoreBackup'>;
    assert.equal(outcome.articles, 4);
    assert.equal(outcome.restoredFrom.name, backup.name);
    assert.ok(outcome.replacedPath && existsSync(outcome.replacedPath), 'the replaced archive is kept aside');
    assert.match(outcome.replacedPath, /archive\.sqlite\.replaced-\d{8}T\d{9}Z$/);

    assert.equal((await call(host, 'search', { query: 'festival' })).total, 1, 'search answers from the restored data');
    assert.equal((await call(host, 'getArticle', { id: 1 })).bookmarked, true, 'the bookmark before the backup stayed');
    assert.equal((await call(host, 'getArticle', { id: 2 })).bookmarked, false, 'the bookmark after it is gone');
    assert.equal((await call(host, 'getStats', {})).articles, 4);
    // The archive keeps working: writes go to the restored file.
    await call(host, 'setTags', { id: 3, tags: ['après'] });
    assert.deepEqual((await call(host, 'getArticle', { id: 3 })).tags, ['après']);
    assert.ok((await call(host, 'checkArchive', {})).ok);
  });

  it('refuses a name that is not one of the backups, and a damaged backup, changing nothing', async () => {
    const missing = await host.call('restoreBackup', { name: '../archive.sqlite' });
    assert.equal(!missing.ok && missing.error.code, 'not_found');
    const [newest] = await call(host, 'listBackups', {});
    assert.ok(newest);
    const path = join(dirname(archivePath), 'backups', newest.name);
    damagePages(
      path,
      3,
      11,
      pagesOf(path, (name) => name === 'articles'),
    );
    const refused = await host.call('restoreBackup', { name: newest.name });
    assert.equal(!refused.ok && refused.error.code, 'invalid_argument');
    assert.match(!refused.ok ? refused.error.message : '', /damaged.*nothing was changed/);
    assert.deepEqual((await call(host, 'getArticle', { id: 3 })).tags, ['après'], 'the archive is as it was');
  });

  it('reports the startup as clean after a clean start', async () => {
    const report = await call(host, 'getStartupReport', {});
    assert.equal(report.outcome, 'clean');
    assert.deepEqual(report.messages, []);
  });
});

describe('checkArchive and getStartupReport', () => {
  it('finds the damage in a damaged copy of an archive', async () => {
    const path = tempArchivePath();
    const { db } = await openArchive(path);
    const handlers = createHandlers(db);
    await handlers.importPaths({ paths: FOUR_ARTICLES });
    const sound = await handlers.checkArchive({});
    assert.equal(sound.ok, true);
    assert.equal(sound.articles, 4);
    db.close();

    const copy = join(dirname(path), 'copy.sqlite');
    copyFileSync(path, copy);
    damagePages(
      copy,
      2,
      5,
      pagesOf(copy, (name) => name === 'articles'),
    );
    const damaged = new (await import('better-sqlite3')).default(copy);
    try {
      const report = await createHandlers(damaged).checkArchive({});
      assert.equal(report.ok, false);
      assert.ok(report.database.length > 0, 'quick_check names the damaged pages');
      assert.equal(report.articles, null);
    } finally {
      damaged.close();
    }
  });

  it('tells the renderer what the startup check found after an unclean exit', async () => {
    const archivePath = tempArchivePath();
    const first = await startArchiveHost({ archivePath });
    await call(first, 'importPaths', { paths: FOUR_ARTICLES });
    await first.close();
    leaveStaleMarker(archivePath);
    const host = await startArchiveHost({ archivePath });
    try {
      const report = await call(host, 'getStartupReport', {});
      assert.equal(report.uncleanExit, true);
      assert.equal(report.outcome, 'checked');
      assert.match(report.messages.join(' '), /not closed properly/);
      assert.deepEqual(report, host.startup);
    } finally {
      await host.close();
    }
    assert.equal(readdirSync(dirname(archivePath)).filter((name) => name.includes('.open-')).length, 0);
  });
});
