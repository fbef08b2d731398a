/**
 * CISI questions as a reader would type them into our search box. Characters our query language
 * reads as syntax are removed, so each word is just a word: quotes would make phrases, a leading
 * "-" an exclusion, a trailing "*" a prefix, "word:" a field ("title:", "author:") and a bare
 * "OR" the operator.
 */
export function archiveWords(text: string): string[] {
  return text
    .split(/[\s:]+/)
    .map((word) => word.replace(/"/g, '').replace(/^-+/, '').replace(/\*+$/, ''))
    .map((word) => (word === 'OR' ? 'or' : word))
    .filter((word) => word !== '');
}

/** Our default query: every word required. */
export const allWordsQuery = (text: string) => archiveWords(text).join(' ');

/** Any of the words, through our OR syntax. */
export const anyWordQuery = (text: string) => archiveWords(text).join(' OR ');

/**
 * Plain FTS5 MATCH expression: the lowercased alphanumeric words, each quoted, joined by OR. A word
 * the question repeats is repeated, as ours does, so that bm25 weighs it the same way in both.
 */
export function plainFtsQuery(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((word) => `"${word}"`).join(' OR ');
}
