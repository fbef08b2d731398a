import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../../archive/db/migrations/index.ts';
import { runCli } from '../../helpers/cli.ts';
import { tempArchivePath, tempDir } from '../../helpers/temp.ts';
import { leaveStaleMarker } from '../safety/damage.ts';
import { FOUR_ARTICLES, writeSyntheticArticles } from '../safety/synthetic.ts';

describe('archive-reader backup, restore, reindex and check', () => {
  const archive = tempArchivePath();
  const cli = (...args: string[]) => runCli([...args, '--archive', archive]);
  const count = () => {
    const db = new Database(archive, { readonly: true });
    const n = db.prepare('SELECT count(*) FROM articles').pluck().get();
    db.close();
    return n;
  };
  let backup = '';

  it('backs up into backups/ beside the archive, or to a named file', () => {
    assert.equal(cli('import', ...FOUR_ARTICLES).status, 0);
    const result = cli('backup', '--json');
    assert.equal(result.status, 0, result.stderr);
    const info = JSON.parse(result.stdout);
    backup = info.path;
    assert.equal(dirname(backup), join(dirname(archive), 'backups'));
    assert.equal(info.reason, 'manual');
    assert.equal(info.articles, 4);
    const to = join(tempDir(), 'copy.sqlite');
    const named = cli('backup', '--to', to);
    assert.equal(named.status, 0, named.stderr);
    assert.match(named.stdout, /Backed up 4 articles to .*copy\.sqlite/);
    const again = cli('backup', '--to', to);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists; name a new file/);
  });

  it('checks the archive', () => {
    const result = cli('check');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /The archive is sound: .*integrity_check.*\(4 articles\)/);
  });

  it('rebuilds the full-text index with a progress line, and search still finds the same', () => {
    const before = cli('search', 'coopérations', '--json').stdout;
    const result = cli('reindex');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Reindexing: 4 of 4 articles \(100%\)/);
    assert.match(result.stdout, /Rebuilt the full-text index of 4 articles/);
    assert.equal(cli('search', 'coopérations', '--json').stdout, before);
  });

  it('restores a backup, keeping the replaced archive', () => {
    assert.equal(cli('import', writeSyntheticArticles(join(tempDir(), 'more'), 3)).status, 0);
    assert.equal(count(), 7);
    const result = cli('restore', backup);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Restored .* \(schema \d+, 4 articles\) into .*integrity_check/);
    assert.match(result.stdout, /The archive it replaced is kept as .*archive\.sqlite\.replaced-\d{8}T\d{9}Z/);
    assert.equal(count(), 4);
    assert.equal(readdirSync(dirname(archive)).filter((name) => name.includes('.replaced-')).length, 1);
  });

  it('refuses to restore what is not an archive or is from a newer version, with exit code 1', () => {
    const dir = tempDir();
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello\n'.repeat(1000));
    const notArchive = cli('restore', text);
    assert.equal(notArchive.status, 1);
    assert.match(notArchive.stderr, /is not an Archive Reader archive.*nothing was changed/);
    const newer = join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY)');
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const tooNew = cli('restore', newer);
    assert.equal(tooNew.status, 1);
    assert.match(tooNew.stderr, /newer version of Archive Reader.*update Archive Reader/);
    const missing = cli('restore');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /name one backup file to restore, e\.g\. archive-reader restore/);
    assert.equal(count(), 4);
  });

  it('prints what the startup check did after an unclean exit', () => {
    leaveStaleMarker(archive);
    const result = cli('list');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /not closed properly[\s\S]*checked[\s\S]*sound/);
    assert.ok(existsSync(archive));
  });
});
