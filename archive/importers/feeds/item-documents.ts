import { Parser } from 'htmlparser2';

/** A feed whose items have not begun by then is not read further: its opening is held whole. */
const MAX_OPENING_CHARS = 8 * 1024 * 1024;

const localName = (name: string) => name.replace(/^.*:/, '').toLowerCase();

/** What a feed's XML was cut into: one document per item, or the whole feed when it has none. */
export type FeedPiece = { kind: 'item'; xml: string } | { kind: 'no-items'; xml: string };

/**
 * Cuts a feed's XML, read chunk by chunk, into small documents of one item each, so that a feed of
 * 100,000 items is never held in memory: each is the feed's opening (the XML declaration, the root
 * element with its namespaces, the channel and its title) up to the first item, then the item, then
 * the closing tags of the elements still open around it. Each parses alone as a feed of one item,
 * and an item damaged beyond parsing damages no other. `itemName` is the item's element: `item`
 * (RSS, RDF) or `entry` (Atom), whatever its namespace prefix, as a child of the root or of the channel.
 * The cut is made by htmlparser2, which reads XML forgivingly: a stray `<` or an unclosed element in
 * one item is left for the item's own parse to report.
 */
export function* feedPieces(chunks: Iterable<string>, itemName: 'item' | 'entry'): Generator<FeedPiece> {
  // The text not yet cut, from `bufferStart` in the whole text on.
  let buffer = '';
  let bufferStart = 0;
  let written = 0;
  let opening: string | null = null;
  let itemStart = -1;
  let itemDepth = -1;
  let ending = false;
  const open: string[] = [];
  const found: string[] = [];
  const text = (from: number, to: number) => buffer.slice(from - bufferStart, to - bufferStart);

  const parser = new Parser(
    {
      onopentag(name) {
        if (itemStart < 0 && open.length <= 2 && localName(name) === itemName) {
          itemStart = parser.startIndex;
          itemDepth = open.length;
          opening ??= text(0, itemStart);
        }
        open.push(name);
      },
      onclosetag(name, implied) {
        open.pop();
        if (itemStart < 0 || open.length !== itemDepth) return;
        let item: string;
        if (ending) item = `${text(itemStart, written)}</${name}>`;
        else if (!implied || parser.startIndex === itemStart) item = text(itemStart, parser.endIndex + 1);
        // Closed by its parent's closing tag: the item ends where that tag begins.
        else item = `${text(itemStart, parser.startIndex)}</${name}>`;
        const closing = open
          .slice(0, itemDepth)
          .reverse()
          .map((element) => `</${element}>`)
          .join('');
        found.push(`${opening ?? ''}${item}${closing}`);
        itemStart = -1;
      },
    },
    { xmlMode: true },
  );

  let items = 0;
  for (const chunk of chunks) {
    buffer += chunk;
    written += chunk.length;
    parser.write(chunk);
    for (const xml of found) yield { kind: 'item', xml };
    items += found.length;
    found.length = 0;
    if (opening === null) {
      if (written > MAX_OPENING_CHARS) {
        throw new Error(`no <${itemName}> in the first ${MAX_OPENING_CHARS / 1048576} MB of the feed`);
      }
      continue;
    }
    // Everything before the item being read (or before the parser's last token) is done with.
    const keepFrom = itemStart >= 0 ? itemStart : Math.min(parser.endIndex + 1, written);
    buffer = buffer.slice(keepFrom - bufferStart);
    bufferStart = keepFrom;
  }
  ending = true;
  parser.end();
  for (const xml of found) yield { kind: 'item', xml };
  items += found.length;
  if (items === 0) yield { kind: 'no-items', xml: buffer };
}
