import type { ImportItem, ImportReport, ImportRun } from '../api/contract.ts';
import type { ArchiveDb } from '../db/open.ts';
import { processAlive } from '../db/session.ts';

/** What the table stores; `interrupted` is read from a running run whose process is gone. */
type RunStatus = Exclude<ImportRun['status'], 'interrupted'>;
type ItemStatus = ImportItem['status'];

/** The run's column that counts the lines of each status. */
const COLUMN = {
  imported: 'imported',
  duplicate: 'duplicates',
  'near-duplicate': 'near_duplicates',
  skipped: 'skipped',
  failed: 'failed',
  cancelled: 'cancelled',
} as const satisfies Record<ItemStatus, string>;
type Column = (typeof COLUMN)[ItemStatus];

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: RunStatus;
  paths: string;
  owner_pid: number;
  total_files: number;
  imported: number;
  duplicates: number;
  near_duplicates: number;
  skipped: number;
  failed: number;
  cancelled: number;
  error: string | null;
}

interface ItemRow {
  seq: number;
  path: string;
  status: ItemStatus;
  article_id: number | null;
  title: string | null;
  message: string | null;
}

const runOf = (row: RunRow): ImportRun => ({
  id: row.id,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  // A crash or a kill left it running: it is told apart from a run still under way (say, from the CLI).
  status: row.status === 'running' && !processAlive(row.owner_pid) ? 'interrupted' : row.status,
  paths: JSON.parse(row.paths) as string[],
  totalFiles: row.total_files,
  imported: row.imported,
  duplicates: row.duplicates,
  nearDuplicates: row.near_duplicates,
  skipped: row.skipped,
  failed: row.failed,
  cancelled: row.cancelled,
  error: row.error,
});

const itemOf = (row: ItemRow): ImportItem & { seq: number } => ({
  seq: row.seq,
  path: row.path,
  status: row.status,
  ...(row.article_id === null ? {} : { articleId: row.article_id }),
  ...(row.title === null ? {} : { title: row.title }),
  ...(row.message === null ? {} : { message: row.message }),
});

/**
 * The stored reports of import runs (tables of migration 005). A run's lines are written by the
 * import itself, inside the transaction that stores their batch, so they never outrun the archive.
 */
export class ImportRuns {
  private readonly statements;

  constructor(db: ArchiveDb) {
    this.statements = {
      begin: db.prepare<{ startedAt: string; paths: string; ownerPid: number }>(
        'INSERT INTO import_runs (started_at, paths, owner_pid) VALUES (@startedAt, @paths, @ownerPid)',
      ),
      setTotal: db.prepare<{ id: number; totalFiles: number }>(
        'UPDATE import_runs SET total_files = @totalFiles WHERE id = @id',
      ),
      addItem: db.prepare<{
        runId: number;
        seq: number;
        path: string;
        status: ItemStatus;
        articleId: number | null;
        title: string | null;
        message: string | null;
      }>(
        'INSERT INTO import_items (run_id, seq, path, status, article_id, title, message) ' +
          'VALUES (@runId, @seq, @path, @status, @articleId, @title, @message)',
      ),
      addCounts: db.prepare<{ id: number } & Record<Column, number>>(
        'UPDATE import_runs SET imported = imported + @imported, duplicates = duplicates + @duplicates, ' +
          'near_duplicates = near_duplicates + @near_duplicates, skipped = skipped + @skipped, ' +
          'failed = failed + @failed, cancelled = cancelled + @cancelled WHERE id = @id',
      ),
      finish: db.prepare<{ id: number; status: RunStatus; finishedAt: string; error: string | null }>(
        'UPDATE import_runs SET status = @status, finished_at = @finishedAt, error = @error WHERE id = @id',
      ),
      get: db.prepare<{ id: number }, RunRow>('SELECT * FROM import_runs WHERE id = @id'),
      count: db.prepare<[], number>('SELECT count(*) FROM import_runs').pluck(),
      list: db.prepare<{ limit: number; offset: number }, RunRow>(
        'SELECT * FROM import_runs ORDER BY id DESC LIMIT @limit OFFSET @offset',
      ),
      countItems: db
        .prepare<{ runId: number }, number>('SELECT count(*) FROM import_items WHERE run_id = @runId')
        .pluck(),
      countItemsOf: db
        .prepare<{ runId: number; status: ItemStatus }, number>(
          'SELECT count(*) FROM import_items WHERE run_id = @runId AND status = @status',
        )
        .pluck(),
      items: db.prepare<{ runId: number; limit: number; offset: number }, ItemRow>(
        'SELECT seq, path, status, article_id, title, message FROM import_items WHERE run_id = @runId ' +
          'ORDER BY seq LIMIT @limit OFFSET @offset',
      ),
      itemsOf: db.prepare<{ runId: number; status: ItemStatus; limit: number; offset: number }, ItemRow>(
        'SELECT seq, path, status, article_id, title, message FROM import_items ' +
          'WHERE run_id = @runId AND status = @status ORDER BY seq LIMIT @limit OFFSET @offset',
      ),
      countNoted: db
        .prepare<{ runId: number }, number>(
          'SELECT count(*) FROM import_items WHERE run_id = @runId AND message IS NOT NULL',
        )
        .pluck(),
      noted: db.prepare<{ runId: number; limit: number; offset: number }, ItemRow>(
        'SELECT seq, path, status, article_id, title, message FROM import_items ' +
          'WHERE run_id = @runId AND message IS NOT NULL ORDER BY seq LIMIT @limit OFFSET @offset',
      ),
      countNotedOf: db
        .prepare<{ runId: number; status: ItemStatus }, number>(
          'SELECT count(*) FROM import_items WHERE run_id = @runId AND status = @status AND message IS NOT NULL',
        )
        .pluck(),
      notedOf: db.prepare<{ runId: number; status: ItemStatus; limit: number; offset: number }, ItemRow>(
        'SELECT seq, path, status, article_id, title, message FROM import_items ' +
          'WHERE run_id = @runId AND status = @status AND message IS NOT NULL ORDER BY seq LIMIT @limit OFFSET @offset',
      ),
      lastSeq: db
        .prepare<{ runId: number }, number>('SELECT coalesce(max(seq), 0) FROM import_items WHERE run_id = @runId')
        .pluck(),
    };
  }

