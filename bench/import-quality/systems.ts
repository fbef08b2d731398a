import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../archive/importers/html/extract.ts';
import { readSavedPage } from '../../archive/importers/html/page/read-page.ts';
import { plainText } from './plain-text.ts';
import type { Page } from './corpora.ts';

/** What a system extracted from a page: its title and main text (null when it found no article). */
export interface Extraction {
  title: string;
  text: string;
}

/** Our whole HTML pipeline, as the importer runs it: decode, extract, read metadata, sanitise (no storing). */
export function ours(page: Page): Extraction | null {
  let saved;
  try {
    saved = readSavedPage(page.bytes, 'html');
  } catch {
    // A page the importer refuses (an undeclared, non-UTF-8 encoding) yields no article.
    return null;
  }
  const article = extractArticle(saved.html, { ...saved.options, url: page.url });
  return article && { title: article.title, text: article.paragraphs.join('\n') };
}

/** Readability on linkedom and nothing else, given the page already decoded, as the baseline. */
export function bareReadability(html: string): { title: string; content: string } | null {
  const { document } = parseHTML(html);
  const result = new Readability(document as unknown as Document).parse();
  return result && { title: result.title ?? '', content: result.content ?? '' };
}

/** The baseline's output read as text the way the reference texts are read, for comparing quality. */
export function bareReadabilityText(html: string): Extraction | null {
  const result = bareReadability(html);
  return result && { title: result.title, text: plainText(result.content) };
}
