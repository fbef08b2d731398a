import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractArticle } from '../../../../archive/importers/html/extract.ts';
import { ROOT } from '../../../helpers/temp.ts';

const page = (name: string) => readFileSync(join(ROOT, 'tests', 'fixtures', 'html', name), 'utf8');

describe('extracting the article of a French news page', () => {
  const article = extractArticle(page('niamey-solaire.html'), { url: 'https://journal-sahel.example/x' })!;

  it('takes the headline from the metadata, without the site name', () => {
    assert.equal(article.title, 'À Niamey, une centrale solaire alimente trois quartiers');
  });

  it('keeps the article text as paragraphs, and leaves the menu, related links and footer out', () => {
    assert.ok(article.paragraphs[0]?.startsWith('La nouvelle centrale photovoltaïque de Gorou Banda'));
    assert.ok(article.paragraphs.includes('Une coopération régionale'));
    assert.ok(article.paragraphs.some((p) => p.includes('« Nous avions trois coupures par jour en saison chaude')));
    const text = article.paragraphs.join('\n');
    for (const chrome of ['Accueil', 'Articles similaires', 'Le prix du riz', 'Tous droits réservés', 'Partager'])
      assert.ok(!text.includes(chrome), `"${chrome}" should not be in the text`);
    assert.ok(article.paragraphs.every((p) => p === p.trim() && !/\s{2}/.test(p) && p !== ''));
  });

  it('reads the authors, date, site, language and canonical URL from the metadata', () => {
    assert.equal(article.author, 'Aïssata Moussa, Ibrahim Soumana');
    // JSON-LD's datePublished comes before article:published_time, in the publisher's time zone.
    assert.equal(article.publishedAt, '2024-03-12T09:30:00+01:00');
    assert.equal(article.source, 'Le Journal du Sahel');
    assert.equal(article.lang, 'fr');
    assert.equal(article.url, 'https://journal-sahel.example/economie/2024/03/12/niamey-centrale-solaire?id=4521');
  });

  it('sanitises the HTML: no scripts, handlers, frames or remote resources, but the inline image stays', () => {
    const html = article.html;
    for (const banned of [/<script/i, /<style/i, /<iframe/i, /<button/i, /\son\w+=/i, /javascript:/i, /srcset/i])
      assert.doesNotMatch(html, banned);
    assert.doesNotMatch(html, /src="https?:/);
    assert.match(html, /<img src="data:image\/png;base64,[^"]+" alt="Carte du réseau" \/>/);
    assert.match(html, /<figcaption>Les panneaux de la centrale de Gorou Banda.<\/figcaption>/);
    assert.match(
      html,
      /<a href="https:\/\/journal-sahel.example\/dossiers\/energie" rel="noopener noreferrer">coopération énergétique régionale<\/a>/,
    );
    // The javascript: link keeps its text only.
    assert.match(html, /qui promet\s+une baisse des tarifs/);
    assert.match(html, /<h2>Une coopération régionale<\/h2>/);
    assert.doesNotMatch(html, /readability-page/);
  });
});

describe('extracting a blog post with only <meta> and <time>', () => {
  const article = extractArticle(page('village-pump.html'))!;

  it('cleans the site name off the <title>', () => {
    assert.equal(article.title, 'How we repaired the village pump');
  });

  it('reads the author without "By", and the date of the only <time> as a plain date', () => {
    assert.equal(article.author, 'Grace Owusu');
    assert.equal(article.publishedAt, '2023-11-05');
  });

  it('keeps list items as paragraphs and leaves the top bar and footer out', () => {
    assert.ok(article.paragraphs.includes('Cylinder: new leathers and a new foot valve.'));
    const text = article.paragraphs.join('\n');
    assert.ok(!text.includes('Archive') && !text.includes('Powered by'));
  });

  it('says what the page does not: no URL, no language (the pipeline detects it)', () => {
    assert.equal(article.url, null);
    assert.equal(article.lang, null);
    assert.equal(article.source, 'The Well Blog');
  });
});

describe('extractArticle on other input', () => {
  it('returns null for a page without an article', () => {
    assert.equal(extractArticle(page('login.html')), null);
    assert.equal(extractArticle(''), null);
    assert.equal(extractArticle('<html></html>'), null);
  });

  it('reads a fragment without <html> or <body>', () => {
    const text = 'Le fleuve Niger a atteint cette semaine son plus haut niveau depuis vingt ans à Niamey. ';
    const article = extractArticle(`<h1>Crue du fleuve</h1><p>${text.repeat(4)}</p><p>${text.repeat(3)}</p>`);
    assert.equal(article?.title, 'Crue du fleuve');
    assert.equal(article?.paragraphs.length, 2);
  });

  it('splits text written as lines of one block at its <br>s', () => {
    const line = (n: number) =>
      `Ligne ${n} du communiqué, qui rappelle les horaires d’ouverture du marché aux bestiaux.`;
    const article = extractArticle(
      `<html><body><div>${[1, 2, 3, 4, 5].map(line).join('<br><br>')}</div></body></html>`,
    );
    assert.deepEqual(article?.paragraphs, [1, 2, 3, 4, 5].map(line));
  });

  it('inlines the images the caller holds, and makes relative links absolute against the page', () => {
    const body = '<p>' + 'Les éleveurs de Tahoua vendent leurs bêtes au marché du dimanche. '.repeat(6) + '</p>';
    const html = `<html><body><article>${body}<p><img src="/img/a.png" alt="A"> <a href="../autre">autre</a></p>${body}</article></body></html>`;
    const article = extractArticle(html, {
      url: 'https://site.example/dossier/page',
      inlineImage: (url) => (url === 'https://site.example/img/a.png' ? 'data:image/png;base64,AAAA' : undefined),
    })!;
    assert.match(article.html, /<img src="data:image\/png;base64,AAAA" alt="A" \/>/);
    assert.match(article.html, /<a href="https:\/\/site.example\/autre" rel="noopener noreferrer">autre<\/a>/);
  });
});
