import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { listBackups, verifyArchiveFile } from '../../../archive/backup/backups.ts';
import { migrate } from '../../../archive/db/migrate.ts';
import { SCHEMA_VERSION } from '../../../archive/db/migrations/index.ts';
import { openArchive } from '../../../archive/db/open.ts';
import { ArticleStore } from '../../../archive/articles/store.ts';
import { Library } from '../../../archive/library/library.ts';
import { tempDir } from '../../helpers/temp.ts';
import { startChild } from './processes.ts';
import { SLOW_VERSION, slowMigrations } from './slow-migration.ts';
import { seededRandom } from './synthetic.ts';

const LONG = process.env.ARCHIVE_READER_LONG === '1';
const RUNS = LONG ? 20 : 6;
const ROWS = 25_000;
const SEED = Number(process.env.ARCHIVE_READER_SEED ?? Date.now() % 100_000);

/** The schema as it stands: the version and every trace of the slow migration. */
function schemaOf(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    const has = (name: string) =>
      db.prepare('SELECT count(*) FROM sqlite_schema WHERE name = ?').pluck().get(name) === 1;
    const columns = (db.pragma('table_info(articles)') as { name: string }[]).map((c) => c.name);
    return {
      version: db.pragma('user_version', { simple: true }) as number,
      table: has('kill_test'),
      index: has('kill_test_payload'),
      column: columns.includes('kill_test_mark'),
      rows: has('kill_test') ? (db.prepare('SELECT count(*) FROM kill_test').pluck().get() as number) : 0,
      articles: db.prepare('SELECT count(*) FROM articles').pluck().get() as number,
      bookmarks: db
        .prepare('SELECT count(*) FROM reading_state WHERE bookmarked_at IS NOT NULL')
        .pluck()
        .get() as number,
    };
  } finally {
    db.close();
  }
}

const OLD = {
  version: SCHEMA_VERSION,
  table: false,
  index: false,
  column: false,
  rows: 0,
  articles: 50,
  bookmarks: 10,
};
const NEW = { version: SLOW_VERSION, table: true, index: true, column: true, rows: ROWS, articles: 50, bookmarks: 10 };

describe(`a migration killed at random points (${RUNS} runs, seed ${SEED})`, () => {
  it(
    'leaves the old schema or the new one, never a mix, and the next open finishes it',
    { timeout: 600_000 },
    async () => {
      const random = seededRandom(SEED);
      const dir = tempDir('archive-reader-migration-kill-');
      const template = join(dir, 'template.sqlite');
      const { db } = await openArchive(template);
      const store = new ArticleStore(db);
      for (let n = 0; n < 50; n++) store.add({ title: `Article ${n}`, paragraphs: [`Texte numéro ${n}.`], lang: 'fr' });
      const library = new Library(db);
      for (let id = 1; id <= 10; id++) library.setBookmarked(id, true);
      db.close();

      // How long an uninterrupted migration takes, so kills are spread over all of it.
      const timed = join(dir, 'timed', 'archive.sqlite');
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(timed, '..'));
      copyFileSync(template, timed);
      const first = startChild('migrator.ts', [timed, String(ROWS)]);
      await first.waitFor((line) => line === 'start');
      const startedAt = performance.now();
      assert.equal(await first.exited, 0);
      const duration = performance.now() - startedAt;
      assert.deepEqual(schemaOf(timed), NEW);

      const outcomes = { old: 0, new: 0 };
      for (let run = 0; run < RUNS; run++) {
        const path = join(dir, `run-${run}`, 'archive.sqlite');
        mkdirSync(join(path, '..'));
        copyFileSync(template, path);
        const child = startChild('migrator.ts', [path, String(ROWS)]);
        await child.waitFor((line) => line === 'start');
        await sleep(random() * duration);
        await child.kill();
        const schema = schemaOf(path);
        if (schema.version === SCHEMA_VERSION) {
          assert.deepEqual(schema, OLD, `run ${run}: the old version with traces of the new schema`);
          outcomes.old++;
        } else {
          assert.deepEqual(schema, NEW, `run ${run}: the new version without all of its schema`);
          outcomes.new++;
        }
        // Any backup the killed run left in the rotation is complete and sound.
        for (const backup of listBackups(path)) {
          const check = verifyArchiveFile(backup.path);
          assert.equal(check.ok, true, `${backup.path}: ${check.problems.join('; ')}`);
          assert.equal(check.schemaVersion, SCHEMA_VERSION);
        }
        // Opening again finishes the migration.
        const again = new Database(path);
        await migrate(again, path, slowMigrations(ROWS));
        again.close();
        assert.deepEqual(schemaOf(path), NEW);
      }
      console.log(
        `migrations killed: a migration of ~${Math.round(duration)} ms killed ${RUNS} times: ${outcomes.old} left the old schema, ` +
          `${outcomes.new} the new one, 0 mixed`,
      );
      assert.ok(outcomes.old >= 1, 'at least one kill landed before the commit');
    },
  );
});
