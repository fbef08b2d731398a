import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dispatch } from '../../../archive/api/dispatch.ts';
import { unwrap } from '../../../archive/api/envelope.ts';
import type { Article } from '../../../archive/api/contract.ts';
import { hammingDistance, NEAR_DUPLICATE_BITS, simHash } from '../../../archive/articles/simhash.ts';
import { extractArticle } from '../../../archive/importers/html/extract.ts';
import { readSavedPage } from '../../../archive/importers/html/page/read-page.ts';
import { plainText } from '../../../bench/import-quality/plain-text.ts';
import { createHandlers } from '../../../archive/service/handlers.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { fixture, SHARED, tempDir } from '../../helpers/temp.ts';

const PAGES = join(SHARED, 'corpora', 'readability-test-pages', 'pages');
const present = existsSync(PAGES);
if (!present) console.log(`# skipping the near-duplicate tests on real pages: ${PAGES} is absent`);

/** Several articles from each of these sites: same template, same chrome, different stories (rtl-1…4 are one text). */
const SITES = ['nytimes', 'yahoo', 'wikipedia', 'medium', 'wapo', 'webmd', 'ehow', 'mozilla', 'lazy-image'];
/** Pages whose story is copied by another site in the import test. */
const COPIED = ['nytimes-1', 'bbc-1', 'guardian-1', 'lemonde-1', 'wapo-1', 'wikipedia'];

const source = (name: string) => join(PAGES, name, 'source.html');

/** Our extraction of a page's text, as the importer stores it. */
function extractedText(name: string): string | null {
  const saved = readSavedPage(readFileSync(source(name)), 'html');
  const article = extractArticle(saved.html, saved.options);
  return article && article.paragraphs.join('\n\n');
}

/**
 * The same story republished by another site: Readability's own extraction of the page (its
 * expected.html), under a title of the other site's and in that site's template.
 */
function syndicatedCopy(name: string): string {
  const { title } = JSON.parse(readFileSync(join(PAGES, name, 'expected-metadata.json'), 'utf8')) as { title: string };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Syndicated: ${title}</title></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About us</a></nav></header>
<main><article><h1>Syndicated: ${title}</h1>${readFileSync(join(PAGES, name, 'expected.html'), 'utf8')}</article></main>
<footer><p>The Syndicate, republishing the world's news.</p></footer></body></html>`;
}

