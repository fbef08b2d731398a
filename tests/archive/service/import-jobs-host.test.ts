import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { ImportJob } from '../../../archive/api/contract.ts';
import { startArchiveHost } from '../../../archive/service/host.ts';
import { fixture, tempArchivePath, tempDir } from '../../helpers/temp.ts';
import { writeSyntheticArticles } from '../safety/synthetic.ts';

const FILES = 1500;

describe('import jobs in the archive worker', () => {
  it('answer search, getArticle and cancel while a long import runs, and close cleanly', async () => {
    const folder = writeSyntheticArticles(join(tempDir(), 'many'), FILES);
    const host = await startArchiveHost({ archivePath: tempArchivePath() });
    try {
      await host.call('importPaths', { paths: [fixture('solar-cooperation.txt')] });
      const started = performance.now();
      const start = await host.call('startImport', { paths: [folder] });
      assert.ok(start.ok, 'startImport answers at once');
      const { jobId } = start.value as { jobId: number };

      const progress = async () => {
        const answer = await host.call('getImportProgress', { jobId });
        assert.ok(answer.ok);
        return answer.value as ImportJob;
      };
      // Wait until it has really started storing.
      let job = await progress();
      while (job.state === 'running' && job.progress.imported < 200) {
        await sleep(20);
        job = await progress();
      }
      assert.equal(job.state, 'running', 'the import is still under way');

      const asked = performance.now();
      const found = await host.call('search', { query: 'solar' });
      const searchMs = performance.now() - asked;
      assert.ok(found.ok && (found.value as { total: number }).total >= 1);
      const article = await host.call('getArticle', { id: 1 });
      assert.ok(article.ok);
      const during = await progress();
      assert.equal(during.state, 'running', 'search and getArticle were answered while the import ran');
      console.log(`search answered in ${searchMs.toFixed(0)} ms while ${during.progress.done}/${FILES} files were in`);

      const cancel = await host.call('cancelImport', { jobId });
      assert.ok(cancel.ok, 'cancel is answered while the import runs');
      while (job.state === 'running') {
        await sleep(20);
        job = await progress();
      }
      assert.equal(job.state, 'cancelled');
      assert.ok(job.progress.done < FILES);
      const report = await host.call('getImportReport', { runId: jobId, limit: 1 });
      assert.ok(report.ok);
      const { run, total } = report.value as { run: { imported: number; cancelled: number }; total: number };
      assert.equal(total, FILES);
      assert.equal(run.imported + run.cancelled, FILES);
      console.log(`cancelled after ${((performance.now() - started) / 1000).toFixed(1)} s: ${run.imported} imported`);

      // Closing while another import runs stops it and stores what it read.
      const again = await host.call('startImport', { paths: [folder] });
      assert.ok(again.ok);
    } finally {
      await host.close();
    }
  });
});
