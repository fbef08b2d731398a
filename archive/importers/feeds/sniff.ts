/** The kind of document a file holds, told from its first bytes rather than its name. */
export type Sniffed =
  | { kind: 'rss' | 'rdf' | 'atom' | 'opml' }
  | { kind: 'json' }
  | { kind: 'other-xml'; root: string }
  | { kind: 'html' }
  | { kind: 'unknown' };

const SCAN = 64 * 1024;

/** The name of the root element of an XML document, past its prolog (declaration, comments, doctype). */
export function xmlRoot(text: string): string | null {
  let position = 0;
  const head = text.slice(0, SCAN);
  for (;;) {
    while (position < head.length && /\s/.test(head[position] ?? '')) position++;
    if (head.startsWith('<?', position)) {
      const end = head.indexOf('?>', position + 2);
      if (end === -1) return null;
      position = end + 2;
    } else if (head.startsWith('<!--', position)) {
      const end = head.indexOf('-->', position + 4);
      if (end === -1) return null;
      position = end + 3;
    } else if (head.slice(position, position + 9).toUpperCase() === '<!DOCTYPE') {
      // A doctype may hold an internal subset in brackets, with '>' inside it.
      let depth = 0;
      let end = position + 9;
      for (; end < head.length; end++) {
        const char = head[end];
        if (char === '[') depth++;
        else if (char === ']') depth--;
        else if (char === '>' && depth <= 0) break;
      }
      if (end >= head.length) return null;
      position = end + 1;
    } else break;
  }
  return /^<([A-Za-z_][\w.:-]*)/.exec(head.slice(position))?.[1] ?? null;
}

/** What a decoded text file holds: a feed format, OPML, a JSON document, other XML or HTML. */
export function sniff(text: string): Sniffed {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return { kind: 'json' };
  if (!start.startsWith('<')) return { kind: 'unknown' };
  const root = xmlRoot(start);
  if (!root) return { kind: 'unknown' };
  const local = root.toLowerCase().replace(/^.*:/, '');
  if (local === 'rss') return { kind: 'rss' };
  if (local === 'rdf') return { kind: 'rdf' };
  if (local === 'feed') return { kind: 'atom' };
  if (local === 'opml') return { kind: 'opml' };
  if (local === 'html' || local === 'head' || local === 'body') return { kind: 'html' };
  return { kind: 'other-xml', root };
}
