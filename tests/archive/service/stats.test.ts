import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Output } from '../../../archive/api/contract.ts';
import { openArchive } from '../../../archive/db/open.ts';
import { createHandlers } from '../../../archive/service/handlers.ts';
import { startArchiveHost, type ArchiveHost } from '../../../archive/service/host.ts';
import { tempArchivePath, tempDir } from '../../helpers/temp.ts';
import { writeSyntheticArticles } from '../safety/synthetic.ts';

async function stats(host: ArchiveHost): Promise<Output<'getStats'>> {
  const envelope = await host.call('getStats', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as Output<'getStats'>;
}

const sizeOf = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

describe('getStats: where the archive is and what it takes on disk', () => {
  it('answers the archive file’s full path and the size of the file and its write-ahead log', async () => {
    const archivePath = tempArchivePath();
    const host = await startArchiveHost({ archivePath });
    try {
      const empty = await stats(host);
      assert.equal(empty.articles, 0);
      assert.equal(empty.location, archivePath);
      assert.equal(empty.bytes, sizeOf(archivePath) + sizeOf(`${archivePath}-wal`));
      assert.ok(empty.bytes > 0);

      const imported = await host.call('importPaths', { paths: [writeSyntheticArticles(join(tempDir(), 'in'), 100)] });
      assert.ok(imported.ok, JSON.stringify(imported));
      const full = await stats(host);
      assert.equal(full.articles, 100);
      assert.equal(full.location, archivePath);
      assert.ok(sizeOf(`${archivePath}-wal`) > 0, 'the import left changes in the write-ahead log');
      assert.equal(full.bytes, sizeOf(archivePath) + sizeOf(`${archivePath}-wal`));
      assert.ok(full.bytes > empty.bytes);
    } finally {
      await host.close();
    }
  });

  it('has no location and nothing on disk for an archive in memory', async () => {
    const archive = await openArchive(':memory:');
    try {
      const { location, bytes } = await createHandlers(archive.db).getStats({});
      assert.deepEqual({ location, bytes }, { location: null, bytes: 0 });
    } finally {
      archive.db.close();
    }
  });
});
