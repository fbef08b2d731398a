import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isPocketHtml, readPocketHtml } from '../../../../archive/importers/exports/pocket.ts';
import { createTestArchive } from '../../../helpers/archive.ts';
import { fixture, tempDir } from '../../../helpers/temp.ts';
import { EXPORT_FIXTURES } from './exports-helpers.ts';

// Pocket's HTML export as Pocket wrote it: tabs, its comment, Unread then Read Archive.
const RIL_EXPORT = `<!DOCTYPE html>
<html>
\t<!--So long and thanks for all the fish-->
\t<head>
\t\t<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
\t\t<title>Pocket Export</title>
\t</head>
\t<body>
\t\t<h1>Unread</h1>
\t\t<ul>
\t\t\t<li><a href="https://www.example.org/sahel/eau-2024" time_added="1712000000" tags="sahel,eau">L’eau se raréfie au Sahel</a></li>
\t\t\t<li><a href="https://news.example.com/niger-russia" time_added="1712010000" tags="">Niger and Russia strengthen ties</a></li>
\t\t</ul>
\t\t
\t\t<h1>Read Archive</h1>
\t\t<ul>
\t\t\t<li><a href="https://blog.example.net/bamako-festival" time_added="1711000000" tags="culture">https://blog.example.net/bamako-festival</a></li>
\t\t</ul>
\t</body>
</html>
`;

const REASON = /Pocket's export has only the link; the page itself was not saved/;

describe('Pocket exports', () => {
  it('reads the HTML export’s links with their tags and read state', () => {
    assert.equal(isPocketHtml(RIL_EXPORT), true);
    assert.deepEqual(readPocketHtml(RIL_EXPORT), [
      {
        title: 'L’eau se raréfie au Sahel',
        url: 'https://www.example.org/sahel/eau-2024',
        tags: ['sahel', 'eau'],
        status: 'unread',
      },
      {
        title: 'Niger and Russia strengthen ties',
        url: 'https://news.example.com/niger-russia',
        tags: [],
        status: 'unread',
      },
      {
        title: 'https://blog.example.net/bamako-festival',
        url: 'https://blog.example.net/bamako-festival',
        tags: ['culture'],
        status: 'archive',
      },
    ]);
  });

  it('reports every link of the HTML export as skipped with the reason, renamed or not, and stores nothing', async () => {
    const archive = await createTestArchive();
    const dir = tempDir();
    writeFileSync(join(dir, 'ril_export.html'), RIL_EXPORT);
    writeFileSync(join(dir, 'pocket-backup.htm'), RIL_EXPORT);
    const report = await archive.importPaths([dir]);
    assert.deepEqual([report.imported, report.skipped, report.failed], [0, 6, 0]);
    for (const item of report.items) assert.match(item.message!, REASON);
    const named = report.items.filter((item) => item.path.includes('ril_export.html#'));
    assert.deepEqual(
      named.map((item) => item.path.replace(/^.*#/, '')),
      ['item 1', 'item 2', 'item 3'],
    );
    assert.match(named[0]!.message!, /^"L’eau se raréfie au Sahel" \(https:\/\/www\.example\.org\/sahel\/eau-2024\)/);
    // A link whose title is its URL is named once.
    assert.match(named[2]!.message!, /^https:\/\/blog\.example\.net\/bamako-festival: /);
    assert.equal(archive.store.stats().articles, 0);
  });

  it('leaves any other web page to the web page importer', async () => {
    const archive = await createTestArchive();
    const report = await archive.importPaths([fixture('page.html')]);
    assert.equal(report.items.length, 1);
    assert.doesNotMatch(report.items[0]!.message ?? '', REASON);
  });

  it('reports every row of the CSV export as skipped, told from its header whatever the file’s name', async () => {
    const archive = await createTestArchive();
    const file = join(tempDir(), 'part_000000.csv');
    copyFileSync(join(EXPORT_FIXTURES, 'pocket-part_000000.csv'), file);
    const report = await archive.importPaths([file]);
    assert.deepEqual(
      report.items.map((item) => [item.path.replace(/^.*#/, ''), item.status]),
      [
        ['item 1', 'skipped'],
        ['item 2', 'skipped'],
      ],
    );
    assert.match(
      report.items[1]!.message!,
      /^"Niger, Russia: a new partnership" \(https:\/\/news\.example\.com\/niger-russia\): /,
    );
    assert.match(report.items[1]!.message!, REASON);
    assert.equal(archive.store.stats().articles, 0);
  });

  it('skips a CSV file that is nobody’s export, naming its columns', async () => {
    const archive = await createTestArchive();
    const file = join(tempDir(), 'budget.csv');
    writeFileSync(file, 'year,amount\n2024,12\n');
    const report = await archive.importPaths([file]);
    assert.equal(report.items[0]!.status, 'skipped');
    assert.match(report.items[0]!.message!, /not an export this app reads .*year, amount/);
  });

  it('names each page to save by its address without tracking parameters', async () => {
    const archive = await createTestArchive();
    const file = join(tempDir(), 'ril_export.html');
    writeFileSync(
      file,
      RIL_EXPORT.replace(
        'https://news.example.com/niger-russia',
        'https://news.example.com/niger-russia?utm_source=pocket_saves',
      ),
    );
    const report = await archive.importPaths([file]);
    assert.match(
      report.items[1]!.message!,
      /^"Niger and Russia strengthen ties" \(https:\/\/news\.example\.com\/niger-russia\): /,
    );
  });
});
