import { parseQuery, type QueryFilter } from '../../archive/search/parse-query.ts';
import type { ArticleMetadata } from '../metadata.ts';

/** What lunr needs to answer a query of the archive's language. */
export interface LunrQuery {
  /** lunr's query syntax; empty when the query has only filters. */
  text: string;
  /** Metadata conditions, which lunr cannot search: applied to its hits, as an app on lunr would. */
  filters: QueryFilter[];
}

/** What the benchmark's lunr keeps of each article beside its index, to filter, sort and count hits. */
export interface LunrDocument extends ArticleMetadata {
  lang: string;
  sourcePath: string;
}

/**
 * The query in lunr's syntax, through the archive's own parser: plain words become required
 * (+word) as they are in the archive, a phrase becomes its words required (lunr has no phrases),
 * prefix*, title: and -exclusion carry over. lunr has no required "one of", so an OR group becomes
 * optional terms: exact for the pure-OR queries of the set.
 */
export function toLunrQuery(query: string, asYouType = false): LunrQuery {
  const parsed = parseQuery(query, { asYouType });
  const clauses: string[] = [];
  for (const group of parsed.groups) {
    const presence = group.excluded ? '-' : group.alternatives.length > 1 ? '' : '+';
    for (const item of group.alternatives) {
      const field = item.field ? `${item.field}:` : '';
      const suffix = item.prefix ? '*' : '';
      for (const word of item.text.split(/\s+/).filter(Boolean)) clauses.push(`${presence}${field}${word}${suffix}`);
    }
  }
  return { text: clauses.join(' '), filters: parsed.filters };
}

const contains = (value: string, part: string) => value.toLowerCase().includes(part.toLowerCase());

/** One filter as archive/search/filters.ts reads it (dates compare as ISO strings). */
function matches(document: LunrDocument, filter: QueryFilter): boolean {
  const value = filter.value.trim();
  switch (filter.field) {
    case 'author':
      return contains(document.author, value);
    case 'source':
      return contains(document.source, value) || contains(document.sourcePath, value);
    case 'lang':
      return document.lang === value.toLowerCase();
    case 'after':
      return document.publishedAt >= value;
    case 'before':
      return document.publishedAt < value;
    case 'year':
      return document.publishedAt.startsWith(value);
    default:
      throw new Error(`the lunr baseline has no "${filter.field}:" data: its articles have no library state.`);
  }
}

export function matchesFilters(document: LunrDocument, filters: readonly QueryFilter[]): boolean {
  return filters.every((filter) => matches(document, filter) !== filter.excluded);
}
