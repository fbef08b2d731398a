import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openArchive } from '../../../archive/db/open.ts';
import { tempDir } from '../../helpers/temp.ts';
import { startChild } from './processes.ts';
import { seededRandom, syntheticName, writeSyntheticArticles } from './synthetic.ts';
import { walTearRange } from './wal-file.ts';

const LONG = process.env.ARCHIVE_READER_LONG === '1';
const ARTICLES = LONG ? 10_000 : 2_000;
const KILLS = LONG ? 20 : 5;
const TEARS_PER_COPY = 3;
const SEED = Number(process.env.ARCHIVE_READER_SEED ?? Date.now() % 100_000);

/** The state of an archive file as the checks see it. */
interface Observed {
  articles: number;
  bookmarked: Set<number>;
  /** For each tagged article, the sequence number of its tag set. */
  tagSeq: Map<number, number>;
}

/**
 * Opens an archive (or a copy) as SQLite alone would and checks it: integrity_check, FTS5's
 * integrity-check, foreign keys, and that its articles are a prefix of the import order (ids 1..n,
 * each the n-th file).
 */
function inspect(path: string, folder: string): Observed {
  const db = new Database(path);
  try {
    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }], `${path}: integrity_check`);
    db.prepare("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')").run();
    assert.deepEqual(db.pragma('foreign_key_check'), [], `${path}: foreign keys`);
    const rows = db.prepare('SELECT id, source_path FROM articles ORDER BY id').all() as {
      id: number;
      source_path: string;
    }[];
    rows.forEach((row, index) => {
      assert.equal(row.id, index + 1, `${path}: article ids are 1..n`);
      assert.equal(row.source_path, join(folder, syntheticName(index)), `${path}: articles are a prefix of the import`);
    });
    const indexed = db.prepare('SELECT count(*) FROM article_fts').pluck().get();
    assert.equal(indexed, rows.length, `${path}: every article is in the full-text index`);
    const bookmarked = new Set(
      db.prepare('SELECT article_id FROM reading_state WHERE bookmarked_at IS NOT NULL').pluck().all() as number[],
    );
    const tagSeq = new Map<number, number>();
    for (const row of db
      .prepare(
        "SELECT x.article_id AS id, t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE t.name LIKE 's%'",
      )
      .all() as { id: number; name: string }[]) {
      tagSeq.set(row.id, Number(row.name.slice(1)));
    }
    return { articles: rows.length, bookmarked, tagSeq };
  } finally {
    db.close();
  }
}

