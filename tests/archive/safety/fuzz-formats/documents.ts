import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { tempDir } from '../../../helpers/temp.ts';
import { writeEpub } from '../../importers/epub/make-epub.ts';
import { makePdf } from '../../importers/pdf/make-pdf.ts';
import type { ReadTarget } from '../fuzz-read-harness.ts';
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
 * PDF, and EPUB, each on its own: byte mutations (cuts, changed and inserted bytes, repeated runs)
 * of generated documents, noise, and untouched documents between them that must still import.
 */
function target(name: string, extension: string, build: (title: string) => Promise<Buffer> | Buffer): ReadTarget {
  return {
    name,
    importer: byRegistry(name, [extension]),
    async cases() {
      const seed = { name: `seed${extension}`, bytes: await build('Seed document'), extension };
      const control = {
        bytes: await build('First document'),
        extension,
        mustImport: ['First document'],
        label: `untouched ${name}`,
      };
      return fc.oneof(
        { weight: 8, arbitrary: mutatedSeeds([seed]) },
        { weight: 1, arbitrary: noise(extension) },
        { weight: 1, arbitrary: fc.constant(control) },
      );
    },
  };
}

export const pdfTarget = target('PDF', '.pdf', pdfSeed);
export const epubTarget = target('EPUB', '.epub', epubSeed);
