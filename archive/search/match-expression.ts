import type { SearchNotice } from '../api/contract.ts';
import { fold } from '../text/fold.ts';
import type { LanguageAnalyzer } from '../text/languages.ts';
import { tokenize } from '../text/tokenize.ts';
import type { ParsedQuery, QueryItem } from './parse-query.ts';

export interface MatchExpression {
  /** FTS5 MATCH syntax built only from analysed terms, so user input can never be an FTS5 syntax error. */
  fts: string | null;
  notice: SearchNotice | null;
}

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** The FTS5 form of one item as one language analyses it, or null when it is only stop words. */
function itemForms(item: QueryItem, analyzer: LanguageAnalyzer): string[] {
  const words = tokenize(item.text).map((token) => token.word);
  const lastWord = words.pop();
  if (lastWord === undefined) return [];
  const headTerms = words
    .map((word) => analyzer.term(word))
    .filter((term) => term !== null)
    .map(quote);
  if (item.prefix) {
    // A prefix may be longer than the stem of the word it starts ("cooperat" vs "cooper"), so the stem is tried too.
    const tails = new Set([fold(lastWord), analyzer.term(lastWord) ?? fold(lastWord)]);
    return [...tails].map((tail) => [...headTerms, `${quote(tail)} *`].join(' + '));
  }
  const last = analyzer.term(lastWord);
  const terms = last === null ? headTerms : [...headTerms, quote(last)];
  return terms.length > 0 ? [terms.join(' + ')] : [];
}

function any(expressions: string[]): string {
  return expressions.length === 1 ? (expressions[0] as string) : `(${expressions.join(' OR ')})`;
}

function all(expressions: string[]): string {
  return expressions.length === 1 ? (expressions[0] as string) : `(${expressions.join(' AND ')})`;
}

/** The whole query as one language analyses it: its stop words dropped, its stems required. */
function expressionFor(parsed: ParsedQuery, analyzer: LanguageAnalyzer): { fts: string | null; excludedOnly: boolean } {
  const required: string[] = [];
  const excluded: string[] = [];
  for (const queryGroup of parsed.groups) {
    const forms = queryGroup.alternatives.flatMap((item) => itemForms(item, analyzer));
    if (forms.length > 0) (queryGroup.excluded ? excluded : required).push(any(forms));
  }
  if (required.length === 0) return { fts: null, excludedOnly: excluded.length > 0 };
  return { fts: [all(required), ...excluded.map((expression) => `NOT ${expression}`)].join(' '), excludedOnly: false };
}

/**
 * Turns a parsed query into an FTS5 expression over the analysed columns. Each article was indexed
 * with its own language's analyser, so the query is analysed once per language of the archive
 * and an article matches when it matches the query as its language reads it.
 */
export function buildMatchExpression(parsed: ParsedQuery, analyzers: readonly LanguageAnalyzer[]): MatchExpression {
  const perLanguage = analyzers.map((analyzer) => expressionFor(parsed, analyzer));
  const expressions = [...new Set(perLanguage.map((e) => e.fts).filter((fts) => fts !== null))];
  if (expressions.length > 0) return { fts: any(expressions), notice: parsed.notice };
  let notice = parsed.notice;
  if (perLanguage.some((e) => e.excludedOnly)) {
    notice = {
      code: 'only_exclusions',
      message: 'Add at least one word to look for: a search cannot only exclude words.',
    };
  } else if (parsed.groups.length > 0) {
    notice = { code: 'only_common_words', message: 'The query only has very common words, which are not indexed.' };
  } else {
    notice ??= { code: 'empty_query', message: 'Type a word to search for.' };
  }
  return { fts: null, notice };
}
