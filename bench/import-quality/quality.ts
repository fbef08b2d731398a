import { decodeHtml } from '../../archive/importers/html/decode/decode-html.ts';
import type { Page, ReadabilityCase, TrafilaturaCase } from './corpora.ts';
import { collapseSpace, f1, shingleF1 } from './metrics.ts';
import { plainText } from './plain-text.ts';
import type { Extraction } from './systems.ts';

export type System = (page: Page) => Extraction | null;

/** The baseline reads the page decoded as our importer decodes it (or as UTF-8 where it refuses). */
export function decoded(page: Page): string {
  try {
    return decodeHtml(page.bytes);
  } catch {
    return new TextDecoder().decode(page.bytes);
  }
}

const SEPARATOR_BEFORE = /^\s+[|\-–—·•»:]{1,2}\s+\S/;
const SEPARATOR_AFTER = /\S\s+[|\-–—·•»:]{1,2}\s+$/;

/** Whether `title` is `expected` without a piece set off by a separator at its start or end. */
function lessSiteName(expected: string, title: string): boolean {
  if (!title) return false;
  if (expected.startsWith(title)) return SEPARATOR_BEFORE.test(expected.slice(title.length));
  if (expected.endsWith(title)) return SEPARATOR_AFTER.test(expected.slice(0, -title.length));
  return false;
}

export interface ReadabilityScores {
  pages: number;
  /** Share of pages whose title equals expected-metadata.json's, whitespace collapsed. */
  titleRate: number;
  /**
   * Share of pages whose title equals it or is it less a piece set off by a separator at either
   * end ("Title | Site" → "Title"): the site names we strip on purpose and Readability keeps.
   */
  titleRateSiteNameAside: number;
  /** Mean over pages of the 4-word-shingle F1 of the text against expected.html's. */
  textF1: number;
  titleMisses: { name: string; ours: string; expected: string }[];
  worstText: { name: string; f1: number }[];
}

export function scoreReadabilityCases(cases: readonly ReadabilityCase[], system: System): ReadabilityScores {
  let titles = 0;
  let titlesSiteNameAside = 0;
  let f1Sum = 0;
  const titleMisses: ReadabilityScores['titleMisses'] = [];
  const texts: { name: string; f1: number }[] = [];
  for (const page of cases) {
    const result = system(page);
    const title = collapseSpace(result?.title ?? '');
    const expected = collapseSpace(page.expectedTitle);
    if (title === expected) titles++;
    else titleMisses.push({ name: page.name, ours: title, expected });
    if (title === expected || lessSiteName(expected, title)) titlesSiteNameAside++;
    const score = shingleF1(result?.text ?? '', plainText(page.expectedHtml));
    f1Sum += score;
    texts.push({ name: page.name, f1: score });
  }
  return {
    pages: cases.length,
    titleRate: cases.length ? titles / cases.length : 0,
    titleRateSiteNameAside: cases.length ? titlesSiteNameAside / cases.length : 0,
    textF1: cases.length ? f1Sum / cases.length : 0,
    titleMisses,
    worstText: texts.sort((a, b) => a.f1 - b.f1).slice(0, 10),
  };
}

export interface SegmentScores {
  pages: number;
  segments: number;
  precision: number;
  recall: number;
  accuracy: number;
  f1: number;
}

/**
 * Trafilatura's evaluation: each "with" segment found in the whitespace-collapsed text is a true
 * positive (else a false negative), each "without" segment found a false positive (else a true
 * negative); the scores are over all segments of all pages.
 */
export function scoreTrafilaturaCases(cases: readonly TrafilaturaCase[], system: System): SegmentScores {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  for (const page of cases) {
    const text = collapseSpace(system(page)?.text ?? '');
    for (const segment of page.with) {
      if (text.includes(collapseSpace(segment))) tp++;
      else fn++;
    }
    for (const segment of page.without) {
      if (text.includes(collapseSpace(segment))) fp++;
      else tn++;
    }
  }
  const total = tp + fn + fp + tn;
  return { pages: cases.length, segments: total, ...f1(tp, fp, fn), accuracy: total ? (tp + tn) / total : 0 };
}
