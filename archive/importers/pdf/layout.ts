/** A run of text as a PDF's text layer gives it: what pdf.js's `getTextContent` returns per item. */
export interface TextItem {
  str: string;
  /** [a, b, c, d, x, y]: the item's position (from the page's bottom left) and scale. */
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** One line of a page, its items joined. */
export interface Line {
  text: string;
  /** Left edge, baseline and right edge, in points. */
  x: number;
  y: number;
  right: number;
  /** Font size, in points. */
  size: number;
}

const fontSize = (item: TextItem) =>
  Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || item.height || Math.abs(item.transform[0] ?? 0) || 1;

/** The items of a page as lines: a line ends where the text layer says so or where the baseline moves. */
export function linesOf(items: readonly TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let endOfLine = false;
  for (const item of items) {
    const size = fontSize(item);
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    if (item.str.trim() === '') {
      // Spaces and empty items only mark where words and lines end.
      if (current && item.str !== '') current.text += ' ';
      endOfLine ||= item.hasEOL === true;
      continue;
    }
    const sameLine = current !== null && !endOfLine && Math.abs(y - current.y) < Math.max(size, current.size) * 0.4;
    if (current && sameLine) {
      const gap = x - current.right;
      if (gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)) current.text += ' ';
      current.text += item.str;
      current.right = Math.max(current.right, x + item.width);
      current.size = Math.max(current.size, size);
    } else {
      if (current) lines.push(current);
      current = { text: item.str, x, y, right: x + item.width, size };
    }
    endOfLine = item.hasEOL === true;
  }
  if (current) lines.push(current);
  return lines
    .map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }))
    .filter((line) => line.text !== '');
}

// "12", "- 12 -", "Page 12", "12 / 40", "page 3 sur 10", "xiv": what a page number line reads.
const PAGE_NUMBER =
  /^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–—]?\s*(?:\d+|[ivxlcdm]+)\s*[-–—]?(?:\s*(?:\/|of|sur|de|von)\s*\d+)?$/i;
/** How many lines at the top and at the bottom of a page may be running headers or footers. */
const EDGE_LINES = 2;

/** A line's text with its numbers blanked, so "Rapport 2024 — page 3" and "… page 4" compare equal. */
const edgeKey = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/**
 * The lines at the top and bottom of a page that may be running headers or footers: up to
 * `EDGE_LINES` each, and never more than a third of the page's lines, so that a short page keeps its
 * body (its lines are no header, however alike from page to page).
 */
function edgeLines(lines: readonly Line[]): { edges: Set<Line>; extremes: Set<Line> } {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  const count = Math.min(EDGE_LINES, Math.floor(lines.length / 3));
  return {
    edges: new Set([...byHeight.slice(0, count), ...byHeight.slice(byHeight.length - count)]),
    extremes: new Set(byHeight.length > 1 ? [byHeight[0] as Line, byHeight[byHeight.length - 1] as Line] : []),
  };
}

/**
 * The pages without their running headers and footers: page numbers at the top or bottom of a page,
 * and lines found at the top or bottom of most pages (numbers aside: "Rapport 2024 — 3").
 */
export function removeRunningLines(pages: readonly Line[][]): Line[][] {
  const zones = pages.map(edgeLines);
  const counts = new Map<string, number>();
  for (const { edges } of zones) {
    for (const key of new Set([...edges].map((line) => edgeKey(line.text))))
      counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.5));
  return pages.map((lines, i) => {
    const { edges, extremes } = zones[i] as ReturnType<typeof edgeLines>;
    const running = (line: Line) =>
      ((edges.has(line) || extremes.has(line)) && PAGE_NUMBER.test(line.text)) ||
      (edges.has(line) && (counts.get(edgeKey(line.text)) ?? 0) >= needed);
    return lines.filter((line) => !running(line));
  });
}

