import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { BIN, runCli } from '../../helpers/cli.ts';
import { FIXTURES, tempArchivePath, tempDir } from '../../helpers/temp.ts';
import { longFeed } from '../../helpers/long-feed.ts';
import { writeSyntheticArticles } from '../safety/synthetic.ts';

const PROGRESS_LINE = /^(\d+)\/(\d+) files \((\d+)%\), (\d+) imported, .* items\/s/;

/** Runs `import`, sends Ctrl-C (SIGINT) once the import has read `after` files, and collects what it printed. */
function importInterrupted(args: string[], after: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'import', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const done = Math.max(0, ...[...stderr.matchAll(/^(\d+)\/\d+ files/gm)].map((match) => Number(match[1])));
      if (!sent && done >= after) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('archive-reader import, imports and report', () => {
  it('prints plain progress lines on stderr when it is not on a terminal, then the report', () => {
    const archive = tempArchivePath();
    const folder = writeSyntheticArticles(join(tempDir(), 'articles'), 120);
    const result = runCli(['import', folder, '--archive', archive]);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stderr.split('\n').filter((line) => PROGRESS_LINE.test(line));
    assert.ok(lines.length >= 2, `progress lines:\n${result.stderr}`);
    const done = lines.map((line) => Number(PROGRESS_LINE.exec(line)?.[1]));
    assert.deepEqual(
      done,
      [...done].sort((a, b) => a - b),
      'the count of files only grows',
    );
    assert.match(lines.at(-1) as string, /^120\/120 files \(100%\), 120 imported/);
    assert.ok(!result.stderr.includes('\u001b['), 'no terminal control codes in a log');
    assert.match(result.stdout, /120 imported, 0 already in the archive, 0 skipped, 0 failed/);
    assert.match(result.stdout, /archive-reader report 1/);
  });

  it('shows how far into one long file it is', () => {
    const archive = tempArchivePath();
    const feed = join(tempDir(), 'long.rss');
    writeFileSync(feed, longFeed(4000));
    const result = runCli(['import', feed, '--archive', archive]);
    assert.equal(result.status, 0, result.stderr);
    const within = [...result.stderr.matchAll(/^0\/1 files .*long\.rss \((\d+)% of it, (\d+) items\)$/gm)].map(
      (match) => [Number(match[1]), Number(match[2])],
    );
    assert.ok(within.length >= 3, `a line at each tenth of the file:\n${result.stderr}`);
    assert.ok(
      within.every(
        ([share, items], index) => index === 0 || (share! > within[index - 1]![0]! && items! > within[index - 1]![1]!),
      ),
    );
    assert.match(result.stdout, /1 imported, .*3999 near-duplicates/);
  });

  it('cancels cleanly on Ctrl-C: prints the report, leaves a consistent archive, and a re-run finishes it', async () => {
    const archive = tempArchivePath();
    const folder = writeSyntheticArticles(join(tempDir(), 'articles'), 600);
    const interrupted = await importInterrupted([folder, '--archive', archive], 60);
    assert.equal(interrupted.code, 130, interrupted.stderr);
    assert.match(interrupted.stderr, /Cancelling/);
    assert.match(interrupted.stdout, /The import was cancelled/);
    const counts = /(\d+) imported, 0 already in the archive, 0 skipped, 0 failed, (\d+) not read \(cancelled\)/.exec(
      interrupted.stdout,
    );
    assert.ok(counts, interrupted.stdout.slice(-500));
    const [imported, left] = [Number(counts[1]), Number(counts[2])];
    assert.equal(imported + left, 600);
    assert.ok(left > 0);

    const db = new Database(archive, { readonly: true });
    assert.deepEqual(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    assert.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), imported);
    db.close();

    const again = runCli(['import', folder, '--archive', archive, '--json']);
    assert.equal(again.status, 0, again.stderr);
    const report = JSON.parse(again.stdout) as { imported: number; duplicates: number; cancelled: boolean };
    assert.equal(report.imported, left);
    assert.equal(report.duplicates, imported);
    assert.equal(report.cancelled, false);

    const runs = runCli(['imports', '--archive', archive, '--json']);
    const listed = JSON.parse(runs.stdout) as { total: number; runs: { id: number; status: string }[] };
    assert.equal(listed.total, 2);
    assert.deepEqual(
      listed.runs.map((run) => [run.id, run.status]),
      [
        [2, 'finished'],
        [1, 'cancelled'],
      ],
    );
  });

  it('lists the runs and prints one run’s report, as text and as JSON', () => {
    const archive = tempArchivePath();
    assert.equal(runCli(['import', FIXTURES, '--archive', archive]).status, 0);
    const runs = runCli(['imports', '--archive', archive]);
    assert.equal(runs.status, 0, runs.stderr);
    assert.match(
      runs.stdout,
      /^ +1 {2}\d{4}-\d\d-\d\dT.* finished +5 imported, 0 already in the archive, 1 skipped, 2 failed/m,
    );
    assert.ok(runs.stdout.includes(FIXTURES));

    const report = runCli(['report', '1', '--archive', archive]);
    assert.equal(report.status, 0, report.stderr);
    assert.match(report.stdout, /^Import 1, started .*, finished at /m);
    // A file not in UTF-8 says which encoding it was read in.
    assert.match(report.stdout, /^imported +\S*latin1\.txt {2}#\d+ Un titre — decoded as windows-1252 \(detected\)$/m);
    assert.match(report.stdout, /^imported +\S*solar-cooperation\.txt {2}#\d+ [^—]+$/m, 'UTF-8 goes unsaid');
    assert.match(report.stdout, /^(failed|skipped) +\S+ {2}\S/m);

    const json = JSON.parse(runCli(['report', '1', '--archive', archive, '--json']).stdout) as {
      run: { imported: number };
      items: { seq: number; status: string; path: string; message?: string }[];
    };
    assert.equal(json.run.imported, 5);
    assert.equal(json.items.length, 8);
    const latin1 = json.items.find((item) => item.path.endsWith('latin1.txt'));
    assert.equal(latin1?.message, 'decoded as windows-1252 (detected)');
    assert.deepEqual(
      json.items.map((item) => item.seq),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );

    const missing = runCli(['report', '9', '--archive', archive]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no import run 9/);
    assert.equal(runCli(['report', 'x', '--archive', archive]).status, 2);
  });
});
