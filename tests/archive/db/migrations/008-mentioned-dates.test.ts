import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { migrate } from '../../../../archive/db/migrate.ts';
import { MIGRATIONS } from '../../../../archive/db/migrations/index.ts';
import { openArchive } from '../../../../archive/db/open.ts';
import { tempArchivePath } from '../../../helpers/temp.ts';

describe('migration 8: the dates each article mentions', () => {
  it('reads the dates of the articles an older version stored', async () => {
    const path = tempArchivePath();
    const old = new Database(path);
    await migrate(
      old,
      path,
      MIGRATIONS.filter((migration) => migration.version < 8),
    );
    old
      .prepare(
        `INSERT INTO articles (title, text, lang, imported_at, content_hash)
         VALUES ('Accord signé le 2 février 2023', @text, 'fr', '2024-06-01T00:00:00.000Z', 'h1')`,
      )
      .run({ text: 'La négociation avait commencé en octobre 2022.\n\nElle a duré quatre mois.' });
    old.close();

    const { db } = await openArchive(path);
    assert.deepEqual(db.prepare('SELECT date, precision, phrase FROM article_dates ORDER BY position').all(), [
      { date: '2023-02-02', precision: 'day', phrase: '2 février 2023' },
      { date: '2022-10', precision: 'month', phrase: 'octobre 2022' },
    ]);
    db.prepare('DELETE FROM articles').run();
    assert.equal(db.prepare('SELECT count(*) AS n FROM article_dates').pluck().get(), 0, 'gone with the article');
    db.close();
  });
});
