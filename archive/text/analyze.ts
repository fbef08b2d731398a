import { analyzerFor } from './languages.ts';
import { tokenize } from './tokenize.ts';

/**
 * A field as the full-text index sees it: the analysed terms, space-separated, and for each term
 * the offsets of the word it came from, so that FTS5 match positions map back to the original text.
 */
export interface AnalysedField {
  terms: string;
  offsets: Uint32Array;
  /** Words in the text, stop words included. */
  wordCount: number;
  /** Each distinct word as written (folded) with its term, so prefixes can be matched on words, not stems. */
  vocabulary: Map<string, string>;
}

export function analyseField(text: string, language: string | null): AnalysedField {
  const analyzer = analyzerFor(language);
  const terms: string[] = [];
  const offsets: number[] = [];
  const vocabulary = new Map<string, string>();
  const tokens = tokenize(text);
  for (const token of tokens) {
    const { form, term } = analyzer.analyse(token.word);
    if (term === null) continue;
    terms.push(term);
    offsets.push(token.start, token.end);
    vocabulary.set(form, term);
  }
  return { terms: terms.join(' '), offsets: Uint32Array.from(offsets), wordCount: tokens.length, vocabulary };
}
