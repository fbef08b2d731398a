/** Words read a minute: near the ~238 measured for silent reading of English non-fiction (Brysbaert, 2019). */
export const WORDS_PER_MINUTE = 230;

/** Minutes to read a text of `wordCount` words, rounded, never less than one: the app and the CLI show this. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
