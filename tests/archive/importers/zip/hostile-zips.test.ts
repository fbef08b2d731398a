import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { writeBundle } from '../../../../archive/bundle/write.ts';
import { safeFileName } from '../../../../archive/importers/zip/entry-name.ts';
import { createZipImporter } from '../../../../archive/importers/zip/zip-file.ts';
import { createTestArchive } from '../../../helpers/archive.ts';
import { tempDir } from '../../../helpers/temp.ts';
import {
  BUNDLE_LIAR,
  BUNDLE_LIAR_DECLARES,
  BUNDLE_MISMATCH,
  HOSTILE_NAMES,
  LIAR_DECLARES,
  ZERO_RUN_MIB,
  bombZip,
  hostileBundle,
  hostileNamesReport,
  hostileNamesZip,
  refusedLine,
} from './hostile-zips.ts';
import { deflated, rawZip, zeroRun } from '../../../helpers/raw-zip.ts';
import { importInSandbox, type ImportedFile, type SandboxRun } from './sandbox.ts';

const bombs = bombZip();

/** Report lines without the file's own path: `entry: status title-or-message`. */
const lines = ({ items }: ImportedFile, file: string) =>
  items.map((item) => {
    const at = item.path.indexOf(`${file}#`);
    const position = at === -1 ? item.path : item.path.slice(at + file.length + 1);
    return `${position}: ${item.status} ${item.status === 'imported' ? item.title : item.message}`;
  });

const STORIES = [
  ['Harbour lights', 'The harbour lights were replaced with lamps that the fishermen can see from the reef.'],
  ['A school garden', 'Pupils planted beans and squash behind the school and sold the harvest at the market.'],
  ['The bridge vote', 'The town voted to rebuild the footbridge washed away by the spring flood.'],
];

describe('hostile zips, imported in a sandboxed child process', () => {
  let run: SandboxRun;
  const { ratio } = bombs;

  before(async () => {
    // A real bundle of three articles, made by the app, to which the hostile members are added.
    const source = await createTestArchive();
    const folder = tempDir();
    STORIES.forEach(([title, text], index) => writeFileSync(join(folder, `story-${index}.txt`), `${title}\n\n${text}`));
    await source.importPaths([folder]);
    const bundle = join(folder, 'stories.bundle');
    await writeBundle(source.db, source.searcher, {
      scope: { kind: 'all' },
      withLibrary: true,
      withImages: true,
      path: bundle,
    });
    run = await importInSandbox({
      'names.zip': hostileNamesZip(),
      'bombs.zip': bombs.bytes,
      'hostile.bundle': await hostileBundle(bundle),
    });
  });

  it(`refuses each of the ${HOSTILE_NAMES.length} hostile entry names with its reason, and imports the good entries beside them`, () => {
    assert.ok(HOSTILE_NAMES.length >= 25);
    assert.deepEqual(lines(run.files[0]!, 'names.zip'), hostileNamesReport());
  });

  it('refuses every zip bomb, stops nested zips at depth 2, and imports the entries around them', () => {
    const bomb = `failed refused: compressed ${ratio}:1 (over 200:1), as zip bombs are`;
    const depth = 'skipped a zip inside a zip 2 deep; zips nested deeper than 2 are not read';
    const report = lines(run.files[1]!, 'bombs.zip');
    const pastTheEnd = report.find((line) => line.startsWith('past-the-end.txt:'));
    assert.match(
      pastTheEnd ?? '',
      /^past-the-end.txt: failed the entry cannot be read: file data overflows file bounds/,
    );
    assert.deepEqual(report, [
      'before.txt: imported Before the bombs',
      `zeros.txt: ${bomb}`,
      `overlap-1.txt: ${bomb}`,
      `overlap-2.txt: ${bomb}`,
      `overlap-3.txt: ${bomb}`,
      `liar.txt: failed refused: it holds more than the ${LIAR_DECLARES} bytes its header declares, as zip bombs do`,
      'cut-short.txt: failed refused: it holds more than the 524288 bytes its header declares, as zip bombs do',
      'stored-liar.txt: failed refused: its header says 100 bytes stored in 21',
      'between.txt: imported Between the bombs',
      pastTheEnd,
      'nested.zip/inner-story.txt: imported A story one zip down',
      `nested.zip/zeros-inside.txt: ${bomb}`,
      ...[1, 2, 3, 4].map((i) => `nested.zip/layer3-${i}.zip: ${depth}`),
      `self.zip/self.zip: ${depth}`,
      'after.txt: imported After the bombs',
    ]);
  });

  it('a bundle refuses the same names and bombs, reads no member past its size, and imports its articles', () => {
    const report = lines(run.files[2]!, 'hostile.bundle');
    assert.deepEqual(report.slice(0, HOSTILE_NAMES.length + 1), [
      ...HOSTILE_NAMES.map(refusedLine),
      'media/zeros.png: failed refused: it holds 1 GB once extracted; entries over 512 MB are not imported',
    ]);
    const rest = report
      .slice(HOSTILE_NAMES.length + 1)
      .map((line) => line.replace(/^articles\/[0-9a-f]{64}\.json/, 'articles/<hash>.json'));
    assert.deepEqual(
      rest.sort(),
      [
        `${BUNDLE_LIAR}: failed it holds more than the ${BUNDLE_LIAR_DECLARES} bytes its header declares`,
        `${BUNDLE_MISMATCH}: failed it is damaged: its header says 102400 bytes, the manifest 50`,
        ...STORIES.map(([title]) => `articles/<hash>.json: imported ${title}`),
      ].sort(),
    );
  });

  it('writes 0 bytes outside its archive: the sandbox is as it was, and the temp folder empty', () => {
    const changed = [...new Set([...run.before.keys(), ...run.after.keys()])].filter(
      (path) => run.before.get(path) !== run.after.get(path),
    );
    assert.deepEqual(changed, []);
    assert.deepEqual(run.leftInTmp, []);
    // Where each name would have led, from the temp folder or the working folder, had it been used as a path.
    const from = [join(run.root, 'tmp', 'archive-reader-zip-x', '1'), join(run.root, 'cwd')];
    const escaped = HOSTILE_NAMES.flatMap(({ name, unicodePath }) =>
      from.map((dir) => resolve(dir, (unicodePath ?? name).normalize('NFKC').replace(/\\/g, '/'))),
    ).filter((path) => !path.startsWith(run.root) && existsSync(path));
    assert.deepEqual(escaped, []);
  });

  it('takes seconds, and never holds a run of zeros in memory, through the whole import', () => {
    const [names, bombed, bundle] = run.files as [ImportedFile, ImportedFile, ImportedFile];
    console.log(
      `hostile zips through the import, in a child: names ${names.milliseconds} ms, peak RSS ${names.maxRssMiB} MiB; ` +
        `bombs ${bombed.milliseconds} ms, peak RSS ${bombed.maxRssMiB} MiB, peak heap ${bombed.peakHeapMiB} MiB; ` +
        `bundle ${bundle.milliseconds} ms, peak RSS ${bundle.maxRssMiB} MiB, peak heap ${bundle.peakHeapMiB} MiB`,
    );
    assert.ok(bombed.milliseconds < 15_000, `bombs.zip took ${bombed.milliseconds} ms`);
    assert.ok(bundle.milliseconds < 15_000, `the bundle took ${bundle.milliseconds} ms`);
    // The process as a whole, extraction workers included (each started with every importer loaded,
    // a new pool for each file): what the bombs add on one thread is measured below.
    assert.ok(bundle.maxRssMiB < 1024, `the child held ${bundle.maxRssMiB} MiB`);
  });
});

