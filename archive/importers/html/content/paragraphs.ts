// Elements that start and end a line of text; everything else (a, em, span…) flows within one.
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
]);
// Elements whose text is not part of the article's prose.
const SILENT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME']);
const CELLS = new Set(['TD', 'TH']);

/** Whitespace collapsed (no-break spaces included), zero-width spaces dropped. */
export const normaliseSpace = (text: string) =>
  text
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The text of an element as paragraphs: one per block (p, li, h2, blockquote, a table row…),
 * with `<br>` ending a paragraph too, since many pages write theirs as lines of one `<div>`.
 */
export function paragraphsOf(root: Element): string[] {
  const paragraphs: string[] = [];
  let line = '';
  const flush = () => {
    const text = normaliseSpace(line);
    if (text) paragraphs.push(text);
    line = '';
  };
  const walk = (parent: Node) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        line += node.nodeValue ?? '';
        continue;
      }
      if (node.nodeType !== 1) continue;
      const tag = (node as Element).tagName.toUpperCase();
      if (SILENT.has(tag)) continue;
      if (tag === 'BR') flush();
      else if (CELLS.has(tag)) {
        line += ' ';
        walk(node);
        line += ' ';
      } else if (BLOCKS.has(tag)) {
        flush();
        walk(node);
        flush();
      } else walk(node);
    }
  };
  walk(root);
  flush();
  return paragraphs;
}
