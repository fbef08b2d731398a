// Between a title and the site's name: "Title | Site", "Site - Title", "Title — Site"…
const SEPARATOR = /\s+[|\-–—·•»«~/:]{1,2}\s+/g;

/** Lower case without accents or anything but letters and digits, for comparing names. */
const squash = (text: string) =>
  text
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Whether a piece of a title names the site: one of its names, give or take a little ("Le Monde"
 * for "Le Monde.fr", "lemonde" for the host name); a piece that merely mentions the site is not.
 */
function namesSite(piece: string, siteNames: readonly string[]): boolean {
  const squashed = squash(piece);
  if (squashed.length < 2) return false;
  return siteNames.some((name) => {
    const site = squash(name);
    if (site === squashed) return true;
    const [shorter, longer] = site.length < squashed.length ? [site, squashed] : [squashed, site];
    return shorter.length >= 4 && shorter.length >= 0.75 * longer.length && longer.includes(shorter);
  });
}

/**
 * A title without the site's name before or after it ("Title | Le Monde" → "Title"), removed only
 * when that piece matches one of `siteNames`; titles whose separators belong to the title itself
 * ("Paris - Dakar: the last rally") are left whole.
 */
export function stripSiteName(title: string, siteNames: readonly string[]): string {
  let result = title.replace(/\s+/g, ' ').trim();
  for (;;) {
    const separators = [...result.matchAll(SEPARATOR)];
    const last = separators.at(-1);
    const first = separators[0];
    if (last?.index !== undefined && namesSite(result.slice(last.index + last[0].length), siteNames)) {
      result = result.slice(0, last.index).trim();
    } else if (first?.index !== undefined && namesSite(result.slice(0, first.index), siteNames)) {
      result = result.slice(first.index + first[0].length).trim();
    } else {
      return result;
    }
  }
}

/** Whether a title is just the site's name: then it names the site's home page, not the article. */
export function isSiteName(title: string, siteNames: readonly string[]): boolean {
  return siteNames.some((name) => squash(name) === squash(title));
}

// Not the colon: French sets it off with spaces inside a title ("Niger : la saison des pluies commence").
const SUFFIX_SEPARATOR = /\s+[|\-–—·•»]{1,2}\s+/g;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * Readability's reading of a `<title>` whose site name we could not recognise, with the dashes it
 * does not know: the last piece goes ("Title – My website"), or the first when too little would
 * be left, unless four words or fewer would remain. Null for a title without separators.
 */
export function trimTitleSuffix(title: string): string | null {
  const separators = [...title.matchAll(SUFFIX_SEPARATOR)];
  const last = separators.at(-1);
  const first = separators[0];
  if (last?.index === undefined || first?.index === undefined) return null;
  let trimmed = title.slice(0, last.index).trim();
  if (wordCount(trimmed) < 3) trimmed = title.slice(first.index + first[0].length).trim();
  return wordCount(trimmed) <= 4 ? title : trimmed;
}

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

/** Share of a candidate's words that the page's `<title>` also has. */
function overlap(candidate: string, documentTitle: string): number {
  const inTitle = words(documentTitle);
  const candidateWords = [...words(candidate)];
  return candidateWords.length ? candidateWords.filter((word) => inTitle.has(word)).length / candidateWords.length : 0;
}

/**
 * Of a JSON-LD headline and name that differ, the one closer to the page's `<title>`: some sites
 * put a summary in `headline` (Wikipedia), others the site's name in `name`. The headline on a tie.
 */
export function headlineOrName(
  headline: string | null,
  name: string | null,
  documentTitle: string,
  siteNames: readonly string[],
): string | null {
  if (!headline || !name || headline === name) return headline ?? name;
  if (isSiteName(name, siteNames)) return headline;
  return overlap(name, documentTitle) > overlap(headline, documentTitle) ? name : headline;
}
