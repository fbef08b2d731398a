import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTextArticle, TextArticleError } from '../../../archive/importers/text-article.ts';
import { fixture } from '../../helpers/temp.ts';

describe('text articles', () => {
  it('takes the first line as the title and removes the French site chrome at the end', () => {
    const article = parseTextArticle(readFileSync(fixture('bamako-festival.txt'), 'utf8'));
    assert.equal(
      article.title,
      'À Bamako, le festival des musiques du fleuve rassemble des artistes de toute la région',
    );
    assert.equal(article.paragraphs.length, 3);
    assert.match(article.paragraphs[2]!, /^L’armée a assuré la sécurité/);
    assert.deepEqual(article.removedLines, ['Bouton retour en haut de la page', 'Articles similaires', 'Partager']);
  });

  it('removes English and Arabic chrome', () => {
    const english = parseTextArticle(readFileSync(fixture('solar-cooperation.txt'), 'utf8'));
    assert.ok(!english.paragraphs.some((p) => /Related articles|Back to top/.test(p)));
    const arabic = parseTextArticle(readFileSync(fixture('arabic-cooperation.txt'), 'utf8'));
    assert.ok(!arabic.paragraphs.some((p) => p.includes('مقالات ذات صلة')));
  });

  it('reads a Markdown heading as the title', () => {
    const article = parseTextArticle(readFileSync(fixture('sahel-water.md'), 'utf8'), { markdown: true });
    assert.equal(article.title, 'Water reserves in the Sahel are falling');
  });

  it('keeps one paragraph per line when the text has no blank lines', () => {
    const article = parseTextArticle('Titre\r\nPremier paragraphe.\r\nSecond paragraphe.\r\nBack to top');
    assert.deepEqual(article.paragraphs, ['Premier paragraphe.', 'Second paragraphe.']);
  });

  it('refuses an empty file or a file with only a title, saying why', () => {
    assert.throws(() => parseTextArticle('\n \n'), new TextArticleError('the file is empty'));
    assert.throws(() => parseTextArticle('Un titre\n\nArticles similaires\n'), /no text after the title/);
  });
});
