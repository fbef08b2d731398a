import { fold } from '../text/fold.ts';

/**
 * Site chrome that scrapers leave around an article ("Articles similaires", "Bouton retour en haut
 * de la page"...), compared after folding case, accents and punctuation.
 */
const CHROME_LINES = [
  // French
  'articles similaires',
  'articles connexes',
  'a lire aussi',
  'lire aussi',
  'voir aussi',
  'sur le meme sujet',
  'bouton retour en haut de la page',
  'retour en haut de la page',
  'retour en haut',
  'haut de page',
  'partager',
  'partager cet article',
  'partagez cet article',
  'imprimer',
  'publicite',
  'commentaires',
  'laisser un commentaire',
  'laissez un commentaire',
  'abonnez vous',
  'suivez nous',
  'newsletter',
  'vous aimerez aussi',
  'vous pourriez aussi aimer',
  'dans la meme rubrique',
  'tags',
  'mots cles',
  // English
  'related articles',
  'related posts',
  'related stories',
  'related',
  'back to top',
  'back to top button',
  'share',
  'share this',
  'share this article',
  'share this post',
  'print',
  'advertisement',
  'comments',
  'leave a comment',
  'leave a reply',
  'read more',
  'read also',
  'see also',
  'you may also like',
  'you might also like',
  'more stories',
  'subscribe',
  'follow us',
  'sign up for our newsletter',
  // Arabic
  'مقالات ذات صلة',
  'اخبار ذات صلة',
  'زر الذهاب الى الاعلى',
  'العودة الى الاعلى',
  'اقرا ايضا',
  'شارك',
  'شارك المقال',
  'تعليقات',
  'اترك تعليقا',
  'اعلان',
  // Social buttons often left as lone words
  'facebook',
  'twitter',
  'x',
  'whatsapp',
  'telegram',
  'linkedin',
  'email',
  'e mail',
  'messenger',
];

/**
 * A site's chrome is a short line ("Articles similaires", a header, a copyright notice); a longer
 * one is prose, and is not folded to be looked up, which is most of the cost of looking.
 */
export const MAX_CHROME_CHARS = 200;

export function normaliseLine(line: string): string {
  return fold(line)
    .replace(/[أإآ]/g, 'ا')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const CHROME = new Set(CHROME_LINES.map(normaliseLine));

export function isChromeLine(line: string): boolean {
  return line.length <= MAX_CHROME_CHARS && CHROME.has(normaliseLine(line));
}

/**
 * Removes chrome lines (and the blank lines among them) from the start and end of a text's lines:
 * those of the phrase lists, and those given as `repeated` (normalised lines of the site's own).
 */
export function trimChrome(
  lines: string[],
  repeated: ReadonlySet<string> = new Set(),
): { kept: string[]; removed: string[] } {
  const removed: string[] = [];
  const isBlankOrChrome = (line: string) => {
    if (line.trim() === '') return true;
    if (line.length > MAX_CHROME_CHARS) return false;
    const normalised = normaliseLine(line);
    if (!CHROME.has(normalised) && !repeated.has(normalised)) return false;
    removed.push(line.trim());
    return true;
  };
  let start = 0;
  let end = lines.length;
  while (start < end && isBlankOrChrome(lines[start] ?? '')) start++;
  while (end > start && isBlankOrChrome(lines[end - 1] ?? '')) end--;
  return { kept: lines.slice(start, end), removed };
}