describe('near-duplicates', { skip: !present }, () => {
  it('finds real near-copies within the threshold, and no two stories of one site', () => {
    // The same article as two extractors read it (ours from the page, Readability's expected.html):
    // they differ by a caption, a byline, a trailing paragraph, as syndicated copies do.
    const distances: number[] = [];
    for (const name of readdirSync(PAGES).sort()) {
      const ours = extractedText(name);
      const expected = simHash(plainText(readFileSync(join(PAGES, name, 'expected.html'), 'utf8')));
      const fingerprint = ours && simHash(ours);
      if (fingerprint && expected) distances.push(hammingDistance(fingerprint, expected));
    }
    const near = distances.filter((distance) => distance <= NEAR_DUPLICATE_BITS).length;
    console.log(`# ${near} of ${distances.length} real near-copies within ${NEAR_DUPLICATE_BITS} bits`);
    assert.ok(near / distances.length >= 0.9, `${near} of ${distances.length} near-copies found`);

    const names = readdirSync(PAGES);
    let closest = 64;
    let pairs = 0;
    for (const site of SITES) {
      const fingerprints = names
        .filter((name) => name === site || name.startsWith(`${site}-`))
        .map((name) => extractedText(name))
        .map((text) => text && simHash(text))
        .filter((hash): hash is string => hash !== null);
      for (const [index, a] of fingerprints.entries()) {
        for (const b of fingerprints.slice(index + 1)) {
          closest = Math.min(closest, hammingDistance(a, b));
          pairs += 1;
        }
      }
    }
    console.log(`# ${pairs} pairs of stories from one site: the closest are ${closest} bits apart`);
    assert.ok(pairs >= 20);
    assert.ok(closest > NEAR_DUPLICATE_BITS * 2, `different stories stay far apart (${closest} bits)`);
  });

  it('links a syndicated copy to the stored article instead of storing it again, also on a re-import', async () => {
    const archive = await createTestArchive();
    const originals = await archive.importPaths(COPIED.map(source));
    assert.equal(originals.imported, COPIED.length);

    const folder = tempDir();
    const copies = COPIED.map((name) => {
      const path = join(folder, `${name}-copy.html`);
      writeFileSync(path, syndicatedCopy(name));
      return path;
    });
    for (const attempt of ['first import', 're-import']) {
      const report = await archive.importPaths(copies);
      assert.equal(report.nearDuplicates, COPIED.length, attempt);
      assert.equal(report.imported, 0, attempt);
      for (const [index, item] of report.items.entries()) {
        assert.equal(item.status, 'near-duplicate', `${attempt}: ${item.path}`);
        assert.equal(item.articleId, originals.items[index]?.articleId, `${attempt}: linked to its original`);
        assert.match(item.message ?? '', /^near-duplicate of article \d+ \(\d bit\(s\) apart\): linked to it$/);
      }
    }
    const count = (sql: string) => archive.db.prepare(sql).pluck().get() as number;
    assert.equal(count('SELECT count(*) FROM articles'), COPIED.length, 'no copy is stored as an article');
    assert.equal(count('SELECT count(*) FROM article_copies'), COPIED.length, 'each copy is linked once');
    const copy = archive.db
      .prepare('SELECT article_id, title, source_path FROM article_copies WHERE source_path = ?')
      .get(copies[0]) as { article_id: number; title: string };
    assert.equal(copy.article_id, originals.items[0]?.articleId);
    assert.match(copy.title, /^Syndicated: /);
  });

  it('imports different stories of one site as articles of their own', async () => {
    const archive = await createTestArchive();
    const names = readdirSync(PAGES)
      .filter((name) => SITES.some((site) => name === site || name.startsWith(`${site}-`)))
      .sort();
    const report = await archive.importPaths(names.map(source));
    assert.equal(report.nearDuplicates, 0);
    assert.equal(report.imported + report.skipped, names.length);
  });

  it('looks a fingerprint up through the four band indexes', async () => {
    const archive = await createTestArchive();
    const plan = archive.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT article_id, simhash FROM article_fingerprints WHERE band0 = 1
         UNION ALL SELECT article_id, simhash FROM article_fingerprints WHERE band1 = 2
         UNION ALL SELECT article_id, simhash FROM article_fingerprints WHERE band2 = 3
         UNION ALL SELECT article_id, simhash FROM article_fingerprints WHERE band3 = 4`,
      )
      .all() as { detail: string }[];
    for (const band of [0, 1, 2, 3]) {
      assert.ok(
        plan.some(({ detail }) => detail.includes(`USING INDEX article_fingerprints_band${band}`)),
        JSON.stringify(plan),
      );
    }
  });
});

/** A story long enough for a fingerprint, as paragraphs. */
function story(): string[] {
  return [
    'Les pluies tardives de cette année ont retardé les semis de mil dans toute la région de Tillabéri, où les ' +
      'paysans attendaient les premières averses depuis la fin du mois de mai. Dans les villages le long du fleuve, ' +
      'les greniers sont presque vides et les familles achètent désormais le sac de céréales au marché hebdomadaire.',
    'Selon les agents du service régional de l’agriculture, un tiers seulement des champs avaient été semés à la mi-juillet.',
    'Les coopératives de producteurs ont demandé à l’État de distribuer des semences à cycle court, capables de mûrir ' +
      'en soixante-dix jours, afin de sauver une partie de la récolte. Les premières livraisons sont arrivées la semaine ' +
      'dernière à Ouallam et à Filingué, mais les responsables locaux estiment qu’elles ne couvriront pas tous les besoins.',
    'Au marché de Tillabéri, le prix du sac de cent kilos de mil a augmenté de près d’un quart depuis le début de ' +
      'l’année. Les commerçants expliquent cette hausse par la baisse des stocks et par la fermeture de plusieurs ' +
      'routes commerciales avec les pays voisins, qui rend les importations plus longues et plus coûteuses.',
    'Les organisations humanitaires présentes dans la région préparent des distributions de vivres pour la période de ' +
      'soudure, entre août et octobre, quand les réserves des ménages sont au plus bas. Elles appellent les bailleurs ' +
      'à financer rapidement ces opérations, qui concerneraient plus de deux cent mille personnes selon leurs estimations.',
  ];
}

describe('the copies of an article', () => {
  it('are listed with the article: title, address, source, file and capture date', async () => {
    const folder = tempDir();
    const original = join(folder, 'mil-tillaberi.txt');
    writeFileSync(original, `Les pluies tardives retardent les semis de mil à Tillabéri\n\n${story().join('\n\n')}\n`);
    // The same story republished by another site under its own title, saved there with SingleFile.
    const copy = join(folder, 'copie-sahel-hebdo.html');
    writeFileSync(
      copy,
      `<!--\n Page saved with SingleFile \n url: https://sahel-hebdo.example/2024/07/mil-tillaberi?utm_source=rss \n` +
        ` saved date: Wed Jul 24 2024 09:00:00 GMT+0000 (Coordinated Universal Time)\n-->\n` +
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Tillabéri : le mil semé trop tard</title>` +
        `<meta property="og:site_name" content="Sahel Hebdo"></head><body><article><h1>Tillabéri : le mil semé trop tard</h1>` +
        `${story()
          .map((paragraph) => `<p>${paragraph}</p>`)
          .join('')}</article></body></html>`,
    );
    const archive = await createTestArchive();
    const report = await archive.importPaths([original, copy]);
    assert.deepEqual(
      report.items.map((item) => item.status),
      ['imported', 'near-duplicate'],
    );
    const id = report.items[0]?.articleId ?? 0;
    assert.equal(report.items[1]?.articleId, id);

    const handlers = createHandlers(archive.db);
    const article = unwrap(await dispatch(handlers, 'getArticle', { id })) as Article;
    assert.equal(article.title, 'Les pluies tardives retardent les semis de mil à Tillabéri', 'the original is kept');
    assert.equal(article.copies.length, 1);
    const [linked] = article.copies;
    assert.equal(linked?.title, 'Tillabéri : le mil semé trop tard');
    assert.equal(linked?.url, 'https://sahel-hebdo.example/2024/07/mil-tillaberi');
    assert.equal(linked?.source, 'Sahel Hebdo');
    assert.equal(linked?.sourcePath, copy);
    assert.equal(linked?.capturedAt, '2024-07-24T09:00:00Z');
    assert.ok(linked?.importedAt);

    // A re-import links nothing twice; an article without copies lists none.
    await archive.importPaths([copy]);
    assert.equal((unwrap(await dispatch(handlers, 'getArticle', { id })) as Article).copies.length, 1);
    const other = await archive.importPaths([fixture('solar-cooperation.txt')]);
    const alone = unwrap(await dispatch(handlers, 'getArticle', { id: other.items[0]?.articleId ?? 0 })) as Article;
    assert.deepEqual(alone.copies, []);
  });
});
