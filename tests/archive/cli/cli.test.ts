import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BIN, runCli } from '../../helpers/cli.ts';
import { FIXTURES, SHARED, fixture, tempArchivePath, tempDir } from '../../helpers/temp.ts';

interface JsonResult {
  id: number;
  title: string;
  score: number;
  snippet: string;
  sourcePath: string;
}

describe('archive-reader CLI', () => {
  const archive = tempArchivePath();
  const withArchive = (...args: string[]) => runCli([...args, '--archive', archive]);

  it('imports a folder and says what happened to each file', () => {
    const result = withArchive('import', FIXTURES);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /5 imported, 0 already in the archive, 1 skipped, 2 failed/);
    // Not UTF-8, but plainly Latin-1 French: its encoding is detected and it imports.
    assert.match(result.stdout, /imported +.*latin1\.txt/);
    const again = withArchive('import', FIXTURES, '--json');
    const report = JSON.parse(again.stdout);
    assert.equal(report.imported, 0);
    assert.equal(report.duplicates, 5);
  });

  it('lists every article as JSON', () => {
    const result = withArchive('list', '--json');
    assert.equal(result.status, 0, result.stderr);
    const articles = JSON.parse(result.stdout);
    assert.equal(articles.length, 5);
    const bamako = articles.find((a: { sourcePath: string }) => a.sourcePath === fixture('bamako-festival.txt'));
    assert.equal(bamako.lang, 'fr');
    assert.ok(bamako.importedAt);
  });

  it('searches, with highlighted snippets and the source file of each result', () => {
    const result = withArchive('search', 'coopérations', '--json');
    assert.equal(result.status, 0, result.stderr);
    const results: JsonResult[] = JSON.parse(result.stdout);
    const bamako = results.find((r) => r.sourcePath === fixture('bamako-festival.txt'));
    assert.ok(bamako);
    assert.match(bamako.snippet, /<mark>coopération<\/mark>/);
    assert.equal(typeof bamako.score, 'number');
  });

  it('prints readable results on a terminal-less stdout', () => {
    const result = withArchive('search', 'rural clinics');
    assert.match(result.stdout, /^1\. \[\d+\] Regional cooperation brings solar power to rural clinics/m);
    assert.match(result.stdout, /\*\*rural\*\* \*\*clinics\*\*/);
  });

  it('sorts, counts facets, continues with partial matches and suggests corrections', () => {
    // The festival's date is read from its text (12 janvier 2024); the undated article sorts by its import.
    const oldest = withArchive('search', 'niamey', '--sort', 'oldest', '--json');
    assert.equal(oldest.status, 0, oldest.stderr);
    assert.deepEqual(
      (JSON.parse(oldest.stdout) as JsonResult[]).map((r) => r.title.slice(0, 12)),
      ['À Bamako, le', 'Regional coo'],
    );
    const year = JSON.parse(withArchive('search', 'year:2024', '--json').stdout) as JsonResult[];
    assert.deepEqual(
      year.map((r) => r.title.slice(0, 12)),
      ['À Bamako, le'],
    );
    const partial = withArchive('search', 'festival solar', '--facets');
    assert.match(partial.stdout, /no more articles have every word; these have some of them/);
    assert.match(partial.stdout, /^languages: (en \(1\), fr \(1\)|fr \(1\), en \(1\))$/m);
    const misspelt = withArchive('search', 'festivl');
    assert.match(misspelt.stdout, /No articles match/);
    assert.match(misspelt.stderr, /Did you mean: festival/);
    const badSort = withArchive('search', 'x', '--sort', 'sideways');
    assert.equal(badSort.status, 2);
    assert.match(badSort.stderr, /--sort takes relevance, newest or oldest/);
  });

  it('answers one JSON line per query read from stdin', () => {
    const result = runCli(['search', '--stdin', '--limit', '1', '--archive', archive], {
      input: 'cooperation\nnothingmatchesthis\n\nrainfall\n',
    });
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(lines.length, 4);
    assert.equal(lines[0].length, 1);
    assert.deepEqual(lines[1], []);
    assert.deepEqual(lines[2], []);
    assert.equal(lines[3][0].title, 'Water reserves in the Sahel are falling');
  });

  it('shows one article with its full text', () => {
    const [first] = JSON.parse(withArchive('search', 'festival', '--json').stdout) as JsonResult[];
    const shown = JSON.parse(withArchive('show', String(first!.id), '--json').stdout);
    assert.equal(shown.title, first!.title);
    assert.match(shown.text, /L’armée a assuré la sécurité des concerts/);
    assert.doesNotMatch(shown.text, /Articles similaires|Bouton retour/);
    const human = withArchive('show', String(first!.id));
    assert.match(human.stdout, /^À Bamako/);
  });

  it('shows an article’s author, length, reading time, address, and whether its date is estimated', () => {
    const folder = tempDir();
    // 24 sentences of 19 words and a dated line of 8: 464 words, two minutes at the app's reading speed.
    const sentence =
      'The wells of the district were measured again this spring and most of them had fallen lower than before.';
    const paragraphs = Array.from({ length: 6 }, () => `<p>${Array(4).fill(sentence).join(' ')}</p>`);
    writeFileSync(
      join(folder, 'wells.html'),
      '<!doctype html><html lang="en"><head><title>The wells are falling</title>' +
        '<meta name="author" content="Aïcha Diallo">' +
        '<link rel="canonical" href="https://news.example/wells?utm_source=rss"></head><body><article>' +
        `<h1>The wells are falling</h1><p>Measured on 12 March 2024 by the council.</p>${paragraphs.join('')}` +
        '</article></body></html>',
    );
    const path = tempArchivePath();
    assert.equal(runCli(['import', folder, '--archive', path]).status, 0);
    const shown = runCli(['show', '1', '--archive', path]);
    assert.equal(shown.status, 0, shown.stderr);
    const [title, where, length, address] = shown.stdout.split('\n');
    assert.equal(title, 'The wells are falling');
    assert.equal(where, 'news.example · en · 2024-03-12 (estimated from the text)');
    assert.match(length!, /^by Aïcha Diallo · 464 words · 2 min read$/);
    assert.equal(address, 'https://news.example/wells');
  });

  it('explains errors on stderr with a non-zero exit code', () => {
    const missing = withArchive('show', '9999');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /There is no article 9999 in this archive/);
    const badId = withArchive('show', 'abc');
    assert.equal(badId.status, 2);
    assert.match(badId.stderr, /give the id of an article/);
    const noArchive = runCli(['search', 'x', '--archive', join(tempDir(), 'none.sqlite')]);
    assert.equal(noArchive.status, 2);
    assert.match(noArchive.stderr, /there is no archive at .* yet: import articles first/);
    const unknown = runCli(['frobnicate']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"/);
    const badLimit = withArchive('search', 'x', '--limit', 'many');
    assert.equal(badLimit.status, 2);
    assert.match(badLimit.stderr, /--limit takes a whole number/);
  });

  it('refuses a file that is not an archive, without changing it', () => {
    const result = runCli(['list', '--archive', fixture('solar-cooperation.txt')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /is not an Archive Reader archive/);
  });

  it('shows the copies an import linked to an article instead of storing them again', () => {
    const folder = tempDir();
    const body = [
      'The herders of the Aïr left for the southern pastures in early June, a month later than usual, after the wells of the plateau ran dry.',
      'They travel with their camels and goats along the old routes between the wells, and sell salt and dates in the markets on the way.',
      'Many now use phones to learn where rain has fallen, but the routes themselves have hardly changed in a century of travel.',
    ];
    writeFileSync(
      join(folder, 'a-herders.txt'),
      `Herders leave the Aïr for the southern pastures\n\n${body.join('\n\n')}\n`,
    );
    const copy = join(folder, 'b-copy.html');
    writeFileSync(
      copy,
      '<!doctype html><html lang="en"><head><title>Late departure for the herders of the Aïr</title>' +
        '<link rel="canonical" href="https://desert-wire.example/herders"><meta property="og:site_name" content="Desert Wire">' +
        `</head><body><article><h1>Late departure for the herders of the Aïr</h1>${body.map((p) => `<p>${p}</p>`).join('')}` +
        '</article></body></html>',
    );
    const copies = tempArchivePath();
    const imported = runCli(['import', folder, '--archive', copies]);
    assert.match(imported.stdout, /^near-duplicate +\S*b-copy\.html {2}near-duplicate of article 1/m);
    const again = JSON.parse(runCli(['import', copy, '--json', '--archive', copies]).stdout);
    assert.equal(again.nearDuplicates, 1, 'a re-import finds the copy again');

    const shown = runCli(['show', '1', '--archive', copies]);
    assert.equal(shown.status, 0, shown.stderr);
    assert.ok(
      shown.stdout.includes(
        `Other copies (1):\n  - Late departure for the herders of the Aïr  (Desert Wire · https://desert-wire.example/herders · ${copy})\n`,
      ),
      shown.stdout,
    );
    const json = JSON.parse(runCli(['show', '1', '--json', '--archive', copies]).stdout);
    assert.equal(json.title, 'Herders leave the Aïr for the southern pastures');
    assert.deepEqual(
      json.copies.map(({ importedAt: _at, ...rest }: { importedAt: string }) => rest),
      [
        {
          title: 'Late departure for the herders of the Aïr',
          url: 'https://desert-wire.example/herders',
          source: 'Desert Wire',
          sourcePath: copy,
          capturedAt: null,
        },
      ],
    );
  });

  it('stops quietly, with status 0, when the reader of its output stops reading (`| head`)', async () => {
    for (const command of [['report', '1'], ['show', '1'], ['list']]) {
      const child = spawn(process.execPath, [BIN, ...command, '--archive', archive], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // Closed before the first line is written, as `head -1` closes it after the first.
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((resolve) => child.on('close', resolve));
      assert.deepEqual([command.join(' '), code, stderr], [command.join(' '), 0, '']);
    }
  });

  it('uses the per-user archive when none is named', () => {
    const home = tempDir();
    const env = { XDG_CONFIG_HOME: home, ARCHIVE_READER_ARCHIVE: '' };
    assert.equal(runCli(['import', fixture('solar-cooperation.txt')], { env }).status, 0);
    assert.ok(existsSync(join(home, 'Archive Reader', 'archive.sqlite')));
    assert.equal(JSON.parse(runCli(['list', '--json'], { env }).stdout).length, 1);
  });
});

describe('the seed article', { skip: !existsSync(join(SHARED, 'seed')) && 'needs ../shared/seed' }, () => {
  it('is found first for "cooperation militaire", with both words highlighted', () => {
    const archive = tempArchivePath();
    assert.equal(runCli(['import', join(SHARED, 'seed'), '--archive', archive]).status, 0);
    const search = (query: string): JsonResult[] =>
      JSON.parse(runCli(['search', query, '--json', '--archive', archive]).stdout);
    const results = search('cooperation militaire');
    assert.equal(results[0]?.title, 'Le Niger et la Russie renforcent leur coopération militaire');
    assert.match(results[0]!.snippet, /<mark>coopération<\/mark> <mark>militaire<\/mark>/);
    for (const query of ['coopérations', 'COOPERATION', 'Niamey', "l'armée", 'armées', 'sécuritaires', 'Etats-Unis']) {
      assert.equal(search(query).length, 1, query);
    }
    const article = JSON.parse(runCli(['show', String(results[0]!.id), '--json', '--archive', archive]).stdout);
    assert.doesNotMatch(article.text, /Articles similaires|Bouton retour en haut de la page/);
    assert.match(article.text, /à leurs anciennes puissances coloniales\.$/);
    // Every day and month it writes out with a year, in the order it mentions them.
    assert.deepEqual(
      article.mentionedDates.map((mentioned: { date: string }) => mentioned.date),
      ['2024-04-10', '2024-03-26', '2024-03', '2024-01', '2023-12'],
    );
    const shown = runCli(['show', String(results[0]!.id), '--archive', archive]).stdout;
    assert.match(shown, /^Dates mentioned: 2024-04-10, 2024-03-26, 2024-03, 2024-01, 2023-12$/m);
  });
});
