import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ZipFile } from 'yazl';
import { readBundleManifest } from '../../archive/bundle/read.ts';
import { writeBundle } from '../../archive/bundle/write.ts';
import { NotABundle, readEarlierBundle } from '../../renderer/src/bundle-manifest.ts';
import { zipFiles } from '../../renderer/src/zip-files.ts';
import { createTestArchive } from '../helpers/archive.ts';
import { FIXTURES, tempDir } from '../helpers/temp.ts';

const fileAt = (path: string) => new File([readFileSync(path)], 'earlier.bundle');

async function zip64(members: Record<string, string>): Promise<Blob> {
  const zip = new ZipFile();
  for (const [name, text] of Object.entries(members)) {
    zip.addBuffer(Buffer.from(text), name, { compress: true, forceZip64Format: true });
  }
  zip.end({ forceZip64Format: true, comment: '' });
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Blob([Buffer.concat(chunks)]);
}

describe("an earlier bundle's manifest, read in the page", () => {
  let bundle: string;

  before(async () => {
    const archive = await createTestArchive();
    await archive.importPaths([FIXTURES]);
    bundle = join(tempDir(), 'earlier.bundle');
    await writeBundle(archive.db, archive.searcher, {
      scope: { kind: 'all' },
      withLibrary: true,
      withImages: true,
      path: bundle,
    });
  });

  it('gives the same high-water mark the CLI reads for --since-bundle', async () => {
    const manifest = await readBundleManifest(bundle);
    assert.deepEqual(await readEarlierBundle(fileAt(bundle)), {
      highWater: manifest.highWater,
      createdAt: manifest.createdAt,
    });
  });

  it('reads a ZIP64 bundle (over 65,535 members or 4 GB)', async () => {
    const manifest = await readBundleManifest(bundle);
    const file = await zip64({ 'articles/a.json': '{}', 'manifest.json': JSON.stringify(manifest) });
    assert.equal((await readEarlierBundle(file)).highWater, manifest.highWater);
  });

  it('refuses a zip that is not a bundle, and a file that is not a zip', async () => {
    const notes = new Blob([zipFiles([{ fileName: 'notes.md', content: '# Notes' }])]);
    await assert.rejects(readEarlierBundle(notes), NotABundle);
    const other = new Blob([zipFiles([{ fileName: 'manifest.json', content: '{"format":"other"}' }])]);
    await assert.rejects(readEarlierBundle(other), /not an Archive Reader bundle/);
    await assert.rejects(readEarlierBundle(new Blob(['just text, no zip'])), /not a zip/);
  });
});