const SENTENCE_END = /[.!?:…»”"')\]]$/u;
// A list item's first line: a bullet or a number ("•", "–", "3.", "b)").
const LIST_ITEM = /^(?:[•◦▪‣●○■□–—*-]|\(?(?:\d{1,3}|[a-z])[.)])\s/u;
const STARTS_LOWER = /^\p{Ll}/u;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

function percentile(values: number[], share: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? null;
}

/** Two lines of one paragraph joined: a word hyphenated at the end of a line is made whole again. */
function join(paragraph: string, line: string): string {
  if (/\p{L}[-\u00ad]$/u.test(paragraph) && STARTS_LOWER.test(line)) return paragraph.slice(0, -1) + line;
  if (paragraph.endsWith('\u00ad')) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

/**
 * The text of the pages as paragraphs. A new paragraph starts after a gap larger than the usual
 * line spacing, at a change of font size (a heading), at an indented line, or after a short line
 * that ends a sentence; a paragraph goes on across a page break when its sentence does.
 */
export function paragraphsOf(pages: readonly Line[][]): string[] {
  const all = pages.flat();
  const bodySize = median(all.map((line) => line.size)) ?? 11;
  const spacing: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [prev, cur] = [lines[i - 1] as Line, lines[i] as Line];
      const gap = prev.y - cur.y;
      if (gap > 0 && Math.abs(prev.size - bodySize) < 0.5 && Math.abs(cur.size - bodySize) < 0.5) spacing.push(gap);
    }
  }
  const lineGap = median(spacing) ?? bodySize * 1.2;
  const fullWidth = percentile(
    all.filter((line) => Math.abs(line.size - bodySize) < 0.5).map((line) => line.right),
    0.8,
  );
  const shortOf = (line: Line) => fullWidth !== null && line.right < fullWidth - bodySize * 3;

  const paragraphs: string[] = [];
  let text = '';
  // Where the paragraph's first line starts: a list item's next lines hang indented under its text.
  let startX = 0;
  const flush = () => {
    if (text.trim()) paragraphs.push(text.trim());
    text = '';
  };
  pages.forEach((lines, pageIndex) => {
    lines.forEach((line, i) => {
      const prev = i > 0 ? (lines[i - 1] as Line) : null;
      let breaks: boolean;
      if (!prev) {
        // Across a page break (or at the start), a paragraph goes on only mid-sentence.
        breaks =
          pageIndex === 0 || SENTENCE_END.test(text) || !STARTS_LOWER.test(line.text) || LIST_ITEM.test(line.text);
      } else {
        const gap = prev.y - line.y;
        const sizeChange = Math.abs(line.size - prev.size) > Math.max(prev.size, line.size) * 0.15;
        const hanging = LIST_ITEM.test(text) && line.x > startX;
        const indented = line.x - prev.x > line.size * 0.8 && gap > 0 && !hanging;
        const wideGap = gap > lineGap * 1.45;
        // Back up the page: the next column; it goes on as across a page break.
        const newColumn = gap < -line.size;
        breaks =
          LIST_ITEM.test(line.text) ||
          sizeChange ||
          wideGap ||
          indented ||
          (newColumn && (SENTENCE_END.test(text) || !STARTS_LOWER.test(line.text))) ||
          (shortOf(prev) && SENTENCE_END.test(prev.text));
      }
      if (breaks) flush();
      if (!text) startX = line.x;
      text = text ? join(text, line.text) : line.text;
    });
  });
  flush();
  return paragraphs;
}

/** The first page's biggest text near its top, when it is bigger than the body text: the document's title. */
export function headingTitle(pages: readonly Line[][]): string | null {
  const first = pages[0] ?? [];
  const bodySize = median(pages.flat().map((line) => line.size)) ?? 0;
  const biggest = Math.max(0, ...first.map((line) => line.size));
  if (biggest < bodySize * 1.2) return null;
  const start = first.findIndex((line) => line.size === biggest);
  const parts: string[] = [];
  for (let i = start; i < first.length && first[i]?.size === biggest; i++) parts.push((first[i] as Line).text);
  const title = parts.join(' ').trim();
  return title.length > 0 && title.length <= 300 ? title : null;
}
