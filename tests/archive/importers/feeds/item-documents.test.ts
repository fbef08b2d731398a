import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAtomFeed, parseRdfFeed, parseRssFeed } from 'feedsmith';
import { feedPieces, type FeedPiece } from '../../../../archive/importers/feeds/item-documents.ts';

/** The text cut into chunks of `size` characters, as a file is read. */
const chunked = (text: string, size: number) =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, index) => text.slice(index * size, (index + 1) * size));
const pieces = (text: string, name: 'item' | 'entry', size = text.length) => [...feedPieces(chunked(text, size), name)];
const titles = (found: FeedPiece[]) => found.map((piece) => parseRssFeed(piece.xml).items?.[0]?.title);

const RSS = `<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Le fil</title>
<!-- <item><title>a comment</title></item> -->
<item><title>Un</title><description><![CDATA[<p>x</item></p>]]></description><dc:creator>A</dc:creator></item>
<item><title>Deux &amp; trois</title></item>
<image><title>not an item</title></image>
<item><title>Quatre</title></channel></rss>`;

describe('feedPieces', () => {
  it('cuts an RSS feed into items that parse alone, with the feed around each', () => {
    const found = pieces(RSS, 'item');
    assert.deepEqual(titles(found), ['Un', 'Deux & trois', 'Quatre']);
    const first = parseRssFeed(found[0]!.xml);
    assert.equal(first.title, 'Le fil');
    assert.deepEqual(first.items?.[0]?.dc?.creators, ['A'], 'namespaces declared on the root still apply');
    assert.equal(first.items?.[0]?.description, '<p>x</item></p>', 'CDATA is not cut');
  });

  it('cuts the same wherever the chunks end', () => {
    const whole = pieces(RSS, 'item').map((piece) => piece.xml);
    for (const size of [1, 2, 3, 7, 64]) {
      assert.deepEqual(
        pieces(RSS, 'item', size).map((piece) => piece.xml),
        whole,
        `chunks of ${size}`,
      );
    }
  });

  it('cuts Atom entries and RDF items, and keeps a self-closing item', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>One</title></entry><entry><title>Two</title></entry></feed>`;
    assert.deepEqual(
      pieces(atom, 'entry').map((piece) => parseAtomFeed(piece.xml).entries?.[0]?.title?.value),
      ['One', 'Two'],
    );
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>R</title><link>https://r.example/</link><items><rdf:Seq><rdf:li resource="a"/></rdf:Seq></items></channel><item rdf:about="a"><title>Alpha</title><link>https://r.example/a</link></item><item/></rdf:RDF>`;
    const found = pieces(rdf, 'item');
    assert.equal(found.length, 2);
    assert.equal(parseRdfFeed(found[0]!.xml).items?.[0]?.title, 'Alpha');
    assert.match(found[1]!.xml, /<item\/><\/rdf:RDF>$/);
  });

  it('gives the whole feed back when it has no items', () => {
    const empty = '<rss><channel><title>Vide</title></channel></rss>';
    assert.deepEqual(pieces(empty, 'item'), [{ kind: 'no-items', xml: empty }]);
  });

  it('holds no more than an item at a time: 100,000 items stream through', () => {
    const body = `<description>${'Un long paragraphe sur la saison des pluies. '.repeat(40)}</description>`;
    function* feed() {
      yield '<rss version="2.0"><channel><title>Flux</title>';
      for (let index = 0; index < 100_000; index++) yield `<item><title>n${index}</title>${body}</item>\n`;
      yield '</channel></rss>';
    }
    const before = process.memoryUsage().rss;
    let count = 0;
    let last = '';
    let peak = 0;
    for (const piece of feedPieces(feed(), 'item')) {
      count += 1;
      last = piece.xml;
      if (count % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().rss - before);
    }
    assert.equal(count, 100_000);
    assert.match(last, /<title>n99999<\/title>/);
    // The feed is 190 MB of text: held whole, it would take at least that.
    assert.ok(peak < 100 * 1048576, `memory grew by ${Math.round(peak / 1048576)} MB`);
  });
});
