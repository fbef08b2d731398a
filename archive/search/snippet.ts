import type { Snippet } from '../api/contract.ts';

export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

/**
 * Reads FTS5's highlight() of an analysed column (terms separated by spaces, hits wrapped in
 * HIT_START/HIT_END) and returns the positions of the terms it marked as hits.
 */
export function hitPositions(highlighted: string): number[] {
  const hits: number[] = [];
  if (highlighted === '') return hits;
  let inHit = false;
  highlighted.split(' ').forEach((term, position) => {
    if (term.includes(HIT_START)) inHit = true;
    if (inHit) hits.push(position);
    if (term.includes(HIT_END)) inHit = false;
  });
  return hits;
}

/** Character ranges of the original text for the hit terms, through the stored term offsets. */
export function hitRanges(hits: readonly number[], offsets: Uint32Array): [number, number][] {
  const ranges: [number, number][] = [];
  for (const position of hits) {
    const start = offsets[position * 2];
    const end = offsets[position * 2 + 1];
    if (start !== undefined && end !== undefined) ranges.push([start, end]);
  }
  return ranges;
}

const SNIPPET_LENGTH = 240;
const LEAD_IN = 60;
const ELLIPSIS = '…';

function wordStartAtOrBefore(text: string, index: number): number {
  let i = Math.max(0, index);
  while (i > 0 && /\S/.test(text[i - 1] ?? '')) i--;
  return i;
}

function wordEndAtOrAfter(text: string, index: number): number {
  let i = Math.min(text.length, index);
  while (i < text.length && /\S/.test(text[i] ?? '')) i++;
  return i;
}

/**
 * The passage of `text` with the most distinct matched words in SNIPPET_LENGTH characters,
 * starting at a sentence when one begins shortly before the first hit.
 */
export function buildSnippet(text: string, ranges: readonly [number, number][]): Snippet {
  if (ranges.length === 0) {
    const paragraphEnd = text.indexOf('\n');
    const lead = paragraphEnd === -1 ? text : text.slice(0, paragraphEnd);
    const end = lead.length <= SNIPPET_LENGTH ? lead.length : wordStartAtOrBefore(lead, SNIPPET_LENGTH);
    const cut = end < lead.length;
    return { text: lead.slice(0, end).trimEnd() + (cut ? ELLIPSIS : ''), highlights: [] };
  }
  let bestStart = 0;
  let bestScore = -1;
  for (let i = 0; i < ranges.length; i++) {
    const windowStart = (ranges[i] as [number, number])[0];
    const words = new Set<string>();
    let count = 0;
    for (
      let j = i;
      j < ranges.length && (ranges[j] as [number, number])[1] <= windowStart + SNIPPET_LENGTH - LEAD_IN;
      j++
    ) {
      const [s, e] = ranges[j] as [number, number];
      words.add(text.slice(s, e).toLowerCase());
      count++;
    }
    const score = words.size * 100 + count;
    if (score > bestScore) {
      bestScore = score;
      bestStart = windowStart;
    }
  }

  // Stay within the paragraphs that hold the chosen hits.
  const paragraphStart = text.lastIndexOf('\n', bestStart) + 1;
  const sentenceEnd = text.lastIndexOf('. ', bestStart);
  const sentenceStart = Math.max(sentenceEnd === -1 ? 0 : sentenceEnd + 2, paragraphStart);
  let start = bestStart - sentenceStart <= LEAD_IN ? sentenceStart : wordStartAtOrBefore(text, bestStart - LEAD_IN / 2);
  start = Math.max(start, paragraphStart);
  let end = wordEndAtOrAfter(text, start + SNIPPET_LENGTH);
  if (end - start > SNIPPET_LENGTH + 40) end = wordStartAtOrBefore(text, start + SNIPPET_LENGTH);
  const lastHitEnd = Math.max(...ranges.filter(([s]) => s < end).map(([, e]) => e), bestStart);
  const paragraphEnd = text.indexOf('\n', lastHitEnd);
  if (paragraphEnd !== -1 && paragraphEnd < end) end = paragraphEnd;
  if (end <= bestStart) end = wordEndAtOrAfter(text, bestStart + 1);

  const prefix = start > paragraphStart ? ELLIPSIS : '';
  const suffix = end < text.length && text[end] !== '\n' ? ELLIPSIS : '';
  const passage = text.slice(start, end).replace(/\s+$/, '').replace(/\n/g, ' ');
  const highlights: [number, number][] = [];
  for (const [s, e] of ranges) {
    if (s >= start && e <= start + passage.length)
      highlights.push([s - start + prefix.length, e - start + prefix.length]);
  }
  return { text: prefix + passage + suffix, highlights };
}
