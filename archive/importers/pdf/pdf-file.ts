import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import type { FileImporter, ImportedArticle, ImportedEntry } from '../file-importer.ts';
import { normaliseLang } from '../html/metadata/lang.ts';
import { headingTitle, linesOf, paragraphsOf, removeRunningLines, type Line, type TextItem } from './layout.ts';

const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Fewer letters than this in the whole text layer: there is no text layer to speak of. */
const MIN_TEXT_CHARACTERS = 20;

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** The PDF's own date ("D:20240315120000+01'00'") as an ISO date. */
export function pdfDate(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value.trim());
  if (!match) return null;
  const [, year, month = '01', day = '01'] = match;
  const date = `${year}-${month}-${day}`;
  return Number(year) >= 1980 && !Number.isNaN(Date.parse(date)) ? date : null;
}

// Titles that name the file or the program that made it, not the document.
const JUNK_TITLE =
  /^(?:untitled|sans titre|document\d*|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|odt|rtf|tex|dvi|indd|pptx?))$/i;

function metadataText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // Some tools write HTML into the metadata ("<b>Title</b><br>…").
  const text = value
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}

async function readMetadata(pdf: PdfDocument) {
  const { info, metadata } = await pdf.getMetadata().catch(() => ({ info: {}, metadata: null }));
  const fields = info as Record<string, unknown>;
  const xmp = (name: string) => metadataText(metadata?.get(name));
  const title = metadataText(fields['Title']) ?? xmp('dc:title');
  return {
    title: title && !JUNK_TITLE.test(title) ? title : null,
    author: metadataText(fields['Author']) ?? xmp('dc:creator'),
    lang: normaliseLang(metadataText(fields['Language'])),
    publishedAt: pdfDate(fields['CreationDate']) ?? pdfDate(xmp('xmp:createdate')?.replace(/-/g, '')),
  };
}

async function readPages(pdf: PdfDocument): Promise<Line[][]> {
  const pages: Line[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const items: TextItem[] = content.items.flatMap((item) => ('str' in item ? [item] : []));
    pages.push(linesOf(items));
    page.cleanup();
  }
  return pages;
}

function describeOpenError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException')
    return 'the PDF is protected by a password; open it with its password and save an unprotected copy to import it';
  if (name === 'InvalidPDFException') return `not a readable PDF (${message})`;
  return `the PDF could not be read (${message})`;
}

/**
 * Reads a PDF's text layer as one article: lines joined into paragraphs, running headers, footers
 * and page numbers left out; title, author, language and date from its metadata. A PDF with no
 * text layer (a scan) or locked by a password is reported as failed, with the reason.
 */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<ImportedEntry> {
  let pdf: PdfDocument;
  try {
    pdf = await getDocumentProxy(bytes, { verbosity: 0, stopAtErrors: false });
  } catch (error) {
    return { kind: 'failed', message: describeOpenError(error) };
  }
  try {
    const meta = await readMetadata(pdf);
    const pages = await readPages(pdf);
    const letters = pages.flat().reduce((count, line) => count + line.text.replace(/\s/g, '').length, 0);
    if (letters < MIN_TEXT_CHARACTERS) {
      return {
        kind: 'failed',
        message: `no text layer (scanned PDF?): its ${pdf.numPages === 1 ? 'page has' : `${pdf.numPages} pages have`} no text to read; run it through OCR first`,
      };
    }
    const body = removeRunningLines(pages);
    let paragraphs = paragraphsOf(body);
    const title =
      meta.title ?? headingTitle(body) ?? (paragraphs[0] && paragraphs[0].length <= 200 ? paragraphs[0] : null);
    const fallbackTitle = basename(fileName, extname(fileName));
    // The title as the page shows it is the title, not the first paragraph.
    if (title && paragraphs[0]?.toLowerCase() === title.toLowerCase() && paragraphs.length > 1)
      paragraphs = paragraphs.slice(1);
    const article: ImportedArticle = {
      title: title ?? fallbackTitle,
      paragraphs,
      author: meta.author,
      lang: meta.lang,
      publishedAt: meta.publishedAt,
    };
    return { kind: 'article', article };
  } catch (error) {
    return { kind: 'failed', message: describeOpenError(error) };
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/** PDF documents, one article each, from their text layer. */
export const pdfFileImporter: FileImporter = {
  name: 'PDF',
  extensions: ['.pdf'],
  async *read(path): AsyncIterable<ImportedEntry> {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      throw new Error(`the file is ${Math.round(size / 1048576)} MB; PDFs over 200 MB are not imported`);
    }
    yield await readPdf(new Uint8Array(readFileSync(path)), basename(path));
  },
};
