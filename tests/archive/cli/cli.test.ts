import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../helpers/cli.ts';
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
  });
});
