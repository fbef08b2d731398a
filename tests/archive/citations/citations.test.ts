import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Cite } from '@citation-js/core';
import { parseRIS as parseRis } from 'biblatex-csl-converter';
import { dispatch } from '../../../archive/api/dispatch.ts';
import { formatCitations } from '../../../archive/citations/cite.ts';
import { authorsOf } from '../../../archive/citations/csl-item.ts';
import { MAX_FORMATTED } from '../../../archive/export/exporter.ts';
import { createHandlers } from '../../../archive/service/handlers.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { ARTICLES, createCitationArchive, type CitationArchive } from './fixtures.ts';

/** What these tests read of a CSL-JSON item. */
interface CslData {
  title?: string;
  author?: { family?: string; given?: string; literal?: string }[];
  URL?: string;
  issued?: { 'date-parts': number[][]; circa?: boolean };
  accessed?: { 'date-parts': number[][] };
  'container-title'?: string;
  language?: string;
  note?: string;
}

let archive: CitationArchive;
let hashes: Record<'french' | 'arabic' | 'english', string>;

async function cite(args: Record<string, unknown>) {
  const envelope = await dispatch(createHandlers(archive.db), 'citeArticles', args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as { fileName: string; mimeType: string; content: string; count: number };
}

// French typography: a no-break space inside guillemets and in "s. d.".
const NBSP = '\u00a0';
const allIds = () => [archive.ids.french, archive.ids.arabic, archive.ids.english];

before(async () => {
  archive = await createCitationArchive();
  const hash = (id: number) => archive.store.get(id)?.contentHash ?? '';
  hashes = { french: hash(archive.ids.french), arabic: hash(archive.ids.arabic), english: hash(archive.ids.english) };
  assert.match(hashes.french, /^[0-9a-f]{64}$/);
});

describe('BibTeX', () => {
  test('parses back with a real BibTeX parser: titles (accents, Arabic), authors, URL, year, archived date and hash intact', async () => {
    const { content, count, fileName } = await cite({ ids: allIds(), format: 'bibtex' });
    assert.equal(count, 3);
    assert.equal(fileName, 'citations.bib');
    const parsed = parseBibtex(content);
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.entries.length, 3);
    const [french, arabic, english] = parsed.entries;
    assert.ok(french && arabic && english);

    assert.equal(french.key, 'Diallo2024Niger');
    assert.equal(french.fields.title, ARTICLES.french.title);
    assert.deepEqual(french.fields.author, [{ lastName: 'Diallo', firstName: 'Amadou' }]);
    assert.equal(french.fields.url, ARTICLES.french.url);
    assert.equal(french.fields.year, '2024');
    assert.deepEqual(french.fields.publisher, ['Le Sahel']);
    assert.match(String(french.fields.note), /Archived 2026-11-20/);
    assert.ok(String(french.fields.note).includes(hashes.french), 'the content hash is in the note, whole');

    assert.equal(arabic.fields.title, ARTICLES.arabic.title);
    assert.equal(arabic.fields.author, undefined, 'no author is made up in data for reference managers');
    assert.deepEqual(arabic.fields.publisher, ['الجزيرة']);
    assert.ok(String(arabic.fields.note).includes(hashes.arabic));
    assert.match(String(arabic.fields.note), /estimated from the text/);

    assert.deepEqual(english.fields.author, [
      { lastName: 'Smith', firstName: 'Jane' },
      { lastName: 'Doe', firstName: 'John' },
    ]);
  });

  test('one article gets a file named after it; French notes in French', async () => {
    const { content, fileName, count } = await cite({ ids: [archive.ids.french], format: 'bibtex', locale: 'fr' });
    assert.equal(count, 1);
    assert.match(fileName, /^\d+-le-niger-et-la-russie-renforcent-leur-coopération-militaire\.bib$/);
    const [entry] = parseBibtex(content).entries;
    assert.match(
      String(entry?.fields.note),
      /^Archivé le 2026-11-20 \(Archive Reader\)\. Empreinte SHA-256 du contenu/,
    );
  });
});

