import type { Migration } from './migration.ts';

export const migration005: Migration = {
  version: 5,
  name: 'import runs and their reports',
  up(db) {
    db.exec(`
      -- One import: what it was given, how it ended and its counts (kept up to date batch by batch).
      CREATE TABLE import_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL DEFAULT 'running'
          CHECK (status IN ('running', 'finished', 'cancelled', 'failed')),
        -- The files and folders given, as a JSON array.
        paths TEXT NOT NULL,
        -- The process that runs it: a run still 'running' whose process is gone was interrupted.
        owner_pid INTEGER NOT NULL,
        total_files INTEGER NOT NULL DEFAULT 0,
        imported INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        near_duplicates INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        -- Files (or the rest of one) not read because the run was cancelled.
        cancelled INTEGER NOT NULL DEFAULT 0,
        -- Why a run failed as a whole (a single bad file never does).
        error TEXT
      ) STRICT;
      CREATE INDEX import_runs_started ON import_runs(started_at);

      -- One line of a run's report, in the order the files were read. article_id has no foreign key:
      -- the report stays true to what happened even after the article is deleted.
      CREATE TABLE import_items (
        run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        -- The file, with #position for an item inside one (a WARC record, a feed item, a zip entry).
        path TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('imported', 'duplicate', 'near-duplicate', 'skipped', 'failed', 'cancelled')),
        article_id INTEGER,
        title TEXT,
        message TEXT,
        PRIMARY KEY (run_id, seq)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX import_items_status ON import_items(run_id, status, seq);
    `);
  },
};
