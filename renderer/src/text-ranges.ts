/**
 * Offsets into an article's text, and how they fall on its paragraphs. The core stores highlights
 * and the reading position as [start, end) offsets into `article.text`; the reader shows the text
 * as paragraphs (the text split on blank lines). Pure functions, unit-tested under Node.
 */
import type { HighlightColor } from '../../archive/api/contract.ts';

export interface Paragraph {
  /** Offset of the paragraph's first character in the article's text. */
  start: number;
  end: number;
  text: string;
}

/** The text's paragraphs (split on "\n\n"), each trimmed, with its exact offsets in the text. */
export function paragraphSpans(text: string): Paragraph[] {
  const result: Paragraph[] = [];
  let cursor = 0;
  for (const part of text.split('\n\n')) {
    const start = cursor;
    cursor += part.length + 2;
    const trimmed = part.trim();
    if (!trimmed) continue;
    const lead = part.length - part.trimStart().length;
    result.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
  }
  return result;
}

/** The index of the paragraph holding an offset (or the next one after it); the last if past the end. */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): number {
  const index = paragraphs.findIndex((paragraph) => offset < paragraph.end);
  return index === -1 ? Math.max(0, paragraphs.length - 1) : index;
}

export interface RangeMark {
  start: number;
  end: number;
}

export interface HighlightMark extends RangeMark {
  id: number;
  color: HighlightColor;
  note: string | null;
}

export interface Piece {
  start: number;
  end: number;
  text: string;
  /** The highlight shown on this piece: the last one added, when several overlap. */
  highlight: HighlightMark | null;
  /** The index of the search hit covering this piece, if any. */
  hit: number | null;
}

/** A paragraph cut at every highlight and search hit boundary within it. */
export function paragraphPieces(
  paragraph: Paragraph,
  highlights: readonly HighlightMark[],
  hits: readonly RangeMark[],
): Piece[] {
  const inside = <T extends RangeMark>(mark: T) => mark.start < paragraph.end && mark.end > paragraph.start;
  const ownHighlights = highlights.filter(inside);
  const ownHits = hits.map((hit, index) => ({ ...hit, index })).filter(inside);
  const cuts = new Set([paragraph.start, paragraph.end]);
  for (const mark of [...ownHighlights, ...ownHits]) {
    cuts.add(Math.max(paragraph.start, mark.start));
    cuts.add(Math.min(paragraph.end, mark.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    const covers = (mark: RangeMark) => mark.start <= start && mark.end >= end;
    pieces.push({
      start,
      end,
      text: paragraph.text.slice(start - paragraph.start, end - paragraph.start),
      highlight: ownHighlights.findLast(covers) ?? null,
      hit: ownHits.find(covers)?.index ?? null,
    });
  }
  return pieces;
}

/** The word forms a search matched, as written in the texts: the highlighted parts of titles and snippets. */
export function matchedForms(
  items: readonly {
    title: string;
    titleHighlights: readonly (readonly [number, number])[];
    snippet: { text: string; highlights: readonly (readonly [number, number])[] };
  }[],
): string[] {
  const forms = new Set<string>();
  for (const item of items) {
    for (const [start, end] of item.titleHighlights) forms.add(item.title.slice(start, end));
    for (const [start, end] of item.snippet.highlights) forms.add(item.snippet.text.slice(start, end));
  }
  return [...forms].map((form) => form.trim()).filter((form) => form.length > 0);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where the forms occur in a text, as whole words and ignoring case, in text order. Longer forms win
 * where two start at the same place.
 */
export function findHits(text: string, forms: readonly string[]): RangeMark[] {
  const unique = [...new Set(forms.map((form) => form.toLocaleLowerCase()))].filter(Boolean);
  if (unique.length === 0) return [];
  unique.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${unique.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/**
 * Trims a selection's [start, end) to the text it covers: no surrounding white space, and within one
 * article. Null when nothing is left.
 */
export function trimRange(text: string, start: number, end: number): RangeMark | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  return to > from ? { start: from, end: to } : null;
}
