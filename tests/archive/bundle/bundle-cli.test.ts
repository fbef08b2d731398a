import assert from 'node:assert/strict';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LIBRARY_MEMBER, libraryMemberSchema } from '../../../archive/bundle/format.ts';
import { openBundle } from '../../../archive/bundle/read.ts';
import { openArchive } from '../../../archive/db/open.ts';
import { Library } from '../../../archive/library/library.ts';
import { runCli } from '../../helpers/cli.ts';
import { FIXTURES, tempArchivePath, tempDir } from '../../helpers/temp.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('archive-reader bundle', () => {
  const source = tempArchivePath();
  const target = tempArchivePath();
  const dir = tempDir();
  const file = join(dir, 'all.bundle');

  it('--dry-run prints the estimated size and writes nothing', () => {
    assert.equal(runCli(['import', FIXTURES, '--archive', source]).status, 0);
    const result = runCli(['bundle', file, '--dry-run', '--archive', source]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Estimated size: [\d.]+ KB \(5 article\(s\), 0 image\(s\), 0 library entries\)/);
    assert.equal(existsSync(file), false);
  });

  it('writes a bundle with progress, within the estimate’s margin, and the archive imports it', () => {
    const estimate = JSON.parse(runCli(['bundle', '--dry-run', '--json', '--archive', source]).stdout);
    const result = runCli(['bundle', file, '--with-library', '--json', '--archive', source]);
    assert.equal(result.status, 0, result.stderr);
    // Not a terminal: plain progress lines.
    assert.match(result.stderr, /5\/5 articles written \(100%\)/);
    const written = JSON.parse(result.stdout);
    assert.equal(written.articles, 5);
    assert.equal(written.bytes, statSync(file).size);
    assert.ok(Math.abs(estimate.estimatedBytes - written.bytes) / written.bytes < 0.1);

    const imported = runCli(['import', file, '--archive', target]);
    assert.equal(imported.status, 0, imported.stderr);
    assert.match(imported.stdout, /5 imported, 0 already in the archive/);
    const titles = (archive: string) =>
      (JSON.parse(runCli(['list', '--json', '--archive', archive]).stdout) as { title: string }[])
        .map((a) => a.title)
        .sort();
    assert.deepEqual(titles(target), titles(source));
  });

  it('a delta since the bundle is empty until something changes; wrong options are usage errors', () => {
    const delta = runCli(['bundle', '--since-bundle', file, '--dry-run', '--json', '--archive', source]);
    assert.equal(delta.status, 0, delta.stderr);
    assert.equal(JSON.parse(delta.stdout).articles, 0);

    const both = runCli(['bundle', join(dir, 'x.bundle'), '--tag', 'a', '--ids', '1', '--archive', source]);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /one of --collection, --tag, --query and --ids/);
    const noCollection = runCli(['bundle', join(dir, 'x.bundle'), '--collection', 'Nope', '--archive', source]);
    assert.equal(noCollection.status, 2);
    assert.match(noCollection.stderr, /no collection named "Nope"/);
    const badDate = runCli(['bundle', join(dir, 'x.bundle'), '--since', 'yesterday', '--archive', source]);
    assert.equal(badDate.status, 2);
    assert.match(badDate.stderr, /"yesterday" is not a date/);
  });

  it('--since a date holds exactly the articles imported after it, and the library of those changed after it', async () => {
    const archive = tempArchivePath();
    assert.equal(runCli(['import', FIXTURES, '--archive', archive]).status, 0);
    const before = (JSON.parse(runCli(['list', '--json', '--archive', archive]).stdout) as { id: number }[])[0];
    assert.ok(before);
    await wait(20);
    const since = new Date().toISOString();
    await wait(20);
    const fresh = tempDir();
    writeFileSync(
      join(fresh, 'wells.txt'),
      'New wells for Agadez\n\nThe town dug four new wells before the dry season, with help from the villages.\n',
    );
    writeFileSync(
      join(fresh, 'ferry.txt'),
      'A ferry crosses the river again\n\nThe ferry between the two banks of the Niger runs again after the floods, twice a day.\n',
    );
    assert.equal(runCli(['import', fresh, '--archive', archive]).status, 0);
    const { db } = await openArchive(archive);
    new Library(db).setTags(before.id, ['changed']);
    const changedHash = (
      db.prepare('SELECT content_hash FROM articles WHERE id = ?').get(before.id) as { content_hash: string }
    ).content_hash;
    db.close();

    const path = join(dir, 'since.bundle');
    const result = runCli(['bundle', path, '--since', since, '--with-library', '--json', '--archive', archive]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).since, since);

    const bundle = await openBundle(path);
    const titles = [];
    for (const name of Object.keys(bundle.manifest.members).filter((member) => member.startsWith('articles/'))) {
      titles.push((JSON.parse((await bundle.read(name)).toString('utf8')) as { title: string }).title);
    }
    const library = libraryMemberSchema.parse(JSON.parse((await bundle.read(LIBRARY_MEMBER)).toString('utf8')));
    bundle.close();
    assert.deepEqual(titles.sort(), ['A ferry crosses the river again', 'New wells for Agadez']);
    assert.deepEqual(
      library.entries.map((entry) => [entry.article, entry.tags]),
      [[changedHash, ['changed']]],
      'the older article travels as its library entry only',
    );
  });
});
