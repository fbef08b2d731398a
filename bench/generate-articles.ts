import { drawMetadata, type ArticleMetadata } from './metadata.ts';
import { createRandom, type Random } from './random.ts';
import type { BenchLanguage, Vocabulary } from './vocabulary/index.ts';

/** An article as ArticleStore.addMany takes it: text, language and metadata. */
export interface GeneratedArticle extends ArticleMetadata {
  title: string;
  paragraphs: string[];
  lang: BenchLanguage;
  sourcePath: string;
}

export interface GenerateOptions {
  count: number;
  seed: number;
  vocabularies: Record<BenchLanguage, Vocabulary>;
}

/** Inclusive word and paragraph counts, giving articles of roughly 400 to 1,000 words. */
export const LENGTHS = {
  titleWords: [6, 14],
  paragraphs: [4, 12],
  paragraphWords: [40, 120],
  sentenceWords: [8, 20],
} as const;

// Zipf's law for natural language: the word of rank r is drawn with weight 1 / r^s, s close to 1.
const ZIPF_EXPONENT = 1;

/** Draws words by rank with Zipf weights, by binary search over the cumulative weights. */
function zipfSampler(words: readonly string[], random: Random): () => string {
  const cumulative = new Float64Array(words.length);
  let total = 0;
  words.forEach((_, rank) => {
    total += 1 / (rank + 1) ** ZIPF_EXPONENT;
    cumulative[rank] = total;
  });
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = words.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] as number) <= target) low = middle + 1;
      else high = middle;
    }
    return words[low] as string;
  };
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A paragraph of exactly `length` words, cut into sentences. */
function paragraph(length: number, nextWord: () => string, random: Random): string {
  const sentences: string[] = [];
  for (let left = length; left > 0;) {
    const words = Array.from({ length: Math.min(left, random.int(...LENGTHS.sentenceWords)) }, nextWord);
    left -= words.length;
    sentences.push(`${capitalise(words.join(' '))}.`);
  }
  return sentences.join(' ');
}

/**
 * Synthetic articles, the same for the same seed: exactly half French and half English (one more
 * French when the count is odd), in a shuffled order, each with an author, a source and a
 * publication date drawn from its language's pools. Generated one at a time, so a benchmark never
 * holds the whole corpus in memory and its peak RSS is the engine's.
 */
export function* generateArticles({ count, seed, vocabularies }: GenerateOptions): Generator<GeneratedArticle> {
  const random = createRandom(seed);
  const samplers = {
    en: zipfSampler(vocabularies.en.words, random),
    fr: zipfSampler(vocabularies.fr.words, random),
  };
  const left = { en: Math.floor(count / 2), fr: Math.ceil(count / 2) };
  for (let i = 0; i < count; i++) {
    // Drawing in proportion to what is left gives an exact split in a random order.
    const lang: BenchLanguage = random.next() * (left.en + left.fr) < left.fr ? 'fr' : 'en';
    left[lang]--;
    const nextWord = samplers[lang];
    const title = capitalise(Array.from({ length: random.int(...LENGTHS.titleWords) }, nextWord).join(' '));
    const paragraphs = Array.from({ length: random.int(...LENGTHS.paragraphs) }, () =>
      paragraph(random.int(...LENGTHS.paragraphWords), nextWord, random),
    );
    yield { title, paragraphs, lang, sourcePath: `synthetic/${lang}/${i + 1}.txt`, ...drawMetadata(lang, random) };
  }
}