describe('RIS', () => {
  /** A parsed field's text: biblatex-csl-converter keeps rich text as a list of text nodes. */
  const text = (nodes: unknown): string =>
    Array.isArray(nodes)
      ? nodes.map((node) => (Array.isArray(node) ? text(node) : ((node as { text?: string }).text ?? ''))).join('')
      : String(nodes ?? '');
  /** The values of one tag in each record, read by the RIS grammar: `XY  - value`, records closed by `ER  - `. */
  const tagValues = (content: string, tag: string) =>
    content
      .split(/\r\nER {2}- ?\r\n/)
      .filter((record) => record.trim())
      .map((record) =>
        record
          .split('\r\n')
          .filter((line) => line.startsWith(`${tag}  - `))
          .map((line) => line.slice(6)),
      );

  test('parses back with an independent RIS parser: title, authors, URL, year, language, archived date and the whole hash', async () => {
    const { content, mimeType } = await cite({ ids: allIds(), format: 'ris' });
    assert.match(mimeType, /research-info-systems/);
    for (const line of content.split('\r\n').filter(Boolean)) assert.match(line, /^[A-Z][A-Z0-9] {2}- /);
    const parsed = parseRis(content);
    assert.deepEqual(parsed.errors, []);
    const [french, arabic, english] = Object.values(parsed.entries);
    assert.ok(french && arabic && english);
    assert.equal(Object.values(parsed.entries).length, 3);

    assert.equal(french.bib_type, 'online');
    assert.equal(text(french.fields.title), ARTICLES.french.title);
    assert.deepEqual(
      (french.fields.author as { family: unknown; given: unknown }[]).map((name) => [
        text(name.family),
        text(name.given),
      ]),
      [['Diallo', 'Amadou']],
    );
    assert.equal(french.fields.url, ARTICLES.french.url);
    assert.equal(french.fields.date, '2024');
    assert.equal(french.fields.langid, 'french');
    assert.match(text(french.fields.note), /^Archived 2026-11-20 \(Archive Reader\)\./);
    assert.ok(text(french.fields.note).includes(hashes.french), 'RIS lines are not broken inside the hash');

    assert.equal(text(arabic.fields.title), ARTICLES.arabic.title);
    assert.equal(arabic.fields.author, undefined, 'no author is made up');
    assert.ok(text(arabic.fields.note).includes(hashes.arabic));
    assert.match(text(arabic.fields.note), /estimated from the text/);
    assert.deepEqual(
      (english.fields.author as { family: unknown }[]).map((name) => text(name.family)),
      ['Smith', 'Doe'],
    );
    assert.ok(text(english.fields.note).includes(hashes.english));

    // The parser keeps only the year (PY) and has no access date for web pages: the full publication
    // date (DA) and the archived date (M1, where citation-js writes an ELEC's access date) are read
    // by the grammar, as RIS's YYYY/MM/DD/ dates.
    assert.deepEqual(tagValues(content, 'DA'), [['2024/3/5/'], ['2023/7/1/'], ['2024/7/6/']]);
    assert.deepEqual(tagValues(content, 'M1'), [['2026/11/20/'], ['2026/11/20/'], ['2026/11/20/']]);
  });
});

describe('CSL-JSON', () => {
  test('has the archived date as accessed, an estimated date as circa, and the hash in the note', async () => {
    const { content } = await cite({ ids: allIds(), format: 'csl-json' });
    const items = JSON.parse(content) as CslData[];
    const [french, arabic] = items;
    assert.deepEqual(french?.accessed, { 'date-parts': [[2026, 11, 20]] });
    assert.deepEqual(french?.issued, { 'date-parts': [[2024, 3, 5]] });
    assert.equal(french?.['container-title'], 'Le Sahel');
    assert.equal(french?.language, 'fr');
    assert.deepEqual(arabic?.issued, { 'date-parts': [[2023, 7, 1]], circa: true });
    assert.ok(String(arabic?.note).includes(hashes.arabic));
    // citation-js reads it as CSL-JSON too.
    assert.equal(new Cite(items).data.length, 3);
  });
});