describe('zip bombs, read by the zip importer on this thread', () => {
  it('are each refused within seconds, in memory that does not grow with what they hold', async () => {
    const dir = tempDir();
    const path = join(dir, 'bombs.zip');
    writeFileSync(path, bombs.bytes);
    const tempRoot = tempDir();
    // The importers a zip's entries are read with, loaded first: they are not the bombs' cost.
    await import('../../../../archive/importers/registry.ts');
    const times: string[] = [];
    const rssAtStart = process.memoryUsage().rss;
    let peakRss = rssAtStart;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
    const started = performance.now();
    let last = started;
    for await (const entry of createZipImporter({ tempRoot }).read(path)) {
      const now = performance.now();
      const took = now - last;
      last = now;
      times.push(`${entry.position} ${Math.round(took)} ms`);
      if (entry.kind !== 'article') assert.ok(took < 10_000, `${entry.position} took ${Math.round(took)} ms`);
    }
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const growth = (peakRss - rssAtStart) / 1024 ** 2;
    console.log(
      `zip bombs (${ZERO_RUN_MIB} MiB runs) read in ${Math.round(last - started)} ms, peak RSS +${Math.round(growth)} MiB; ` +
        `time to each entry's line: ${times.join(', ')}`,
    );
    // The lying entry alone streams 192 MiB of zeros through the importer.
    assert.ok(growth < 64, `RSS grew by ${Math.round(growth)} MiB`);
    assert.deepEqual(readdirSync(tempRoot), []);
  });
});

describe('lying headers and the zip budget', () => {
  it('charge only the bytes really read, so that they cannot starve the entries after them', async () => {
    const zeros = zeroRun(1);
    const path = join(tempDir(), 'liars.zip');
    writeFileSync(
      path,
      rawZip([
        // Two entries declaring 1 GiB each whose data runs past the end of the file: nothing is read.
        { ...zeros, name: 'past-1.txt', size: 1024 ** 3, compressedSize: 0x7fff_ffff },
        { ...zeros, name: 'past-2.txt', size: 1024 ** 3, compressedSize: 0x7fff_ffff },
        deflated('good.txt', 'After the liars\n\nThe budget is still there for this one.'),
      ]),
    );
    const positions: string[] = [];
    // Room for one liar's declared size and a few bytes: less than good.txt, were a liar charged.
    const importer = createZipImporter({ tempRoot: tempDir(), maxTotalBytes: 1024 ** 3 + 30 });
    for await (const entry of importer.read(path)) positions.push(`${entry.position}: ${entry.kind}`);
    assert.deepEqual(positions, ['past-1.txt: failed', 'past-2.txt: failed', 'good.txt: article']);
  });
});

describe('file names made from entry names', () => {
  it('are never Windows devices, never end with a dot or a space, and fit any file system', () => {
    for (const [name, safe] of [
      ['CON', '_CON'],
      ['docs/nul.txt', '_nul.txt'],
      ['Aux.tar.gz', '_Aux.tar.gz'],
      ['COM1.', '_COM1'],
      ['lpt9 .md', '_lpt9 .md'],
      ['console.txt', 'console.txt'],
      ['report.txt. . ', 'report.txt'],
      ['a/b/Report: 2024.html', 'Report_ 2024.html'],
    ]) {
      assert.equal(safeFileName(name!), safe, name);
    }
    const long = safeFileName(`${'日本語'.repeat(100)}.html`);
    assert.ok(Buffer.byteLength(long) <= 200 && long.endsWith('.html'), long);
  });
});
