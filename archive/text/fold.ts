const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ĳ: 'ij', ﬁ: 'fi', ﬂ: 'fl', ﬀ: 'ff' };
const LIGATURE_RE = /[œæßĳﬁﬂﬀ]/g;
const MARKS_RE = /\p{M}+/gu;

/**
 * Case, accent and ligature folding shared by indexing and querying, so that
 * "Coopération", "COOPERATION" and "coopœration" meet on one form.
 */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  const ascii = /^[\p{ASCII}]*$/u.test(lower);
  if (ascii) return lower;
  // "й" is a letter of its own in Russian, and the Russian stemmer's suffixes depend on it.
  return lower
    .replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
    .replace(/й/g, '\uE000')
    .normalize('NFD')
    .replace(MARKS_RE, '')
    .normalize('NFC')
    .replace(/\uE000/g, 'й');
}
