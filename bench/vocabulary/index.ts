import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishWords } from './english.ts';
import { frenchWords } from './french.ts';

export type BenchLanguage = 'en' | 'fr';

export interface Vocabulary {
  /** Distinct words, most frequent first: a word's rank sets its Zipf weight. */
  words: readonly string[];
  /** Where the words came from, for the report. */
  source: string;
}

export interface Vocabularies {
  en: Vocabulary;
  fr: Vocabulary;
  /** Set when the French corpus is missing and the built-in list stood in for it. */
  notice: string | null;
}

/** 1,000 French Wikinews sentences (see its NOTE.md), relative to the project root. */
export const FRENCH_CORPUS = '../shared/corpora/french-wikinews/frwikinews-test-1000.txt';

// Letters, with apostrophes inside a word kept, so elisions ("l'armée") stay as French writes them.
const CORPUS_WORD_RE = /\p{L}+(?:['’]\p{L}+)*/gu;

/**
 * The distinct words of a text by decreasing frequency (ties in order of first appearance), lower-cased
 * unless the word is never written in lower case, so "France" stays a proper noun and "Le" becomes "le".
 */
export function corpusWords(text: string): string[] {
  const counts = new Map<string, { count: number; lowerSeen: boolean; cased: string }>();
  for (const [word] of text.matchAll(CORPUS_WORD_RE)) {
    const key = word.toLowerCase();
    const entry = counts.get(key) ?? { count: 0, lowerSeen: false, cased: word };
    entry.count++;
    entry.lowerSeen ||= word === key;
    counts.set(key, entry);
  }
  return [...counts]
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([key, entry]) => (entry.lowerSeen ? key : entry.cased));
}

export function loadVocabularies(projectRoot: string): Vocabularies {
  const en: Vocabulary = { words: englishWords(), source: 'built-in list with inflections' };
  const corpusPath = join(projectRoot, FRENCH_CORPUS);
  if (existsSync(corpusPath)) {
    const fr: Vocabulary = { words: corpusWords(readFileSync(corpusPath, 'utf8')), source: FRENCH_CORPUS };
    return { en, fr, notice: null };
  }
  return {
    en,
    fr: { words: frenchWords(), source: 'built-in list with inflections' },
    notice: `${FRENCH_CORPUS} was not found: the French articles use the built-in word list instead of real French Wikinews vocabulary.`,
  };
}
