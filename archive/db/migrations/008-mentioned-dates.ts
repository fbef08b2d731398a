import { readTextDates } from '../../text/dates.ts';
import type { Migration } from './migration.ts';

export const migration008: Migration = {
  version: 8,
  name: 'the dates each article’s text mentions',
  up(db) {
    db.exec(`
      -- Every day or month an article's text writes out with its year ("10 avril 2024", "décembre
      -- 2023"), as it wrote it: the reader lists them, and a date is found among the articles by index.
      CREATE TABLE article_dates (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        date TEXT NOT NULL,
        precision TEXT NOT NULL CHECK (precision IN ('day', 'month')),
        phrase TEXT NOT NULL,
        PRIMARY KEY (article_id, position)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_dates_date ON article_dates(date);
    `);
    // Articles stored before this version get theirs now, read as an import reads them.
    const insert = db.prepare(
      `INSERT INTO article_dates (article_id, position, date, precision, phrase)
       VALUES (@id, @position, @date, @precision, @phrase)`,
    );
    // Read by pages: better-sqlite3 cannot write while a read on the same connection is still open.
    const page = db.prepare<
      [{ after: number }],
      { id: number; title: string; text: string; lang: string | null; imported_at: string }
    >('SELECT id, title, text, lang, imported_at FROM articles WHERE id > @after ORDER BY id LIMIT 1000');
    for (let rows = page.all({ after: 0 }); rows.length; rows = page.all({ after: rows[rows.length - 1]?.id ?? 0 })) {
      for (const { id, title, text, lang, imported_at } of rows) {
        const { mentioned } = readTextDates(`${title}\n${text}`, lang, new Date(imported_at));
        mentioned.forEach((date, position) => insert.run({ id, position, ...date }));
      }
    }
  },
};
