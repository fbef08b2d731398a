import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startArchiveHost } from '../../../archive/service/host.ts';
import { fixture, tempArchivePath, tempDir } from '../../helpers/temp.ts';

describe('the archive host (core in a worker thread)', () => {
  it('answers calls in envelopes and keeps working after an error', async () => {
    const host = await startArchiveHost({ archivePath: tempArchivePath() });
    const imported = await host.call('importPaths', { paths: [fixture('solar-cooperation.txt')] });
    assert.equal(imported.ok && (imported.value as { imported: number }).imported, 1);
    const bad = await host.call('getArticle', { id: -1 });
    assert.equal(!bad.ok && bad.error.code, 'invalid_argument');
    const found = await host.call('search', { query: 'solar' });
    assert.equal(found.ok && (found.value as { total: number }).total, 1);
    await host.close();
  });

  it('fails to start with the reason when the archive cannot be opened', async () => {
    await assert.rejects(
      startArchiveHost({ archivePath: tempDir() }),
      /directory|unable to open|not an Archive Reader archive/i,
    );
  });
});
