import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { ArchiveTooNewError } from '../../../archive/db/errors.ts';
import { migrate } from '../../../archive/db/migrate.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../archive/db/migrations/index.ts';
import { openArchive } from '../../../archive/db/open.ts';
import { tempArchivePath } from '../../helpers/temp.ts';

describe('opening an archive', () => {
  it('creates a WAL archive at the current schema version', async () => {
    const path = tempArchivePath();
    const { db, migration } = await openArchive(path);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    assert.deepEqual(migration, { from: 0, to: SCHEMA_VERSION, backupPath: null });
    db.close();
    const again = await openArchive(path);
    assert.equal(again.migration.from, SCHEMA_VERSION);
    again.db.close();
  });

  it('refuses an archive made by a newer version and leaves it untouched', async () => {
    const path = tempArchivePath();
    const raw = new Database(path);
    raw.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('kept')");
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    await assert.rejects(openArchive(path), ArchiveTooNewError);
    const check = new Database(path, { readonly: true });
    assert.equal(check.pragma('user_version', { simple: true }), SCHEMA_VERSION + 1);
    assert.deepEqual(check.prepare('SELECT x FROM future').all(), [{ x: 'kept' }]);
    check.close();
  });

  it('rolls back every pending migration when one fails', async () => {
    const path = tempArchivePath();
    const db = new Database(path);
    const failing = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        name: 'breaks',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    await assert.rejects(migrate(db, path, failing), /boom/);
    assert.equal(db.pragma('user_version', { simple: true }), 0);
    const tables = db
      .prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'articles'")
      .get();
    assert.equal(tables?.n, 0);
    db.close();
  });

  it('backs the archive up before migrating an existing schema', async () => {
    const path = tempArchivePath();
    (await openArchive(path)).db.close();
    const db = new Database(path);
    const next = [
      ...MIGRATIONS,
      {
        version: SCHEMA_VERSION + 1,
        name: 'adds a table',
        up: (d: Database.Database) => d.exec('CREATE TABLE extra (x)'),
      },
    ];
    const outcome = await migrate(db, path, next);
    assert.ok(outcome.backupPath && existsSync(outcome.backupPath));
    const backup = new Database(outcome.backupPath, { readonly: true });
    assert.equal(backup.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    backup.close();
    db.close();
  });
});
