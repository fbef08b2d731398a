import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { tempDir } from '../../../helpers/temp.ts';
import { writeEpub } from '../../importers/epub/make-epub.ts';
import { makePdf } from '../../importers/pdf/make-pdf.ts';
import type { FuzzCase, ReadTarget } from '../fuzz-read-harness.ts';
import { byRegistry, mutatedSeeds, noise } from './mutations.ts';

const SENTENCE = 'The river rose two metres in a week, and the fields along its banks were flooded.';

function pdfSeed(title: string): Buffer {
  const lines = (page: number) =>
    Array.from({ length: 12 }, (_, i) => ({ text: `${SENTENCE} ${page}.${i}`, x: 72, y: 720 - i * 16 }));
  return makePdf({
    pages: [[{ text: title, x: 72, y: 760, size: 18 }, ...lines(1)], lines(2), []],
    info: { Title: title },
  });
}

async function epubSeed(title: string): Promise<Buffer> {
  const path = join(tempDir('archive-reader-fuzz-epub-'), 'book.epub');
  await writeEpub(path, {
    title,
    creators: ['Aminata Diallo'],
    language: 'en',
    chapters: [
      { file: 'one.xhtml', body: `<h1>One</h1><p>${SENTENCE}</p><p>${SENTENCE}</p>` },
      { file: 'two.xhtml', body: `<h1>Two</h1><p>${SENTENCE}</p><img src="../cover.png"/>` },
    ],
  });
  return readFileSync(path);
}

/**
 * PDF and EPUB: byte mutations (cuts, changed and inserted bytes, repeated runs) of generated
 * documents, noise, and untouched documents between them that must still import.
 */
async function cases(): Promise<fc.Arbitrary<FuzzCase>> {
  const seeds = [
    { name: 'report.pdf', bytes: pdfSeed('Seed report'), extension: '.pdf' },
    { name: 'book.epub', bytes: await epubSeed('Seed book'), extension: '.epub' },
  ];
  const control = [
    { bytes: pdfSeed('First report'), extension: '.pdf', mustImport: ['First report'], label: 'untouched PDF' },
    { bytes: await epubSeed('First book'), extension: '.epub', mustImport: ['First book'], label: 'untouched EPUB' },
  ];
  return fc.oneof(
    { weight: 8, arbitrary: mutatedSeeds(seeds) },
    { weight: 1, arbitrary: fc.oneof(noise('.pdf'), noise('.epub')) },
    { weight: 1, arbitrary: fc.constantFrom(...control) },
  );
}

export const documentsTarget: ReadTarget = {
  name: 'PDF, EPUB',
  importer: byRegistry('documents', ['.pdf', '.epub']),
  cases,
};