describe('APA and Chicago', () => {
  test('APA in English and French', async () => {
    const en = (await cite({ ids: allIds(), format: 'apa', locale: 'en' })).content.trim().split('\n');
    assert.deepEqual(en, [
      `Diallo, A. (2024, March 5). ${ARTICLES.french.title}. Le Sahel. ${ARTICLES.french.url}`,
      `Smith, J., & Doe, J. (2024, July 6). ${ARTICLES.english.title}. Example News. ${ARTICLES.english.url}`,
      // No author: the site is the group author; an estimated date is "ca.".
      `الجزيرة. (ca. 2023, July 1). ${ARTICLES.arabic.title}. ${ARTICLES.arabic.url}`,
    ]);
    const fr = (await cite({ ids: allIds(), format: 'apa', locale: 'fr' })).content.trim().split('\n');
    assert.equal(fr[0], `Diallo, A. (2024, mars 5). ${ARTICLES.french.title}. Le Sahel. ${ARTICLES.french.url}`);
    assert.equal(
      fr[1],
      `Smith, J., & Doe, J. (2024, juillet 6). ${ARTICLES.english.title}. Example News. ${ARTICLES.english.url}`,
    );
    assert.equal(fr[2], `الجزيرة. (v. 2023, juillet 1). ${ARTICLES.arabic.title}. ${ARTICLES.arabic.url}`);
  });

  test('Chicago author-date in English and French; an estimated date is left out, with the archived date', async () => {
    const en = (await cite({ ids: allIds(), format: 'chicago', locale: 'en' })).content.trim().split('\n');
    assert.deepEqual(en, [
      `Diallo, Amadou. 2024. “${ARTICLES.french.title}.” Le Sahel. March 5, 2024. ${ARTICLES.french.url}.`,
      `Smith, Jane, and John Doe. 2024. “Sahel States Sign a New Defence Pact.” Example News. July 6, 2024. ${ARTICLES.english.url}.`,
      `الجزيرة. n.d. “${ARTICLES.arabic.title}.” Accessed November 20, 2026. ${ARTICLES.arabic.url}.`,
    ]);
    const fr = (await cite({ ids: allIds(), format: 'chicago', locale: 'fr' })).content.trim().split('\n');
    assert.deepEqual(fr, [
      `Diallo, Amadou. 2024. «${NBSP}${ARTICLES.french.title}${NBSP}». Le Sahel. 5 mars 2024. ${ARTICLES.french.url}.`,
      `Smith, Jane, et John Doe. 2024. «${NBSP}Sahel States Sign a New Defence Pact${NBSP}». Example News. 6 juillet 2024. ${ARTICLES.english.url}.`,
      `الجزيرة. s.${NBSP}d. «${NBSP}${ARTICLES.arabic.title}${NBSP}». Consulté le 20 novembre 2026. ${ARTICLES.arabic.url}.`,
    ]);
  });
});

describe('choosing the articles', () => {
  test('a query cites its matches only; an empty query cites every article', async () => {
    const matches = await cite({ query: 'coopération lang:fr', format: 'csl-json' });
    assert.deepEqual(
      (JSON.parse(matches.content) as { title: string }[]).map((item) => item.title),
      [ARTICLES.french.title],
    );
    assert.equal((await cite({ query: '', format: 'ris' })).count, 3);
  });

  test('a missing article is a not_found error, ids and query together are refused', async () => {
    const handlers = createHandlers(archive.db);
    const missing = await dispatch(handlers, 'citeArticles', { ids: [archive.ids.french, 9999], format: 'apa' });
    assert.equal(missing.ok ? null : missing.error.code, 'not_found');
    assert.match(missing.ok ? '' : missing.error.message, /9999/);
    const both = await dispatch(handlers, 'citeArticles', { ids: [1], query: 'x', format: 'apa' });
    assert.equal(both.ok ? null : both.error.code, 'invalid_argument');
    const badFormat = await dispatch(handlers, 'citeArticles', { ids: [1], format: 'mla' });
    assert.equal(badFormat.ok ? null : badFormat.error.code, 'invalid_argument');
  });

  test('two articles with the same key each keep a distinct one', async () => {
    const outcome = archive.store.add(
      // Another page (an article at the same address is the same article), same author, year and title.
      { ...ARTICLES.french, url: 'https://www.example.org/niger-suite', paragraphs: ['Un autre texte, autre jour.'] },
      '2026-11-21T00:00:00Z',
    );
    assert.equal(outcome.status, 'imported');
    const keys = parseBibtex(
      (await cite({ ids: [archive.ids.french, outcome.id], format: 'bibtex' })).content,
    ).entries.map((entry) => entry.key);
    assert.deepEqual(keys, [`Diallo2024Niger_${archive.ids.french}`, `Diallo2024Niger_${outcome.id}`]);
  });
});

