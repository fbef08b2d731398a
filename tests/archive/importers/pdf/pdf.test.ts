import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ImportedEntry } from '../../../../archive/importers/file-importer.ts';
import { paragraphsOf, removeRunningLines, type Line } from '../../../../archive/importers/pdf/layout.ts';
import { readPdf } from '../../../../archive/importers/pdf/pdf-file.ts';
import { createTestArchive } from '../../../helpers/archive.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { makePdf, type PdfLine, type PdfSpec } from './make-pdf.ts';

/** Lines of body text from `top` down, 14 points apart, the first indented when asked. */
const lines = (texts: string[], top: number, indentFirst = false): PdfLine[] =>
  texts.map((text, i) => ({ text, x: 72 + (indentFirst && i === 0 ? 18 : 0), y: top - i * 14 }));

/** A page with the report's running header and its page number at the foot. */
const page = (number: number, body: PdfLine[]): PdfLine[] => [
  { text: 'Rapport sur le Sahel — édition 2024', x: 72, y: 800, size: 9 },
  ...body,
  { text: `- ${number} -`, x: 285, y: 40, size: 9 },
];

const REPORT: PdfSpec = {
  info: { Author: 'Aïcha Diallo', CreationDate: "D:20240315120000+01'00'" },
  pages: [
    page(1, [
      { text: 'L’eau au Sahel', x: 72, y: 740, size: 20 },
      ...lines(
        [
          'La coopération entre le Niger et ses voisins s’est ren-',
          'forcée cette année, selon les autorités de Niamey, qui',
          'ont publié un communiqué.',
        ],
        700,
      ),
      ...lines(
        [
          'Le deuxième paragraphe commence après un espace plus',
          'grand que l’interligne et se poursuit sur la page',
          'suivante au milieu de sa phrase',
        ],
        640,
      ),
    ]),
    page(2, [
      ...lines(['qui continue au début de la page deux.', 'Une phrase courte.'], 760),
      ...lines(
        ['Un paragraphe en retrait commence sans espace de plus', 'et continue sur une deuxième ligne.'],
        732,
        true,
      ),
    ]),
    page(3, lines(['La dernière page du rapport.'], 760)),
  ],
};

async function read(spec: PdfSpec, name = 'rapport.pdf'): Promise<ImportedEntry> {
  return readPdf(new Uint8Array(makePdf(spec)), name);
}

const articleOf = (entry: ImportedEntry) => {
  assert.equal(entry.kind, 'article', entry.kind === 'article' ? '' : entry.message);
  return (entry as Extract<ImportedEntry, { kind: 'article' }>).article;
};

describe('PDF documents', () => {
  it('rebuilds paragraphs from the text layer, without running headers and page numbers', async () => {
    const article = articleOf(await read(REPORT));
    assert.equal(article.title, 'L’eau au Sahel');
    assert.equal(article.author, 'Aïcha Diallo');
    assert.equal(article.publishedAt, '2024-03-15');
    assert.deepEqual(article.paragraphs, [
      // A word hyphenated at the end of a line is whole again.
      'La coopération entre le Niger et ses voisins s’est renforcée cette année, selon les autorités de Niamey, qui ont publié un communiqué.',
      // A sentence cut by a page break is one paragraph.
      'Le deuxième paragraphe commence après un espace plus grand que l’interligne et se poursuit sur la page suivante au milieu de sa phrase qui continue au début de la page deux.',
      'Une phrase courte.',
      'Un paragraphe en retrait commence sans espace de plus et continue sur une deuxième ligne.',
      'La dernière page du rapport.',
    ]);
  });

  it('takes the title from the metadata, unless it only names the file the PDF was made from', async () => {
    assert.equal(
      articleOf(await read({ ...REPORT, info: { Title: 'Rapport annuel 2024' } })).title,
      'Rapport annuel 2024',
    );
    const article = articleOf(await read({ ...REPORT, info: { Title: 'Microsoft Word - rapport_v3.docx' } }));
    assert.equal(article.title, 'L’eau au Sahel');
    // The title is not repeated as the first paragraph.
    assert.match(article.paragraphs[0]!, /^La coopération/);
  });

  it('reports a PDF without a text layer, a locked PDF and a broken one as failed, with the reason', async () => {
    const scanned = await read({ pages: [[], []] });
    assert.equal(scanned.kind, 'failed');
    assert.match((scanned as { message: string }).message, /^no text layer \(scanned PDF\?\)/);
    const locked = await read({ encrypted: true, pages: [lines(['Un texte secret.'], 700)] });
    assert.equal(locked.kind, 'failed');
    assert.match((locked as { message: string }).message, /protected by a password/);
    const broken = await readPdf(new Uint8Array(Buffer.from('%PDF-1.4\nnothing else')), 'broken.pdf');
    assert.equal(broken.kind, 'failed');
    assert.match((broken as { message: string }).message, /not a readable PDF/);
  });

  it('is stored through the registry, searchable by its text', async () => {
    const archive = await createTestArchive();
    const dir = tempDir();
    writeFileSync(join(dir, 'rapport.pdf'), makePdf(REPORT));
    writeFileSync(join(dir, 'scan.pdf'), makePdf({ pages: [[]] }));
    const report = await archive.importPaths([dir]);
    assert.deepEqual(
      report.items.map((item) => [item.path.split('/').pop(), item.status]),
      [
        ['rapport.pdf', 'imported'],
        ['scan.pdf', 'failed'],
      ],
    );
    const found = archive.searcher.search('renforcée', { limit: 10, offset: 0 }).results;
    assert.equal(found[0]?.title, 'L’eau au Sahel');
    assert.equal(archive.store.get(found[0]!.id)!.lang, 'fr');
  });
});

describe('running headers and footers', () => {
  const line = (text: string, y: number): Line => ({ text, x: 72, y, right: 300, size: 10 });

  it('leaves a line found at the top of one page only', () => {
    const pages = [
      [line('Introduction', 780), line('Texte de la page un.', 700)],
      [line('Texte de la page deux.', 780), line('Suite.', 700)],
      [line('Texte de la page trois.', 780), line('Fin.', 700)],
    ];
    assert.deepEqual(removeRunningLines(pages), pages);
  });

  it('removes page numbers in their usual forms, and headers that differ only by a number', () => {
    const pages = [1, 2, 3].map((n) => [
      line(`Rapport ${2020 + n} — chapitre ${n}`, 800),
      line(`Le texte ${n}.`, 700),
      line(`Page ${n} sur 3`, 40),
    ]);
    assert.deepEqual(
      removeRunningLines(pages).map((lines) => lines.map((l) => l.text)),
      [['Le texte 1.'], ['Le texte 2.'], ['Le texte 3.']],
    );
  });
});

describe('paragraphs of a page', () => {
  const at = (text: string, x: number, y: number): Line => ({ text, x, y, right: x + text.length * 5, size: 10 });

  it('makes each list item a paragraph, its next lines hanging under its text', () => {
    const page = [
      at('The main features of this library are:', 72, 700),
      at('• On-line structure management that does not require any code', 72, 688),
      at('generation at all.', 82, 676),
      at('• No limits for INTEGER values.', 72, 664),
      at('1) A numbered item.', 72, 652),
    ];
    assert.deepEqual(paragraphsOf([page]), [
      'The main features of this library are:',
      '• On-line structure management that does not require any code generation at all.',
      '• No limits for INTEGER values.',
      '1) A numbered item.',
    ]);
  });
});
