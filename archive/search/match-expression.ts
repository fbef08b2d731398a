import type { SearchNotice } from '../api/contract.ts';
import { fold } from '../text/fold.ts';
import type { LanguageAnalyzer } from '../text/languages.ts';
import { tokenize } from '../text/tokenize.ts';
import type { ParsedQuery, QueryItem } from './parse-query.ts';

export interface MatchExpression {
  /** FTS5 MATCH syntax built only from analysed terms, so user input can never be an FTS5 syntax error. */
  fts: string | null;
  /**
   * Articles with some of the required words but not all of them, for a query of several words:
   * the list continues with them when too few articles have every word.
   */
  relaxed: string | null;
  /**
   * Any form of any required word that is not restricted to a field: `{title} : (anyWord)` picks
   * the matches with a required word in their title, which ranking looks at first.
   */
  anyWord: string | null;
  /**
   * The matches with a required word in their title (`fts` and `{title} : (anyWord)`), written so
   * FTS5 reads as little as it can: for a query of one word (or one OR group), its title hits alone.
   */
  headline: string | null;
  /**
   * `fts` without the proximity bonus: the same matches and the same matched words (highlights), at
   * a fraction of the cost per article, for when the bonus does not rank anything.
   */
  plain: string | null;
  notice: SearchNotice | null;
}

// Words this close together earn a ranking bonus.
const PROXIMITY = 10;

/** Indexed terms of words that start with a (folded) prefix but whose term is shorter than it. */
export type PrefixExpander = (prefix: string) => string[];

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function any(expressions: readonly string[]): string {
  return expressions.length === 1 ? (expressions[0] as string) : `(${expressions.join(' OR ')})`;
}

function all(expressions: readonly string[]): string {
  return expressions.length === 1 ? (expressions[0] as string) : `(${expressions.join(' AND ')})`;
}

/** The FTS5 forms of one item as one language analyses it; none when it is only stop words. */
function itemForms(item: QueryItem, analyzer: LanguageAnalyzer, expandPrefix: PrefixExpander): string[] {
  const words = tokenize(item.text).map((token) => token.word);
  const lastWord = words.pop();
  if (lastWord === undefined) return [];
  const head = words.map((word) => analyzer.term(word)).filter((term) => term !== null);
  const phrase = (tail: string) => [...head.map(quote), tail].join(' + ');
  if (item.prefix) {
    // Stems are mostly prefixes of their words, so "coop*" matches terms; a prefix longer than the
    // stem ("cooperat*" for "cooper") goes through the words of the archive that start with it.
    const prefix = fold(lastWord);
    return [phrase(`${quote(prefix)} *`), ...expandPrefix(prefix).map((term) => phrase(quote(term)))];
  }
  const last = analyzer.term(lastWord);
  if (last !== null) return [phrase(quote(last))];
  return head.length > 0 ? [head.map(quote).join(' + ')] : [];
}

function inField(item: QueryItem, forms: string[]): string[] {
  return item.field ? forms.map((form) => `${item.field} : (${form})`) : forms;
}

/**
 * Every required word, and a bonus for articles where they stand close together: the NEAR group
 * matches no article the AND does not, but its hits add to bm25.
 */
function requireAll(required: readonly string[][], bonus = true): string {
  const conjunction = all(required.map(any));
  if (!bonus) return conjunction;
  const single = required.filter((forms) => forms.length === 1 && !forms[0]?.includes(' : '));
  if (single.length < 2) return conjunction;
  return `(${conjunction} OR NEAR(${single.map((forms) => forms[0]).join(' ')}, ${PROXIMITY}))`;
}

/**
 * Turns a parsed query into an FTS5 expression over the analysed columns. Each article was indexed
 * with its own language's analyser, so the required words are read once per language of the
 * archive, and an article matches when it has them as its language reads them. An excluded word
 * excludes an article in whichever language's reading it matches.
 */
export function buildMatchExpression(
  parsed: ParsedQuery,
  analyzers: readonly LanguageAnalyzer[],
  expandPrefix: PrefixExpander,
): MatchExpression {
  const readings = new Set<string>();
  const plainReadings = new Set<string>();
  const excluded = new Set<string>();
  // Per reading, any of its words; a word typed twice counts twice in the ranking, as it does in a question.
  const partialReadings = new Set<string>();
  const unfielded = new Set<string>();
  let requiredGroups = 0;
  for (const analyzer of analyzers) {
    const required: string[][] = [];
    for (const group of parsed.groups) {
      const forms = group.alternatives.flatMap((item) => inField(item, itemForms(item, analyzer, expandPrefix)));
      if (forms.length === 0) continue;
      if (group.excluded) forms.forEach((form) => excluded.add(form));
      else required.push(forms);
      if (!group.excluded) forms.filter((form) => !form.includes(' : ')).forEach((form) => unfielded.add(form));
    }
    if (required.length === 0) continue;
    readings.add(requireAll(required));
    plainReadings.add(requireAll(required, false));
    partialReadings.add(any(required.flat()));
    requiredGroups = Math.max(requiredGroups, required.length);
  }
  if (readings.size > 0) {
    const exclusion = excluded.size > 0 ? ` NOT ${any([...excluded])}` : '';
    const strict = any([...readings]);
    const relaxed = requiredGroups > 1 ? `${any([...partialReadings])} NOT ${strict}${exclusion}` : null;
    const anyWord = unfielded.size > 0 ? any([...unfielded]) : null;
    const plain = any([...plainReadings]) + exclusion;
    const inTitle = `{title} : (${anyWord})`;
    const headline = anyWord === null ? null : requiredGroups === 1 ? inTitle + exclusion : `(${plain}) AND ${inTitle}`;
    return { fts: strict + exclusion, relaxed, anyWord, headline, plain, notice: parsed.notice };
  }
  let notice = parsed.notice;
  if (excluded.size > 0) {
    notice = {
      code: 'only_exclusions',
      message: 'Add at least one word to look for: a search cannot only exclude words.',
    };
  } else if (parsed.groups.length > 0) {
    notice = { code: 'only_common_words', message: 'The query only has very common words, which are not indexed.' };
  } else if (parsed.filters.length === 0) {
    notice ??= { code: 'empty_query', message: 'Type a word to search for.' };
  }
  return { fts: null, relaxed: null, anyWord: null, headline: null, plain: null, notice };
}
