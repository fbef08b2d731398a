import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseHTML } from 'linkedom';
import { dispatch } from '../../../archive/api/dispatch.ts';
import type { MethodName, Output } from '../../../archive/api/contract.ts';
import { Library } from '../../../archive/library/library.ts';
import { createHandlers } from '../../../archive/service/handlers.ts';
import { EXPORT_CSP } from '../../../archive/export/html.ts';
import { ARTICLES, annotateFrench, createCitationArchive, type CitationArchive } from '../citations/fixtures.ts';

let archive: CitationArchive;

async function call<M extends MethodName>(method: M, args: Record<string, unknown>): Promise<Output<M>> {
  const envelope = await dispatch(createHandlers(archive.db), method, args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as Output<M>;
}

before(async () => {
  archive = await createCitationArchive();
  annotateFrench(archive);
  const library = new Library(archive.db);
  library.setTags(archive.ids.french, ['sahel', 'défense']);
  library.setTags(archive.ids.english, ['=HYPERLINK("http://evil.example")']);
  library.setBookmarked(archive.ids.english, true);
  library.setReadStatus(archive.ids.arabic, 'read');
});

describe('Markdown', () => {
  test('an article with its highlights (marked), their notes (footnotes) and its note', async () => {
    const file = await call('exportArticle', { id: archive.ids.french, format: 'md', locale: 'en' });
    assert.match(file.fileName, /^\d+-le-niger-et-la-russie-renforcent-leur-coopération-militaire\.md$/);
    assert.match(file.mimeType, /^text\/markdown/);
    const md = file.content;
    assert.match(md, /^---\ntitle: "Le Niger et la Russie renforcent leur coopération militaire"\n/);
    assert.match(md, /content_sha256: "[0-9a-f]{64}"/);
    assert.match(md, /Niamey a accueilli <mark>une délégation russe<\/mark>\[\^1\] pour intensifier/);
    assert.match(md, /<mark>défense antiaérienne<\/mark> à l’été/);
    assert.match(md, /^\[\^1\]: Qui conduisait la délégation \?$/m);
    assert.match(
      md,
      /## Highlights and notes\n\n- une délégation russe \*\(yellow\)\*\n\n {2}> Qui conduisait la délégation \?/,
    );
    // The reader's note is shown, its markup escaped as text.
    assert.match(md, /> À comparer avec l’accord de 2023 \\<script\\>alert\(1\)\\<\/script\\>/);
    assert.doesNotMatch(md, /<script>/);
  });

  test('in French', async () => {
    const { content } = await call('exportArticle', { id: archive.ids.french, format: 'md', locale: 'fr' });
    assert.match(content, /## Surlignages et notes/);
    assert.match(content, /Publié 5 mars 2024/);
  });
});

describe('standalone HTML', () => {
  test('no script, a strict CSP, highlights in <mark> with their notes, the note escaped', async () => {
    const file = await call('exportArticle', { id: archive.ids.french, format: 'html', locale: 'fr' });
    assert.match(file.mimeType, /^text\/html/);
    assert.match(file.fileName, /\.html$/);
    const html = file.content;
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no event handler attributes');
    const { document } = parseHTML(html);
    assert.equal(document.querySelectorAll('script').length, 0);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    assert.equal(csp?.getAttribute('content'), EXPORT_CSP);
    assert.match(EXPORT_CSP, /default-src 'none'/);
    assert.doesNotMatch(EXPORT_CSP, /script-src/);
    const marks = [...document.querySelectorAll('p > mark')];
    assert.deepEqual(
      marks.map((mark) => [mark.textContent, mark.className]),
      [
        ['une délégation russe', 'hl-yellow'],
        ['défense antiaérienne', 'hl-green'],
      ],
    );
    assert.equal(marks[0]?.nextElementSibling?.textContent, '1');
    assert.match(document.querySelector('#note-1')?.textContent ?? '', /Qui conduisait la délégation \?/);
    assert.match(document.querySelector('aside')?.textContent ?? '', /<script>alert\(1\)<\/script>/);
    assert.match(
      document.querySelector('footer')?.textContent ?? '',
      /Empreinte SHA-256 du contenu\u00a0: [0-9a-f]{64}/,
    );
    assert.equal(document.documentElement.getAttribute('lang'), 'fr');
  });

  test('an Arabic article is right to left, its file name keeps its letters', async () => {
    const file = await call('exportArticle', { id: archive.ids.arabic, format: 'html', locale: 'en' });
    assert.equal(file.fileName, `${archive.ids.arabic}-التعاون-العسكري-بين-النيجر-وروسيا.html`);
    const { document } = parseHTML(file.content);
    assert.equal(document.documentElement.getAttribute('dir'), 'rtl');
    assert.equal(document.querySelector('h1')?.textContent, ARTICLES.arabic.title);
    assert.match(file.content, /estimated from the text/);
  });

  test('a missing article is not_found', async () => {
    const envelope = await dispatch(createHandlers(archive.db), 'exportArticle', { id: 424242, format: 'html' });
    assert.equal(envelope.ok ? null : envelope.error.code, 'not_found');
  });
});

describe('library CSV', () => {
  test('parses back with every article and its metadata; formulas are defused', async () => {
    const file = await call('exportLibraryCsv', {});
    assert.equal(file.fileName, 'library.csv');
    assert.equal(file.count, 3);
    assert.ok(file.content.startsWith('\ufeff'), 'a byte order mark, for spreadsheets');
    const rows = parseCsv(file.content, { bom: true, columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 3);
    assert.deepEqual(Object.keys(rows[0] ?? {}), [
      'id',
      'title',
      'authors',
      'source',
      'url',
      'lang',
      'published',
      'estimated',
      'imported',
      ...(Object.keys(rows[0] ?? {}).includes('captured') ? ['captured'] : []),
      'words',
      'tags',
      'bookmarked',
      'read_status',
      'content_hash',
    ]);
    const byId = new Map(rows.map((row) => [Number(row.id), row]));
    const french = byId.get(archive.ids.french);
    const stored = archive.store.get(archive.ids.french);
    assert.equal(french?.title, ARTICLES.french.title);
    assert.equal(french?.authors, 'Amadou Diallo');
    assert.equal(french?.source, 'Le Sahel');
    assert.equal(french?.url, ARTICLES.french.url);
    assert.equal(french?.published, '2024-03-05');
    assert.equal(french?.estimated, 'false');
    assert.equal(french?.imported, '2026-11-20T09:30:00.000Z');
    assert.equal(french?.words, String(stored?.wordCount));
    assert.equal(french?.tags, 'défense; sahel');
    assert.equal(french?.content_hash, stored?.contentHash);
    const arabic = byId.get(archive.ids.arabic);
    assert.equal(arabic?.title, ARTICLES.arabic.title);
    assert.equal(arabic?.estimated, 'true');
    assert.equal(arabic?.read_status, 'read');
    const english = byId.get(archive.ids.english);
    assert.equal(english?.authors, 'Jane Smith; John Doe');
    assert.equal(english?.bookmarked, 'true');
    assert.equal(english?.tags, `'=HYPERLINK("http://evil.example")`);
  });

  test('a query exports its matches only', async () => {
    const file = await call('exportLibraryCsv', { query: 'lang:ar' });
    const rows = parseCsv(file.content, { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(
      rows.map((row) => row.title),
      [ARTICLES.arabic.title],
    );
  });
});

describe('notebook', () => {
  test('one Markdown file per annotated article, with its highlights and notes and without its text', async () => {
    const { files } = await call('exportNotebook', { locale: 'en' });
    assert.equal(files.length, 1);
    const [file] = files;
    assert.match(file?.fileName ?? '', /^\d+-le-niger-et-la-russie/);
    assert.match(file?.content ?? '', /- une délégation russe \*\(yellow\)\*\n\n {2}> Qui conduisait la délégation \?/);
    assert.match(file?.content ?? '', /- défense antiaérienne \*\(green\)\*/);
    assert.match(file?.content ?? '', /À comparer avec l’accord de 2023/);
    assert.doesNotMatch(file?.content ?? '', /Niamey a accueilli/);
  });

  test('the notebook as one file for a browser download: the same notes, without front matter', async () => {
    const { files } = await call('exportNotebook', { locale: 'en', single: true });
    assert.equal(files.length, 1);
    const [file] = files;
    assert.equal(file?.fileName, 'notebook.md');
    assert.match(file?.content ?? '', /^# Le Niger et la Russie/);
    assert.match(file?.content ?? '', /- défense antiaérienne \*\(green\)\*/);
    assert.match(file?.content ?? '', /À comparer avec l’accord de 2023/);
  });
});
