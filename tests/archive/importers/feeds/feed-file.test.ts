import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { feedFileImporter } from '../../../../archive/importers/feeds/feed-file.ts';
import type { ImportedArticle, ImportedEntry } from '../../../../archive/importers/file-importer.ts';
import { createTestArchive } from '../../../helpers/archive.ts';
import { tempDir } from '../../../helpers/temp.ts';

function read(name: string, content: string | Buffer): ImportedEntry[] {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return [...(feedFileImporter.read(path) as Iterable<ImportedEntry>)];
}

const articles = (entries: ImportedEntry[]): (ImportedArticle & { position?: string })[] =>
  entries.flatMap((entry) => (entry.kind === 'article' ? [{ ...entry.article, position: entry.position }] : []));
const notes = (entries: ImportedEntry[]) =>
  entries.flatMap((entry) =>
    entry.kind === 'article' ? [] : [`${entry.kind} ${entry.position ?? '(file)'}: ${entry.message}`],
  );

const LONG = 'The council met on Tuesday to discuss the water reserves of the district, which are falling fast.';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Le Sahel &amp; ses nouvelles</title>
  <link>https://sahel.example/</link>
  <language>fr-FR</language>
  <item>
    <title>La saison des pluies &lt;b&gt;commence&lt;/b&gt;</title>
    <link>https://sahel.example/pluies</link>
    <dc:creator>Aïssata Diallo</dc:creator>
    <pubDate>Tue, 05 Mar 2024 23:30:00 +0100</pubDate>
    <category>Climat</category>
    <category>Agriculture</category>
    <description>Un résumé court.</description>
    <content:encoded><![CDATA[<p>Les premières pluies sont tombées sur Niamey.</p>
      <p>${LONG}</p><script>alert(1)</script><p><a href="/rapport" onclick="x()">Le rapport complet</a></p>
      <p><a href="https://sahel.example/pluies">Lire la suite…</a></p>
      <img src="http://feeds.feedburner.com/~r/sahel/~4/pixel" width="1" height="1">
      <div class="feedflare"><a href="http://share.example/">Share on Facebook</a></div>]]></content:encoded>
  </item>
  <item>
    <title>Seulement un résumé</title>
    <link>https://sahel.example/resume</link>
    <description>&lt;p&gt;Le résumé tient lieu de texte.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Un lien sans texte</title>
    <link>https://sahel.example/lien</link>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="html">Water &amp;amp; Wells</title>
  <link href="https://wells.example/"/>
  <author><name>The Desk</name></author>
  <updated>2024-04-01T00:00:00Z</updated>
  <id>urn:wells</id>
  <entry>
    <title>Wells run dry</title>
    <link rel="alternate" href="/2024/dry"/>
    <id>urn:wells:1</id>
    <published>2024-03-30T09:00:00-05:00</published>
    <updated>2024-03-31T09:00:00Z</updated>
    <category term="water" label="Water"/>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The wells are dry.</p><p>${LONG}</p></div></content>
  </entry>
  <entry>
    <title>Only a summary</title>
    <id>urn:wells:2</id>
    <updated>2024-03-29T09:00:00Z</updated>
    <author><name>Sam Reporter</name></author>
    <summary>Plain text summary, with a &lt;tag&gt; that is text.</summary>
  </entry>
</feed>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'JSON News',
  home_page_url: 'https://json.example/',
  language: 'en-GB',
  items: [
    {
      id: '1',
      url: 'https://json.example/one',
      title: 'First JSON story',
      content_html: `<p>Hello from JSON.</p><p>${LONG}</p>`,
      date_published: '2024-02-10T12:00:00+02:00',
      tags: ['news', 'json'],
      authors: [{ name: 'Jo Writer' }],
    },
    { id: '2', content_text: 'A note without a title.\n\nIt has two paragraphs.', date_published: '2024-02-11' },
  ],
});

