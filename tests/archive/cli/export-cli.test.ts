import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/temp.ts';
import { ARTICLES, annotateFrench, createCitationArchive } from '../citations/fixtures.ts';

let path: string;
let ids: { french: number; arabic: number; english: number };

before(async () => {
  const archive = await createCitationArchive();
  annotateFrench(archive);
  archive.db.close();
  path = archive.path;
  ids = archive.ids;
});

const cli = (...args: string[]) => runCli([...args, '--archive', path]);

describe('archive-reader cite', () => {
  test('BibTeX by default, for the ids given', () => {
    const result = cli('cite', String(ids.french), String(ids.arabic));
    assert.equal(result.status, 0, result.stderr);
    const { entries, errors } = parseBibtex(result.stdout);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      entries.map((entry) => entry.fields.title),
      [ARTICLES.french.title, ARTICLES.arabic.title],
    );
  });

  test('--query with --format chicago --locale fr, into a file', () => {
    const file = join(tempDir(), 'refs.txt');
    const result = cli('cite', '--query', 'lang:fr', '--format', 'chicago', '--locale', 'fr', '--to', file);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      readFileSync(file, 'utf8').trim(),
      `Diallo, Amadou. 2024. «\u00a0${ARTICLES.french.title}\u00a0». Le Sahel. 5 mars 2024. ${ARTICLES.french.url}.`,
    );
  });

  test('APA in English', () => {
    const result = cli('cite', String(ids.english), '--format', 'apa');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      `Smith, J., & Doe, J. (2024, July 6). ${ARTICLES.english.title}. Example News. ${ARTICLES.english.url}\n`,
    );
  });

  test('bad usage exits 2 with a message; a missing article too', () => {
    const badFormat = cli('cite', '1', '--format', 'mla');
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /--format takes bibtex, ris, csl-json, apa or chicago, not "mla"/);
    const nothing = cli('cite');
    assert.equal(nothing.status, 2);
    assert.match(nothing.stderr, /give the ids of the articles to cite, or --query/);
    const missing = cli('cite', '999');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /There is no article 999 in this archive/);
  });
});

describe('archive-reader export', () => {
  test('an article as HTML into a file, as Markdown on stdout', () => {
    const file = join(tempDir(), 'article.html');
    const html = cli('export', String(ids.french), '--format', 'html', '--to', file);
    assert.equal(html.status, 0, html.stderr);
    const content = readFileSync(file, 'utf8');
    assert.match(content, /<meta http-equiv="Content-Security-Policy"/);
    assert.match(content, /<mark class="hl-yellow"[^>]*>une délégation russe<\/mark>/);
    assert.doesNotMatch(content, /<script/);

    const md = cli('export', String(ids.french), '--format', 'md');
    assert.equal(md.status, 0, md.stderr);
    assert.match(md.stdout, /<mark>une délégation russe<\/mark>\[\^1\]/);
    assert.equal(cli('export', String(ids.french), '--format', 'pdf').status, 2);
  });

  test('export-notes writes one Markdown file per annotated article, with a progress line', () => {
    const folder = join(tempDir(), 'notes');
    const result = cli('export-notes', '--to', folder, '--locale', 'fr');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Articles with notes: 1 of 1/);
    const files = readdirSync(folder);
    assert.equal(files.length, 1);
    assert.match(readFileSync(join(folder, files[0] ?? ''), 'utf8'), /## Surlignages et notes/);
    assert.equal(cli('export-notes').status, 2);
  });

  test('export-csv writes every article, with progress lines', () => {
    const file = join(tempDir(), 'library.csv');
    const result = cli('export-csv', '--to', file);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Articles: 3 of 3/);
    assert.ok(existsSync(file));
    const rows = parseCsv(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((row) => row.title).sort(),
      [ARTICLES.french.title, ARTICLES.arabic.title, ARTICLES.english.title].sort(),
    );
  });

  test('the help lists the commands', () => {
    const help = runCli(['--help']);
    for (const command of [
      'cite <ids...> | --query Q',
      'export <id> --format md|html',
      'export-notes --to DIR',
      'export-csv',
    ]) {
      assert.ok(help.stdout.includes(command), command);
    }
  });
});
