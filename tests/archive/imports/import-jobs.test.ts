import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dispatch } from '../../../archive/api/dispatch.ts';
import { unwrap } from '../../../archive/api/envelope.ts';
import type { Input, MethodName, Output } from '../../../archive/api/contract.ts';
import { ImportJobs } from '../../../archive/imports/import-jobs.ts';
import { createHandlers } from '../../../archive/service/handlers.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { fixture, ROOT, tempDir } from '../../helpers/temp.ts';
import { writeSyntheticArticles } from '../safety/synthetic.ts';

async function api() {
  const archive = await createTestArchive();
  const imports = new ImportJobs(archive.db);
  const handlers = createHandlers(archive.db, undefined, imports);
  const call = async <M extends MethodName>(method: M, args: Input<M>) =>
    unwrap(await dispatch(handlers, method, args)) as Output<M>;
  return { archive, imports, call };
}

/** A folder with articles, a duplicate, an unsupported file and a file that is not text. */
function mixedFolder(): string {
  const folder = join(tempDir(), 'mixed');
  mkdirSync(folder);
  writeFileSync(join(folder, 'a-sahel.txt'), 'Water in the Sahel\n\nWells are dug again in the villages of the north.');
  writeFileSync(join(folder, 'b-copy.txt'), 'Water in the Sahel\n\nWells are dug again in the villages of the north.');
  writeFileSync(join(folder, 'c-slides.odp'), 'not an article');
  writeFileSync(join(folder, 'd-binary.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0xdc, 0x00, 0x00, 0x00]));
  writeFileSync(
    join(folder, 'e-market.md'),
    '# Market day in Niamey\n\nOnions are cheaper this week at the big market.',
  );
  return folder;
}

describe('import jobs and stored reports', () => {
  it('stores every line of a run, with its status, reason and place, readable by page and by status', async () => {
    const { call, imports } = await api();
    const folder = mixedFolder();
    const { jobId } = await call('startImport', { paths: [folder, fixture('solar-cooperation.txt')] });
    await imports.settled(jobId);

    const job = await call('getImportProgress', { jobId });
    assert.equal(job.state, 'finished');
    assert.equal(job.progress.done, 6);
    assert.equal(job.progress.total, 6);

    const all = await call('getImportReport', { runId: job.runId });
    assert.equal(all.total, 6, 'one line per file');
    assert.deepEqual(
      all.items.map((item) => [item.seq, item.path.split('/').pop(), item.status]),
      [
        [1, 'a-sahel.txt', 'imported'],
        [2, 'b-copy.txt', 'duplicate'],
        [3, 'c-slides.odp', 'skipped'],
        [4, 'd-binary.txt', 'failed'],
        [5, 'e-market.md', 'imported'],
        [6, 'solar-cooperation.txt', 'imported'],
      ],
    );
    assert.match(all.items[1]?.message ?? '', /same text as article 1/);
    assert.equal(all.items[1]?.articleId, 1);
    assert.match(all.items[2]?.message ?? '', /not a supported file type \(\.odp\)/);
    assert.ok(all.items[3]?.message, 'a failure says why');

    const { run } = all;
    assert.equal(run.status, 'finished');
    assert.deepEqual([run.imported, run.duplicates, run.skipped, run.failed, run.cancelled], [3, 1, 1, 1, 0]);
    assert.deepEqual(run.paths, [folder, fixture('solar-cooperation.txt')]);
    assert.equal(run.totalFiles, 6);
    assert.ok(run.finishedAt && run.finishedAt >= run.startedAt);

    const failed = await call('getImportReport', { runId: run.id, status: 'failed' });
    assert.deepEqual(
      failed.items.map((item) => item.seq),
      [4],
    );
    const page = await call('getImportReport', { runId: run.id, limit: 2, offset: 2 });
    assert.deepEqual(
      page.items.map((item) => item.seq),
      [3, 4],
    );
    assert.equal(page.total, 6);
  });

  it('keeps importPaths answering the whole report, and stores it as a run too', async () => {
    const { call } = await api();
    const report = await call('importPaths', { paths: [mixedFolder()] });
    assert.deepEqual([report.imported, report.duplicates, report.skipped, report.failed], [2, 1, 1, 1]);
    assert.equal(report.items.length, 5);
    const { total, runs } = await call('listImportRuns', {});
    assert.equal(total, 1);
    assert.equal(runs[0]?.status, 'finished');
    assert.equal(runs[0]?.imported, 2);
  });

  it('cancels a running job: what was read is stored, the rest is listed as left, and the runs say so', async () => {
    const { call, imports, archive } = await api();
    const folder = writeSyntheticArticles(join(tempDir(), 'many'), 600);
    const { jobId } = await call('startImport', { paths: [folder] });
    for (;;) {
      const job = await call('getImportProgress', { jobId });
      if (job.progress.done >= 100 || job.state !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const answered = await call('cancelImport', { jobId });
    assert.equal(answered.jobId, jobId);
    await imports.settled(jobId);

    const job = await call('getImportProgress', { jobId });
    assert.equal(job.state, 'cancelled');
    const { run, total } = await call('getImportReport', { runId: jobId, limit: 1 });
    assert.equal(run.status, 'cancelled');
    assert.equal(total, 600, 'every file has its line, imported or left');
    assert.equal(run.imported + run.cancelled, 600);
    assert.ok(run.cancelled > 0 && run.imported >= 100);
    const left = await call('getImportReport', { runId: jobId, status: 'cancelled', limit: 1 });
    assert.equal(left.total, run.cancelled);
    assert.match(left.items[0]?.message ?? '', /cancelled/);
    const stored = archive.db.prepare('SELECT count(*) FROM articles').pluck().get();
    assert.equal(stored, run.imported);

    const again = await call('startImport', { paths: [folder] });
    await imports.settled(again.jobId);
    const finished = await call('getImportReport', { runId: again.jobId, limit: 1 });
    assert.equal(finished.run.imported, run.cancelled);
    assert.equal(archive.db.prepare('SELECT count(*) FROM articles').pluck().get(), 600);
    const listed = await call('listImportRuns', { limit: 1 });
    assert.equal(listed.total, 2);
    assert.equal(listed.runs[0]?.id, again.jobId, 'newest first');
  });

  it('tells a run whose process ended before it did (a crash, a kill) as interrupted', async () => {
    const { call, imports, archive } = await api();
    const runId = imports.runs.begin(['/articles']);
    assert.equal((await call('getImportReport', { runId, limit: 1 })).run.status, 'running', 'this process runs it');
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    archive.db.prepare('UPDATE import_runs SET owner_pid = @gone WHERE id = @runId').run({ gone, runId });
    assert.equal((await call('listImportRuns', {})).runs[0]?.status, 'interrupted');
    assert.equal((await call('getImportProgress', { jobId: runId })).state, 'interrupted');
  });

  it('notes the encoding a file was read in when it was not UTF-8 or was detected, and lists those files', async () => {
    const { call } = await api();
    const html = (name: string) => join(ROOT, 'tests', 'fixtures', 'html', name);
    const paths = [
      fixture('latin1.txt'),
      html('undeclared-latin1.html'),
      html('zinder-windows-1252.html'),
      fixture('solar-cooperation.txt'),
    ];
    const report = await call('importPaths', { paths });
    assert.deepEqual(
      report.items.map((item) => [item.status, item.message]),
      [
        ['imported', 'decoded as windows-1252 (detected)'],
        ['imported', 'decoded as windows-1252 (detected)'],
        // The same page with its encoding declared: a duplicate, and read as its <meta> says.
        ['duplicate', 'same text as article 2; decoded as windows-1252 (declared)'],
        ['imported', undefined],
      ],
    );

    const { runs } = await call('listImportRuns', {});
    const runId = runs[0]?.id ?? 0;
    const decoded = await call('getImportReport', { runId, status: 'imported', noted: true });
    assert.equal(decoded.total, 2);
    assert.deepEqual(
      decoded.items.map((item) => [item.path, item.message]),
      [
        [fixture('latin1.txt'), 'decoded as windows-1252 (detected)'],
        [html('undeclared-latin1.html'), 'decoded as windows-1252 (detected)'],
      ],
    );
    assert.equal((await call('getImportReport', { runId, noted: true })).total, 3, 'the duplicate has its message too');
  });

  it('says which job or run does not exist', async () => {
    const { call } = await api();
    await assert.rejects(call('getImportProgress', { jobId: 99 }), /no import job 99/);
    await assert.rejects(call('cancelImport', { jobId: 99 }), /no import job 99/);
    await assert.rejects(call('getImportReport', { runId: 99 }), /no import run 99/);
  });
});