describe('text from imported pages', () => {
  const hostile = {
    id: 7,
    title: 'R&D: 100% of $5 {budget} #1 in C_x \\ and } stray ~^',
    author: 'Jean-Pierre de la Fontaine; AFP',
    source: 'Le Monde & Co',
    url: 'https://e.example/a?b={1}&c=%20',
    lang: 'fr',
    publishedAt: '2024',
    publishedEstimated: false,
    importedAt: '2026-01-02T00:00:00Z',
    contentHash: 'f'.repeat(64),
    capturedAt: '2025-12-31T10:00:00Z',
  };

  test("TeX's special characters and a lone brace do not break the BibTeX file", () => {
    const parsed = parseBibtex(formatCitations([hostile, { ...hostile, id: 8, title: 'Second' }], 'bibtex', 'en'));
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(
      parsed.entries.map((entry) => entry.fields.title),
      [hostile.title, 'Second'],
    );
    assert.deepEqual(parsed.entries[0]?.fields.publisher, ['Le Monde & Co']);
    // The capture date, when the archive has one, is the archived date.
    assert.match(String(parsed.entries[0]?.fields.note), /^Archived 2025-12-31 /);
  });

  test('a byline becomes people, an agency stays an organisation, "Family, Given" stays one person', () => {
    assert.deepEqual(authorsOf('Jean-Pierre de la Fontaine; AFP'), [
      { given: 'Jean-Pierre', 'non-dropping-particle': 'de la', family: 'Fontaine' },
      { literal: 'AFP' },
    ]);
    assert.deepEqual(authorsOf('Diallo, Amadou'), [{ given: 'Amadou', family: 'Diallo' }]);
    assert.deepEqual(authorsOf('Amadou Diallo, Fatou Sow et Jean Dupont'), [
      { given: 'Amadou', family: 'Diallo' },
      { given: 'Fatou', family: 'Sow' },
      { given: 'Jean', family: 'Dupont' },
    ]);
    assert.deepEqual(authorsOf('  '), []);
  });
});

describe('long lists', () => {
  test('an APA list past 1,000 articles is refused with a message, never cut; BibTeX takes it', async () => {
    const big = await createTestArchive();
    const insert = big.db.prepare(
      `INSERT INTO articles (title, text, lang, imported_at, content_hash, word_count)
       VALUES (@title, 'text', 'en', '2026-11-20T00:00:00Z', @hash, 1)`,
    );
    big.db.transaction(() => {
      for (let i = 0; i <= MAX_FORMATTED; i++) insert.run({ title: `Report ${i}`, hash: String(i).padStart(64, '0') });
    })();
    const handlers = createHandlers(big.db);
    const refused = await dispatch(handlers, 'citeArticles', { query: '', format: 'apa' });
    assert.equal(refused.ok ? null : refused.error.code, 'invalid_argument');
    assert.match(refused.ok ? '' : refused.error.message, /at most 1,000 articles.*BibTeX, RIS or CSL-JSON/);
    const bibtex = await dispatch(handlers, 'citeArticles', { query: '', format: 'bibtex' });
    assert.equal(bibtex.ok && (bibtex.value as { count: number }).count, MAX_FORMATTED + 1);
  });
});
