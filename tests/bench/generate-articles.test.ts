import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateArticles, LENGTHS, type GeneratedArticle } from '../../bench/generate-articles.ts';
import { AUTHORS, PUBLISHED_YEARS, SOURCES } from '../../bench/metadata.ts';
import { englishWords } from '../../bench/vocabulary/english.ts';
import { frenchWords } from '../../bench/vocabulary/french.ts';
import {
  corpusWords,
  FRENCH_CORPUS,
  loadVocabularies,
  type BenchLanguage,
  type Vocabulary,
} from '../../bench/vocabulary/index.ts';
import { ROOT, tempDir } from '../helpers/temp.ts';

const builtIn: Record<BenchLanguage, Vocabulary> = {
  en: { words: englishWords(), source: 'built-in' },
  fr: { words: frenchWords(), source: 'built-in' },
};
const generate = (count: number, seed: number, vocabularies = builtIn) => [
  ...generateArticles({ count, seed, vocabularies }),
];
const words = (text: string) => text.split(/\s+/).filter(Boolean);
const articleWords = (article: GeneratedArticle) => article.paragraphs.flatMap(words);

describe('generateArticles', () => {
  const articles = generate(400, 7);

  it('is deterministic for a seed, and another seed gives other articles', () => {
    assert.deepEqual(generate(400, 7), articles);
    const other = generate(400, 8);
    assert.notDeepEqual(other, articles);
    assert.notEqual(other[0]?.title, articles[0]?.title);
  });

  it('writes exactly half the articles in French and half in English, in a mixed order', () => {
    const french = articles.filter((a) => a.lang === 'fr').length;
    assert.equal(french, 200);
    assert.equal(articles.length - french, 200);
    const switches = articles.slice(1).filter((a, i) => a.lang !== articles[i]?.lang).length;
    assert.ok(switches > 100, `only ${switches} language switches in 400 articles`);
    assert.deepEqual(
      generate(5, 1)
        .map((a) => a.lang)
        .filter((lang) => lang === 'fr').length,
      3,
      'an odd count gives the extra article to French',
    );
  });

  it('keeps titles, paragraphs and paragraph lengths within their ranges', () => {
    const within = (n: number, [min, max]: readonly [number, number]) => n >= min && n <= max;
    for (const article of articles) {
      assert.ok(within(words(article.title).length, LENGTHS.titleWords), article.title);
      assert.ok(within(article.paragraphs.length, LENGTHS.paragraphs));
      for (const paragraph of article.paragraphs) assert.ok(within(words(paragraph).length, LENGTHS.paragraphWords));
    }
    const mean = articles.reduce((sum, a) => sum + articleWords(a).length, 0) / articles.length;
    assert.ok(mean > 550 && mean < 750, `mean article length ${mean} words`);
  });

  it('writes sentences: capitalised, ending with a full stop', () => {
    for (const paragraph of articles[0]?.paragraphs ?? []) {
      assert.match(paragraph, /^\p{Lu}/u);
      assert.match(paragraph, /\.$/);
    }
  });

  it("gives each article an author and a source from its language's pools", () => {
    for (const article of articles) {
      assert.ok(AUTHORS[article.lang].includes(article.author), article.author);
      assert.ok(SOURCES[article.lang].includes(article.source), article.source);
    }
    const sources = new Set(articles.map((a) => a.source));
    assert.equal(sources.size, SOURCES.en.length + SOURCES.fr.length, 'every source is drawn');
    assert.equal(new Set(articles.map((a) => a.author)).size, AUTHORS.en.length + AUTHORS.fr.length);
  });

  it('dates the articles on ISO days spread over the publication years', () => {
    const [first, last] = PUBLISHED_YEARS;
    for (const { publishedAt } of articles) {
      assert.match(publishedAt, /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(new Date(`${publishedAt}T00:00:00Z`).toISOString().slice(0, 10), publishedAt, 'a real day');
      assert.ok(publishedAt >= `${first}-01-01` && publishedAt <= `${last}-12-31`, publishedAt);
    }
    const years = new Set(articles.map((a) => a.publishedAt.slice(0, 4)));
    assert.equal(years.size, last - first + 1, 'every year has articles');
    assert.ok(new Set(articles.map((a) => a.publishedAt)).size > 350, 'days rarely repeat');
  });

  it("draws each language's words from its vocabulary, frequent ranks far more often (Zipf)", () => {
    const counts = new Map<string, number>();
    for (const article of articles.filter((a) => a.lang === 'en')) {
      for (const word of articleWords(article)) {
        const bare = word.replace(/\.$/, '').toLowerCase();
        assert.ok(builtIn.en.words.includes(bare), `"${bare}" is not in the English vocabulary`);
        counts.set(bare, (counts.get(bare) ?? 0) + 1);
      }
    }
    const countOf = (rank: number) => counts.get(builtIn.en.words[rank] as string) ?? 0;
    assert.ok(countOf(0) > 20 * countOf(99), `rank 1: ${countOf(0)}, rank 100: ${countOf(99)}`);
    assert.ok(countOf(0) > 1.5 * countOf(1));
  });
});

describe('built-in vocabularies', () => {
  it('hold inflected forms, so that stemming matters', () => {
    const en = new Set(englishWords());
    for (const word of [
      'cooperation',
      'cooperations',
      'cooperate',
      'cooperated',
      'cooperating',
      'policies',
      'crises',
    ]) {
      assert.ok(en.has(word), word);
    }
    const fr = new Set(frenchWords());
    for (const word of ['coopération', 'coopérations', 'coopérer', 'coopère', 'coopèrent', 'protégeons', 'lançait']) {
      assert.ok(fr.has(word), word);
    }
    for (const word of ['nationaux', 'européenne', 'sérieuse', 'journaux']) assert.ok(fr.has(word), word);
  });

  it('have a few hundred distinct words each, function words first', () => {
    for (const [list, first] of [
      [englishWords(), 'the'],
      [frenchWords(), 'de'],
    ] as const) {
      assert.ok(list.length > 500, `${list.length} words`);
      assert.equal(new Set(list).size, list.length);
      assert.equal(list[0], first);
    }
  });
});

describe('French vocabulary', () => {
  it('ranks corpus words by frequency, lower-cased unless always capitalised, elisions kept', () => {
    const words = corpusWords("Le président parle. Le président de la France et l'armée. La France, le pays.");
    assert.deepEqual(words.slice(0, 4), ['le', 'président', 'la', 'France']);
    assert.ok(words.includes("l'armée"));
    assert.ok(!words.includes('Le'));
  });

  it('falls back to the built-in list, with a notice, when the shared corpus is absent', () => {
    const vocabularies = loadVocabularies(tempDir());
    assert.deepEqual(vocabularies.fr.words, frenchWords());
    assert.match(vocabularies.notice ?? '', /not found/);
  });

  it('comes from the French Wikinews corpus when it is there', { skip: !existsSync(join(ROOT, FRENCH_CORPUS)) }, () => {
    const vocabularies = loadVocabularies(ROOT);
    assert.equal(vocabularies.notice, null);
    assert.equal(vocabularies.fr.source, FRENCH_CORPUS);
    assert.ok(vocabularies.fr.words.length > 5_000);
    assert.deepEqual(vocabularies.fr.words.slice(0, 3), ['de', 'la', 'le']);
    const known = new Set(vocabularies.fr.words.map((word) => word.toLowerCase()));
    for (const article of generate(20, 3, vocabularies).filter((a) => a.lang === 'fr')) {
      for (const word of articleWords(article)) assert.ok(known.has(word.replace(/\.$/, '').toLowerCase()), word);
    }
  });
});
