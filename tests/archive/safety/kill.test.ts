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
  /** For each article with a note, the sequence number of the note. */
  noteSeq: Map<number, number>;
  /** The annotator's highlights by sequence number: their article and row id. */
  highlights: Map<number, { articleId: number; id: number }>;
}

/** What the annotator printed once each commit had returned. */
interface Printed {
  bookmarks: Set<number>;
  tags: Map<number, number>;
  notes: Map<number, number>;
  highlights: Map<number, { articleId: number; id: number }>;
}

/** Every change the annotator printed is in the archive: none was lost after its commit returned. */
function assertNothingLost(state: Observed, printed: Printed, when: string): void {
  for (const id of printed.bookmarks)
    assert.ok(state.bookmarked.has(id), `${when}: the bookmark of article ${id} was printed, then lost`);
  for (const [id, seq] of printed.tags)
    assert.ok((state.tagSeq.get(id) ?? -1) >= seq, `${when}: tags s${seq} of article ${id} were printed, then lost`);
  for (const [id, seq] of printed.notes)
    assert.ok((state.noteSeq.get(id) ?? -1) >= seq, `${when}: note n${seq} of article ${id} was printed, then lost`);
  for (const [seq, highlight] of printed.highlights)
    assert.deepEqual(state.highlights.get(seq), highlight, `${when}: highlight h${seq} was printed, then lost`);
}

/**
 * A torn copy holds a prefix of the annotator's commits: with k the newest change it shows, every
 * change up to k that the whole copy holds is there too, and nothing newer than the whole copy's.
 */
function assertAnnotatorPrefix(torn: Observed, whole: Observed, path: string): void {
  const seqs = [...torn.tagSeq.values(), ...torn.noteSeq.values(), ...torn.highlights.keys()];
  const newest = seqs.length ? Math.max(...seqs) : -1;
  for (const [seq, highlight] of whole.highlights)
    if (seq <= newest)
      assert.deepEqual(torn.highlights.get(seq), highlight, `${path}: highlight h${seq} missing before h${newest}`);
  for (const seq of torn.highlights.keys())
    assert.ok(whole.highlights.has(seq), `${path}: highlight h${seq} from nowhere`);
  for (const [name, tornSeqs, wholeSeqs] of [
    ['tags', torn.tagSeq, whole.tagSeq],
    ['note', torn.noteSeq, whole.noteSeq],
  ] as const) {
    for (const [id, seq] of wholeSeqs)
      if (seq <= newest)
        assert.equal(tornSeqs.get(id), seq, `${path}: ${name} ${seq} of article ${id} missing before ${newest}`);
    for (const [id, seq] of tornSeqs)
      assert.ok(
        seq <= (wholeSeqs.get(id) ?? -1),
        `${path}: ${name} ${seq} of article ${id} is newer than the whole copy's`,
      );
  }
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
    const noteSeq = new Map<number, number>();
    for (const row of db.prepare("SELECT article_id AS id, note FROM reading_state WHERE note LIKE 'n%'").all() as {
      id: number;
      note: string;
    }[]) {
      noteSeq.set(row.id, Number(row.note.slice(1, row.note.indexOf(' '))));
    }
    const highlights = new Map<number, { articleId: number; id: number }>();
    for (const row of db
      .prepare("SELECT id, article_id AS articleId, note FROM highlights WHERE note LIKE 'h%'")
      .all() as { id: number; articleId: number; note: string }[]) {
      highlights.set(Number(row.note.slice(1)), { articleId: row.articleId, id: row.id });
    }
    return { articles: rows.length, bookmarked, tagSeq, noteSeq, highlights };
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

      const printed: Printed = { bookmarks: new Set(), tags: new Map(), notes: new Map(), highlights: new Map() };
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
          const [kind, id, seq, rowId] = line.split(' ').map((part, i) => (i ? Number(part) : part)) as [
            string,
            number,
            number,
            number,
          ];
          if (kind === 'B') printed.bookmarks.add(id);
          if (kind === 'T') printed.tags.set(id, Math.max(printed.tags.get(id) ?? 0, seq));
          if (kind === 'N') printed.notes.set(id, Math.max(printed.notes.get(id) ?? 0, seq));
          if (kind === 'H') printed.highlights.set(seq, { articleId: id, id: rowId });
          assert.notEqual(kind, 'E', `the annotator failed: ${line}`);
        }

        // The files as the kill left them, for the torn-WAL checks below.
        const copy = join(dir, `copy-${rounds}`, 'archive.sqlite');
        mkdirSync(join(copy, '..'));
        for (const suffix of ['', '-wal', '-shm'])
          if (existsSync(archive + suffix)) copyFileSync(archive + suffix, copy + suffix);
        copies.push(copy);

        assertNothingLost(inspect(archive, folder), printed, `after kill round ${rounds}`);
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
      assertNothingLost(final, printed, 'after the re-run');
      const killSeconds = (performance.now() - started) / 1000;

      // Torn WAL: each copy, its -wal cut at random offsets past what was checkpointed, opens sound and
      // holds a prefix of the committed transactions (inspect checks the articles are a prefix).
      let variants = 0;
      let shorter = 0;
      let lostNotes = 0;
      let untearable = 0;
      for (const copy of copies) {
        const whole = join(copy, '..', 'whole.sqlite');
        const files = (target: string) => {
          copyFileSync(copy, target);
          if (existsSync(`${copy}-wal`)) copyFileSync(`${copy}-wal`, `${target}-wal`);
        };
        files(whole);
        const complete = inspect(whole, folder);
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
          assert.ok(state.articles <= complete.articles, 'a torn WAL never adds articles');
          assertAnnotatorPrefix(state, complete, torn);
          variants++;
          if (state.articles < complete.articles) shorter++;
          if (state.highlights.size + state.noteSeq.size < complete.highlights.size + complete.noteSeq.size)
            lostNotes++;
        }
        rmSync(join(copy, '..'), { recursive: true, force: true });
      }
      assert.ok(variants >= TEARS_PER_COPY, `only ${variants} torn copies could be made`);
      console.log(
        `kill test: ${ARTICLES} articles, ${rounds} rounds, ${kills} kills mid-import, ` +
          `${startups.filter((s) => s === 'checked').length} startup checks after a kill, ${killSeconds.toFixed(1)} s; ` +
          `printed after their commit and found after every restart: ${printed.bookmarks.size} bookmarks, ` +
          `${printed.tags.size} tag sets, ${printed.notes.size} notes, ${printed.highlights.size} highlights with notes ` +
          `(0 lost); re-run: ${done[1]} imported + ${done[2]} already there = ${final.articles} articles, 0 duplicates`,
      );
      console.log(
        `torn WAL: ${variants} copies from ${copies.length - untearable} kills (${untearable} left nothing to tear) ` +
          `opened sound, each a prefix of the import and of the annotator's commits; ${shorter} lost their last ` +
          `articles, ${lostNotes} their last notes or highlights`,
      );
    },
  );
});
