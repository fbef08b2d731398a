import { analyseField } from '../text/analyze.ts';
import { packOffsets } from '../text/offsets.ts';
import { contentHash } from './content-hash.ts';
import { simHash, type SimHash } from './simhash.ts';

/**
 * An article's rows for the full-text index, ready to write: the analysed terms of its title, lead
 * and body, their packed offsets, and its vocabulary. Plain data, so an extraction worker can
 * compute it and hand it to the writer.
 */
export interface IndexAnalysis {
  titleTerms: string;
  leadTerms: string;
  bodyTerms: string;
  /** How many of the text's terms are the lead's. */
  leadTermCount: number;
  titleOffsets: Uint8Array;
  textOffsets: Uint8Array;
  wordCount: number;
  /** Each distinct word (folded) of the title and text with its term, as [form, term] pairs. */
  vocabulary: [string, string][];
}

/** What the writer needs of an article besides its fields: computed off the writer's thread when it can be. */
export interface PreparedArticle {
  contentHash: string;
  simhash: SimHash | null;
  analysis: IndexAnalysis;
}

/**
 * The index analysis of a title and text whose lead (the first paragraph of several) ends at
 * `leadEnd`, a character offset into the text.
 */
export function analyseForIndex(title: string, text: string, leadEnd: number, lang: string | null): IndexAnalysis {
  const analysedTitle = analyseField(title, lang);
  const analysed = analyseField(text, lang);
  const terms = analysed.terms === '' ? [] : analysed.terms.split(' ');
  let leadTermCount = 0;
  while (leadTermCount < terms.length && (analysed.offsets[leadTermCount * 2] ?? Infinity) < leadEnd) leadTermCount++;
  const vocabulary = new Map(analysedTitle.vocabulary);
  for (const [form, term] of analysed.vocabulary) vocabulary.set(form, term);
  return {
    titleTerms: analysedTitle.terms,
    leadTerms: terms.slice(0, leadTermCount).join(' '),
    bodyTerms: terms.slice(leadTermCount).join(' '),
    leadTermCount,
    titleOffsets: packOffsets(analysedTitle.offsets),
    textOffsets: packOffsets(analysed.offsets),
    wordCount: analysed.wordCount,
    vocabulary: [...vocabulary],
  };
}

/** Everything the writer would compute from an article's title, paragraphs and language. */
export function prepareArticle(article: { title: string; paragraphs: string[]; lang: string | null }): PreparedArticle {
  const text = article.paragraphs.join('\n\n');
  // A lead is the first paragraph of several; an article of one paragraph is all body, or its
  // every word would carry the lead's weight.
  const leadEnd = article.paragraphs.length > 1 ? (article.paragraphs[0]?.length ?? 0) : 0;
  return {
    contentHash: contentHash(article.title, text),
    simhash: simHash(text),
    analysis: analyseForIndex(article.title, text, leadEnd, article.lang),
  };
}
