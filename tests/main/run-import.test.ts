import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MethodName } from '../../archive/api/contract.ts';
import type { Envelope } from '../../archive/api/envelope.ts';
import { TRANSLATIONS } from '../helpers/locales.ts';
import { MAX_PATHS_PER_IMPORT } from '../../main/import/open-requests.ts';
import { importSummary, runImport } from '../../main/import/run-import.ts';

/** A stand-in archive host: startImport answers a job, which `finish` says how it ends. */
function host(finish: (paths: string[]) => Envelope<unknown>) {
  const calls: { method: MethodName; args: unknown }[] = [];
  const jobs = new Map<number, string[]>();
  return {
    calls,
    async call(method: MethodName, args: unknown): Promise<Envelope<unknown>> {
      calls.push({ method, args });
      if (method === 'startImport') {
        const jobId = jobs.size + 1;
        jobs.set(jobId, (args as { paths: string[] }).paths);
        return { ok: true, value: { jobId } };
      }
      const jobId = (args as { jobId: number }).jobId;
      // The first time it is asked, a job is still running.
      if (
        calls.filter((c) => c.method === 'getImportProgress' && (c.args as { jobId: number }).jobId === jobId)
          .length === 1
      ) {
        return { ok: true, value: job(jobId, 'running', 0) };
      }
      return finish(jobs.get(jobId) ?? []);
    },
  };
}

function job(jobId: number, state: string, imported: number, error: string | null = null) {
  const progress = { done: imported, total: imported, currentFile: null, itemsPerSecond: 1, etaSeconds: 0 };
  return {
    jobId,
    runId: jobId,
    state,
    error,
    progress: { ...progress, imported, duplicates: 0, skipped: 0, failed: 0 },
  };
}

const finished = (paths: string[]) => ({ ok: true as const, value: job(1, 'finished', paths.length) });
const started = (fake: ReturnType<typeof host>) =>
  fake.calls
    .filter((call) => call.method === 'startImport')
    .map((call) => (call.args as { paths: string[] }).paths.length);

describe('runImport', () => {
  it('imports through the contract as jobs, in batches, waits for each and adds the counts up', async () => {
    const fake = host(finished);
    const paths = Array.from({ length: MAX_PATHS_PER_IMPORT + 5 }, (_, i) => `/articles/${i}.txt`);
    const jobs: number[] = [];
    const outcome = await runImport(fake, paths, { pollMs: 1, onStarted: (jobId) => jobs.push(jobId) });
    assert.deepEqual(outcome, {
      ok: true,
      cancelled: false,
      total: { imported: paths.length, duplicates: 0, skipped: 0, failed: 0 },
    });
    assert.deepEqual(started(fake), [MAX_PATHS_PER_IMPORT, 5]);
    assert.deepEqual(jobs, [1, 2], 'the page is told of each job as it starts');
  });

  it('does not call the archive with nothing to import', async () => {
    const fake = host(finished);
    assert.deepEqual(await runImport(fake, []), {
      ok: true,
      cancelled: false,
      total: { imported: 0, duplicates: 0, skipped: 0, failed: 0 },
    });
    assert.deepEqual(fake.calls, []);
  });

  it('validates paths as the IPC handler does, before the worker sees them', async () => {
    const fake = host(finished);
    const outcome = await runImport(fake, ['']);
    assert.equal(outcome.ok, false);
    assert.match(!outcome.ok ? outcome.message : '', /startImport/);
    assert.deepEqual(fake.calls, []);
  });

  it('stops at a failed job and keeps what was counted before it', async () => {
    let ended = 0;
    const fake = host((paths) =>
      ++ended === 1 ? finished(paths) : { ok: true, value: job(2, 'failed', 3, 'disk full') },
    );
    const paths = Array.from({ length: MAX_PATHS_PER_IMPORT * 2 }, (_, i) => `/a/${i}.md`);
    assert.deepEqual(await runImport(fake, paths, { pollMs: 1 }), {
      ok: false,
      total: { imported: MAX_PATHS_PER_IMPORT + 3, duplicates: 0, skipped: 0, failed: 0 },
      message: 'disk full',
    });
  });

  it('starts no further batch once a job was cancelled (from the page)', async () => {
    const fake = host(() => ({ ok: true, value: job(1, 'cancelled', 7) }));
    const paths = Array.from({ length: MAX_PATHS_PER_IMPORT * 2 }, (_, i) => `/a/${i}.md`);
    const outcome = await runImport(fake, paths, { pollMs: 1 });
    assert.deepEqual(outcome, {
      ok: true,
      cancelled: true,
      total: { imported: 7, duplicates: 0, skipped: 0, failed: 0 },
    });
    assert.deepEqual(started(fake), [MAX_PATHS_PER_IMPORT]);
  });
});

describe('importSummary', () => {
  it('words the counts in the UI language', () => {
    const total = { imported: 3, duplicates: 1, skipped: 2, failed: 0 };
    assert.equal(importSummary(TRANSLATIONS.en, total), '3 imported, 1 already in the archive, 2 skipped, 0 failed.');
    assert.equal(
      importSummary(TRANSLATIONS.fr, total),
      '3 importé(s), 1 déjà dans l’archive, 2 ignoré(s), 0 en échec.',
    );
  });
});