  /** Records a new run as running and answers its id. */
  begin(paths: readonly string[], now = new Date()): number {
    const { lastInsertRowid } = this.statements.begin.run({
      startedAt: now.toISOString(),
      paths: JSON.stringify(paths),
      ownerPid: process.pid,
    });
    return Number(lastInsertRowid);
  }

  setTotal(id: number, totalFiles: number): void {
    this.statements.setTotal.run({ id, totalFiles });
  }

  /** A writer of the run's lines, numbering them on from the last one stored; call it inside the batch's transaction. */
  writer(runId: number): (items: readonly ImportItem[]) => void {
    let seq = this.statements.lastSeq.get({ runId }) ?? 0;
    return (items) => {
      const counts: Record<Column, number> = {
        imported: 0,
        duplicates: 0,
        near_duplicates: 0,
        skipped: 0,
        failed: 0,
        cancelled: 0,
      };
      for (const item of items) {
        seq += 1;
        this.statements.addItem.run({
          runId,
          seq,
          path: item.path,
          status: item.status,
          articleId: item.articleId ?? null,
          title: item.title ?? null,
          message: item.message ?? null,
        });
        counts[COLUMN[item.status]] += 1;
      }
      this.statements.addCounts.run({ id: runId, ...counts });
    };
  }

  finish(id: number, status: Exclude<RunStatus, 'running'>, error: string | null = null, now = new Date()): void {
    this.statements.finish.run({ id, status, finishedAt: now.toISOString(), error });
  }

  get(id: number): ImportRun | null {
    const row = this.statements.get.get({ id });
    return row ? runOf(row) : null;
  }

  list(limit: number, offset: number): { total: number; runs: ImportRun[] } {
    return {
      total: this.statements.count.get() ?? 0,
      runs: this.statements.list.all({ limit, offset }).map(runOf),
    };
  }

  /**
   * A page of a run's lines, in report order, of one status or all; `noted`: only those with a
   * message, which for imported files says how a file not in UTF-8 was read.
   */
  items(runId: number, options: { status?: ItemStatus; noted?: boolean; limit: number; offset: number }) {
    const { status, noted, limit, offset } = options;
    if (noted) {
      const total = status
        ? (this.statements.countNotedOf.get({ runId, status }) ?? 0)
        : (this.statements.countNoted.get({ runId }) ?? 0);
      const rows = status
        ? this.statements.notedOf.all({ runId, status, limit, offset })
        : this.statements.noted.all({ runId, limit, offset });
      return { total, items: rows.map(itemOf) };
    }
    const total = status
      ? (this.statements.countItemsOf.get({ runId, status }) ?? 0)
      : (this.statements.countItems.get({ runId }) ?? 0);
    const rows = status
      ? this.statements.itemsOf.all({ runId, status, limit, offset })
      : this.statements.items.all({ runId, limit, offset });
    return { total, items: rows.map(itemOf) };
  }

  /** A run's whole report, as importPaths has always answered it (every line in memory). */
  report(runId: number): ImportReport {
    const run = this.get(runId);
    if (!run) throw new Error(`there is no import run ${runId}`);
    const items: ImportItem[] = [];
    for (let offset = 0; ; offset += 5000) {
      const page = this.items(runId, { limit: 5000, offset }).items.map(({ seq: _seq, ...item }) => item);
      items.push(...page);
      if (page.length < 5000) break;
    }
    return {
      imported: run.imported,
      duplicates: run.duplicates,
      nearDuplicates: run.nearDuplicates,
      skipped: run.skipped,
      failed: run.failed,
      cancelled: run.status === 'cancelled',
      left: run.cancelled,
      items,
    };
  }
}