describe(`SIGKILL during an import and library writes (${ARTICLES} articles, ${KILLS}+ kills, seed ${SEED})`, () => {
  it(
    'loses no committed work, keeps the archive sound, and a re-run completes the import',
    { timeout: LONG ? 1_800_000 : 300_000 },
    async () => {
      const random = seededRandom(SEED);
      const dir = tempDir('archive-reader-kill-');
      const folder = writeSyntheticArticles(join(dir, 'articles'), ARTICLES);
      const archive = join(dir, 'archive.sqlite');
      (await openArchive(archive)).db.close();

      const printedBookmarks = new Set<number>();
      const printedTags = new Map<number, number>();
      const startups: string[] = [];
      const copies: string[] = [];
      let kills = 0;
      let rounds = 0;
      let batchMs = 300;
      const started = performance.now();

      while (kills < KILLS && rounds < KILLS * 4) {
        rounds++;
        const importer = startChild('importer.ts', [archive, folder]);
        const annotator = startChild('annotator.ts', [archive, String(rounds * 1_000_000), String(SEED + rounds)]);
        // Let one to three batches commit, then kill at a random moment within the next one.
        const batches = 1 + Math.floor(random() * 3);
        const times: number[] = [];
        await importer.waitFor((line) => {
          if (line.startsWith('batch')) times.push(performance.now());
          return line.startsWith('done') || times.length >= batches;
        });
        if (times.length >= 2) batchMs = (times.at(-1) as number) - (times.at(-2) as number);
        await sleep(random() * batchMs * 1.2);
        const midImport = importer.process.exitCode === null && !importer.lines.some((line) => line.startsWith('done'));
        await Promise.all(random() < 0.5 ? [importer.kill(), annotator.kill()] : [annotator.kill(), importer.kill()]);
        if (midImport) kills++;

        for (const line of [...importer.lines, ...annotator.lines])
          if (line.startsWith('startup ')) startups.push(line.slice(8));
        for (const line of annotator.lines) {
          const [kind, id, seq] = line.split(' ');
          if (kind === 'B') printedBookmarks.add(Number(id));
          if (kind === 'T') printedTags.set(Number(id), Math.max(printedTags.get(Number(id)) ?? 0, Number(seq)));
          assert.notEqual(kind, 'E', `the annotator failed: ${line}`);
        }

        // The files as the kill left them, for the torn-WAL checks below.
        const copy = join(dir, `copy-${rounds}`, 'archive.sqlite');
        mkdirSync(join(copy, '..'));
        for (const suffix of ['', '-wal', '-shm'])
          if (existsSync(archive + suffix)) copyFileSync(archive + suffix, copy + suffix);
        copies.push(copy);

        const state = inspect(archive, folder);
        for (const id of printedBookmarks)
          assert.ok(state.bookmarked.has(id), `bookmark of article ${id} was printed, then lost`);
        for (const [id, seq] of printedTags) {
          assert.ok((state.tagSeq.get(id) ?? -1) >= seq, `tags s${seq} of article ${id} were printed, then lost`);
        }
      }
      assert.ok(kills >= KILLS, `only ${kills} kills landed during the import`);
      assert.ok(
        startups.every((outcome) => outcome === 'clean' || outcome === 'checked'),
        startups.join(','),
      );
      assert.ok(startups.filter((outcome) => outcome === 'checked').length >= 1, 'the startup check ran after kills');

      // Re-running the import completes it: exactly N articles, no duplicates, nothing failed.
      const rerun = startChild('importer.ts', [archive, folder]);
      assert.equal(await rerun.exited, 0);
      const done =
        rerun.lines
          .find((line) => line.startsWith('done '))
          ?.split(' ')
          .map(Number) ?? [];
      assert.equal((done[1] as number) + (done[2] as number), ARTICLES, rerun.lines.at(-1));
      assert.equal(done[3], 0, 'no file failed');
      const final = inspect(archive, folder);
      assert.equal(final.articles, ARTICLES);
      const db = new Database(archive, { readonly: true });
      assert.equal(
        db.prepare('SELECT count(DISTINCT source_path) FROM articles').pluck().get(),
        ARTICLES,
        '0 duplicates',
      );
      db.close();
      for (const id of printedBookmarks) assert.ok(final.bookmarked.has(id));
      const killSeconds = (performance.now() - started) / 1000;

      // Torn WAL: each copy, its -wal cut at random offsets past what was checkpointed, opens sound and
      // holds a prefix of the committed transactions (inspect checks the articles are a prefix).
      let variants = 0;
      let shorter = 0;
      let untearable = 0;
      for (const copy of copies) {
        const whole = join(copy, '..', 'whole.sqlite');
        const files = (target: string) => {
          copyFileSync(copy, target);
          if (existsSync(`${copy}-wal`)) copyFileSync(`${copy}-wal`, `${target}-wal`);
        };
        files(whole);
        const complete = inspect(whole, folder).articles;
        const range = walTearRange(copy);
        if (!range) {
          untearable++;
          continue;
        }
        for (let tear = 0; tear < TEARS_PER_COPY; tear++) {
          const torn = join(copy, '..', `torn-${tear}.sqlite`);
          files(torn);
          truncateSync(`${torn}-wal`, range.from + Math.floor(random() * (range.to - range.from)));
          const state = inspect(torn, folder);
          assert.ok(state.articles <= complete, 'a torn WAL never adds articles');
          variants++;
          if (state.articles < complete) shorter++;
        }
        rmSync(join(copy, '..'), { recursive: true, force: true });
      }
      assert.ok(variants >= TEARS_PER_COPY, `only ${variants} torn copies could be made`);
      console.log(
        `${rounds} rounds, ${kills} kills mid-import, ${killSeconds.toFixed(1)} s; ${printedBookmarks.size} bookmarks ` +
          `and ${printedTags.size} tag sets printed, none lost; ${startups.filter((s) => s === 'checked').length} ` +
          `startup checks after a kill; torn WAL: ${variants} copies opened sound with a prefix of the import ` +
          `(${shorter} lost their last commits), ${untearable} kills left nothing to tear`,
      );
    },
  );
});
