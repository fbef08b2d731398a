import { parseHTML } from 'linkedom';

// Elements whose edges separate words; the rest (a, em, span…) join their text to their neighbours'.
const INLINE = new Set(
  'A ABBR B BDI BDO CITE CODE DATA DFN EM FONT I KBD MARK Q S SAMP SMALL SPAN STRONG SUB SUP TIME U VAR WBR'.split(' '),
);

/**
 * The text of an HTML fragment, words separated wherever the markup puts a block or a line
 * between them. A reference reading, independent of the importer's own paragraph splitting.
 */
export function plainText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (parent: Node) => {
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
      else if (node.nodeType === 1) {
        const tag = (node as Element).tagName.toUpperCase();
        if (tag === 'SCRIPT' || tag === 'STYLE') continue;
        const block = !INLINE.has(tag);
        if (block) parts.push(' ');
        walk(node);
        if (block) parts.push(' ');
      }
    }
  };
  walk(document.body as unknown as Node);
  return parts.join('');
}