describe('feed import', () => {
  it('imports each RSS item with its full content, link, author, date, tags and the feed as source', () => {
    const entries = read('sahel.rss', RSS);
    const [first, second, ...rest] = articles(entries);
    assert.equal(rest.length, 0);
    assert.equal(first?.title, 'La saison des pluies commence');
    assert.equal(first?.position, 'item 1');
    assert.deepEqual(first?.paragraphs, ['Les premières pluies sont tombées sur Niamey.', LONG, 'Le rapport complet']);
    assert.equal(first?.url, 'https://sahel.example/pluies');
    assert.equal(first?.author, 'Aïssata Diallo');
    assert.equal(first?.publishedAt, '2024-03-05T23:30:00+01:00', 'the publisher’s day and zone are kept');
    assert.equal(first?.source, 'Le Sahel & ses nouvelles');
    assert.equal(first?.lang, 'fr');
    assert.deepEqual(first?.library?.tags, ['Climat', 'Agriculture']);
    assert.doesNotMatch(first!.html!, /script|onclick|feedburner|Share on Facebook|Lire la suite/);
    assert.match(
      first!.html!,
      /<a href="https:\/\/sahel.example\/rapport" rel="noopener noreferrer">Le rapport complet<\/a>/,
    );
    assert.deepEqual(second?.paragraphs, ['Le résumé tient lieu de texte.']);
    assert.deepEqual(notes(entries), [
      'skipped item 3: the item "Un lien sans texte" has no text (only a link: https://sahel.example/lien)',
    ]);
  });

  it('imports Atom entries: xhtml content, relative links, summary fallback, the feed’s author', () => {
    const [dry, summary] = articles(read('wells.atom', ATOM));
    assert.equal(dry?.title, 'Wells run dry');
    assert.deepEqual(dry?.paragraphs, ['The wells are dry.', LONG]);
    assert.equal(dry?.url, 'https://wells.example/2024/dry');
    assert.equal(dry?.author, 'The Desk');
    assert.equal(dry?.publishedAt, '2024-03-30T09:00:00-05:00');
    assert.equal(dry?.source, 'Water & Wells');
    assert.deepEqual(dry?.library?.tags, ['Water']);
    assert.equal(dry?.lang, 'en');
    assert.deepEqual(summary?.paragraphs, ['Plain text summary, with a <tag> that is text.']);
    assert.equal(summary?.author, 'Sam Reporter');
    assert.equal(summary?.publishedAt, '2024-03-29T09:00:00Z');
  });

  it('imports a JSON Feed, and makes a title for an item that has none', () => {
    const [first, second] = articles(read('news.json', JSON_FEED));
    assert.equal(first?.title, 'First JSON story');
    assert.deepEqual(first?.library?.tags, ['news', 'json']);
    assert.equal(first?.author, 'Jo Writer');
    assert.equal(first?.lang, 'en');
    assert.equal(first?.publishedAt, '2024-02-10T12:00:00+02:00');
    assert.equal(second?.title, 'A note without a title.');
    assert.deepEqual(second?.paragraphs, ['A note without a title.', 'It has two paragraphs.']);
    assert.equal(second?.publishedAt, '2024-02-11');
  });

  it('reads a feed in the encoding its XML declaration names', () => {
    const latin1 = Buffer.from(
      RSS.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('Aïssata', 'Aïcha'),
      'latin1',
    );
    const [first] = articles(read('latin1.rss', latin1));
    assert.equal(first?.author, 'Aïcha Diallo');
    assert.equal(first?.paragraphs[0], 'Les premières pluies sont tombées sur Niamey.');
    assert.equal(first?.decoding, 'decoded as windows-1252 (declared)', 'a note for the import report');
  });

  it('reads malformed XML leniently, item by item, and says so', () => {
    // A bare "<" in a title and a file cut off in the middle of an item: feedsmith rejects both.
    const broken = RSS.replace('Seulement un résumé', 'Moins de 5 < 10').slice(0, RSS.indexOf('Un lien sans texte'));
    const entries = read('broken.rss', broken);
    assert.deepEqual(
      articles(entries).map((article) => article.title),
      ['La saison des pluies commence', 'Moins de 5 < 10'],
    );
    assert.match(
      notes(entries)[0]!,
      /^skipped \(file\): the feed is not well-formed XML \(.+, first in item 2\): each damaged item was read leniently/,
    );
  });

  it('loses no item after a damaged one', () => {
    const unclosed = `<item><title>Cassé</title><description><![CDATA[<p>${LONG}</p>]]></description><link>x</item>`;
    const damaged = RSS.replace(
      '<item>\n    <title>Seulement un résumé',
      `${unclosed}<item>\n    <title>Seulement un résumé`,
    );
    const entries = read('damaged.rss', damaged);
    assert.deepEqual(
      articles(entries).map((article) => [article.title, article.position]),
      [
        ['La saison des pluies commence', 'item 1'],
        ['Cassé', 'item 2'],
        ['Seulement un résumé', 'item 3'],
      ],
    );
    assert.equal(notes(entries).length, 2, 'the damage noted once, and the item without text');
  });

  it('reads a feed larger than a chunk, its encoding decided once, its items cut wherever chunks end', () => {
    const items = Array.from(
      { length: 5000 },
      (_, index) =>
        `<item><title>Été n°${index}</title><link>https://sahel.example/${index}</link><description>&lt;p&gt;Pluies à Niamey, jour ${index}. ${LONG}&lt;/p&gt;</description></item>`,
    ).join('\n');
    const xml = `<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Météo</title>${items}</channel></rss>`;
    const bytes = Buffer.from(xml, 'latin1');
    assert.ok(bytes.length > 4 * 256 * 1024, 'several chunks');
    const found = articles(read('big.rss', bytes));
    assert.equal(found.length, 5000);
    assert.equal(found[4999]?.title, 'Été n°4999');
    assert.equal(found[1234]?.source, 'Météo');
    assert.match(found[1234]?.paragraphs[0] ?? '', /^Pluies à Niamey, jour 1234\./);
    assert.equal(found[0]?.decoding, 'decoded as windows-1252 (declared)');
  });

  it('reads a JSON Feed an item at a time: the version may come last, damage keeps the items before it', () => {
    const feed = JSON.parse(JSON_FEED) as { items: unknown[]; version?: string };
    const { version, ...rest } = feed;
    const versionLast = JSON.stringify({ ...rest, version });
    assert.deepEqual(
      articles(read('late.json', versionLast)).map((article) => article.title),
      ['First JSON story', 'A note without a title.'],
    );
    const many = JSON.stringify({
      ...feed,
      items: Array.from({ length: 4000 }, (_, index) => ({
        id: String(index),
        title: `N° ${index}`,
        content_text: LONG,
      })),
    });
    const path = join(tempDir(), 'cut.json');
    writeFileSync(path, many.slice(0, many.indexOf('"N° 3000"')));
    const entries: ImportedEntry[] = [];
    assert.throws(() => {
      for (const entry of feedFileImporter.read(path) as Iterable<ImportedEntry>) entries.push(entry);
    }, /^Error: the JSON is damaged after item 3000 \(.+\); the items before it were read$/);
    assert.equal(articles(entries).length, 3000);
    assert.equal(articles(entries)[2999]?.source, 'JSON News');
  });

  it('skips XML and JSON that are not feeds, and fails a .rss file that is a web page', () => {
    assert.deepEqual(notes(read('sitemap.xml', '<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')), [
      'skipped (file): not a feed: an XML file whose root element is <urlset>, not <rss>, <feed> or <opml>',
    ]);
    assert.deepEqual(notes(read('package.json', '{"name": "x", "version": "1.0.0"}')), [
      'skipped (file): not a feed: a JSON file, but not a JSON Feed (it has no "version": "https://jsonfeed.org/…")',
    ]);
    assert.deepEqual(notes(read('list.json', '[1, 2, 3]')), [
      'skipped (file): not a feed: a JSON file, but not a JSON Feed (it has no "version": "https://jsonfeed.org/…")',
    ]);
    assert.deepEqual(notes(read('moved.rss', '<head><title>Document Moved</title></head><body>Moved</body>')), [
      'failed (file): not a feed: the file is an HTML page ("Document Moved")',
    ]);
  });

  it('reports an OPML subscription list as skipped, and imports an OPML outline as one article', () => {
    const subscriptions = `<?xml version="1.0"?><opml version="2.0"><head><title>My feeds</title></head><body>
      <outline text="News"><outline text="Le Sahel" type="rss" xmlUrl="https://sahel.example/feed"/>
      <outline text="Wells" type="rss" xmlUrl="https://wells.example/atom"/></outline></body></opml>`;
    assert.deepEqual(notes(read('feeds.opml', subscriptions)), [
      'skipped (file): OPML lists subscriptions (2 feeds: Le Sahel, Wells); the feeds themselves must be downloaded first',
    ]);
    const outline = `<?xml version="1.0"?><opml version="2.0"><head><title>Meeting notes</title>
      <ownerName>Ada</ownerName><dateCreated>Mon, 04 Mar 2024 10:00:00 GMT</dateCreated></head><body>
      <outline text="Water reserves are falling"><outline text="Repair the canals before the rains"/></outline>
      <outline text="Vote next month"/></body></opml>`;
    const [notesArticle] = articles(read('notes.opml', outline));
    assert.equal(notesArticle?.title, 'Meeting notes');
    assert.deepEqual(notesArticle?.paragraphs, [
      'Water reserves are falling',
      'Repair the canals before the rains',
      'Vote next month',
    ]);
    assert.equal(notesArticle?.author, 'Ada');
    assert.equal(notesArticle?.publishedAt, '2024-03-04T10:00:00Z');
  });

  it('goes through the import pipeline: items stored with their tags, one report line each', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sahel.rss'), RSS);
    const archive = await createTestArchive();
    const report = await archive.importPaths([dir]);
    assert.deepEqual(
      report.items.map((item) => [item.path.slice(dir.length + 1), item.status]),
      [
        ['sahel.rss#item 1', 'imported'],
        ['sahel.rss#item 2', 'imported'],
        ['sahel.rss#item 3', 'skipped'],
      ],
    );
    const results = archive.searcher.search('tag:climat', { limit: 10, offset: 0 });
    assert.deepEqual(
      results.results.map((result) => result.title),
      ['La saison des pluies commence'],
    );
  });

  it('stores an item’s link without its tracking parameters', async () => {
    const dir = tempDir();
    const feed = RSS.replace(
      '<link>https://sahel.example/pluies</link>',
      '<link>https://sahel.example/pluies?utm_source=rss&amp;utm_medium=feed&amp;id=4#comments</link>',
    );
    writeFileSync(join(dir, 'sahel.rss'), feed);
    const archive = await createTestArchive();
    const report = await archive.importPaths([dir]);
    assert.equal(archive.store.get(report.items[0]!.articleId!)?.url, 'https://sahel.example/pluies?id=4');
  });
});
