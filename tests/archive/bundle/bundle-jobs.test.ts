import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { BundleJob, Input, MethodName, Output } from '../../../archive/api/contract.ts';
import { dispatch } from '../../../archive/api/dispatch.ts';
import { createHandlers } from '../../../archive/service/handlers.ts';
import { createTestArchive, type TestArchive } from '../../helpers/archive.ts';
import { tempDir } from '../../helpers/temp.ts';

const ARTICLES = 300;

describe('bundle exports as jobs (the dialog polls them like imports)', () => {
  let archive: TestArchive;
  let call: <M extends MethodName>(method: M, args: Input<M>) => Promise<Output<M>>;

  before(async () => {
    archive = await createTestArchive();
    // Distinct texts: near-identical ones would be linked as copies of the first instead of stored.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const word = () =>
      Array.from({ length: 3 + (next() % 6) }, () => 'abcdefghijklmnopqrstuvwxyz'[next() % 26]).join('');
    for (let i = 1; i <= ARTICLES; i++) {
      const paragraphs = Array.from({ length: 8 }, () => Array.from({ length: 60 }, word).join(' ') + '.');
      const outcome = archive.store.add({ title: `Report ${i} on the valley`, paragraphs, lang: 'en' });
      assert.equal(outcome.status, 'imported');
    }
    const handlers = createHandlers(archive.db);
    call = async (method, args) => {
      const envelope = await dispatch(handlers, method, args);
      if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
      return envelope.value as Output<typeof method>;
    };
  });

  /** Polls a job as the dialog does (here as often as the event loop lets it) until it ends. */
  async function follow(jobId: number, onRunning?: (job: BundleJob) => Promise<void>): Promise<BundleJob[]> {
    const seen: BundleJob[] = [];
    for (;;) {
      const job = await call('getBundleExportProgress', { jobId });
      seen.push(job);
      if (job.state !== 'running') return seen;
      await onRunning?.(job);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  it('reports the articles written, never going back, and ends with the bundle written', async () => {
    const path = join(tempDir(), 'valley.bundle');
    const { jobId } = await call('startBundleExport', { path, withLibrary: true });
    const seen = await follow(jobId);
    const last = seen.at(-1);
    assert.equal(last?.state, 'finished', last?.error ?? '');
    assert.equal(last?.done, ARTICLES);
    assert.equal(last?.total, ARTICLES);
    assert.equal(last?.result?.articles, ARTICLES);
    assert.equal(last?.result?.path, path);
    assert.ok(existsSync(path));
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i]!.done >= seen[i - 1]!.done, 'progress never goes back');
    assert.ok(
      seen.some((job) => job.done > 0 && job.done < ARTICLES),
      `the page sees the export part way (${seen.map((job) => job.done).join(', ')})`,
    );
  });

  it('cancels: the job says so and no file is left, under its name or beside it', async () => {
    const dir = tempDir();
    const path = join(dir, 'cancelled.bundle');
    const { jobId } = await call('startBundleExport', { path });
    let asked = false;
    const seen = await follow(jobId, async (job) => {
      if (!asked && job.done > 0) {
        asked = true;
        assert.equal((await call('cancelBundleExport', { jobId })).jobId, jobId);
      }
    });
    const last = seen.at(-1);
    assert.equal(last?.state, 'cancelled');
    assert.ok((last?.done ?? ARTICLES) < ARTICLES, 'it stopped before the end');
    assert.equal(last?.result, null);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('refuses a path at once, and answers not found for an unknown job', async () => {
    await assert.rejects(call('startBundleExport', { path: 'relative.bundle' }), /invalid_argument: .*absolute/);
    await assert.rejects(call('getBundleExportProgress', { jobId: 999 }), /not_found: There is no bundle export 999/);
  });
});
