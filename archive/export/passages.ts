import type { Highlight } from '../api/contract.ts';

/** A run of an article's text, inside one highlight or none. */
export interface Piece {
  text: string;
  highlight: Highlight | null;
}

/**
 * The article's paragraphs (its text split at blank lines, as the reader shows it), each as runs of
 * plain and highlighted text. A highlight across paragraphs is marked in each; where highlights
 * overlap, the earlier one keeps the overlapping text.
 */
export function paragraphsWithHighlights(text: string, highlights: readonly Highlight[]): Piece[][] {
  const sorted = [...highlights].sort((a, b) => a.start - b.start || a.end - b.end);
  const paragraphs: Piece[][] = [];
  const breaks = /\n\s*\n/g;
  let start = 0;
  for (;;) {
    const match = breaks.exec(text);
    const end = match ? match.index : text.length;
    if (end > start) paragraphs.push(piecesOf(text, start, end, sorted));
    if (!match) return paragraphs.filter((pieces) => pieces.some((piece) => piece.text.trim() !== ''));
    start = match.index + match[0].length;
  }
}

function piecesOf(text: string, start: number, end: number, highlights: readonly Highlight[]): Piece[] {
  const pieces: Piece[] = [];
  let cursor = start;
  for (const highlight of highlights) {
    const from = Math.max(highlight.start, cursor);
    const to = Math.min(highlight.end, end);
    if (to <= from) continue;
    if (from > cursor) pieces.push({ text: text.slice(cursor, from), highlight: null });
    pieces.push({ text: text.slice(from, to), highlight });
    cursor = to;
  }
  if (cursor < end) pieces.push({ text: text.slice(cursor, end), highlight: null });
  return pieces;
}

/** Highlights with a note, numbered from 1 in the order they appear in the text. */
export function noteNumbers(highlights: readonly Highlight[]): Map<number, number> {
  const numbered = [...highlights]
    .filter((highlight) => highlight.note?.trim())
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return new Map(numbered.map((highlight, index) => [highlight.id, index + 1]));
}
