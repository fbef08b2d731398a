/**
 * Editing a query as text, the way the core's parser reads it (archive/search/parse-query.ts):
 * adding and removing metadata filters for the facets, and marking the word being typed as a prefix.
 * Pure functions, no DOM, so they are unit-tested under Node.
 */

/** The filters the facets add; the field names are the query language's. */
export type FacetField = 'lang' | 'year' | 'source' | 'tag' | 'is' | 'collection';

interface Token {
  start: number;
  end: number;
  excluded: boolean;
  field: string | null;
  value: string;
  phrase: boolean;
}

// The same token shape as the core's parser: an optional minus and field name, then a quoted phrase
// (closed or running to the end) or a run of non-space characters.
const TOKEN_RE = /(-?)(?:([a-z]+):)?(?:"([^"]*)("?)|(\S*))/gi;

function tokens(query: string): Token[] {
  const result: Token[] = [];
  for (const match of query.matchAll(TOKEN_RE)) {
    const [whole, minus, field, phrase, , bare] = match;
    if (whole === '') continue;
    result.push({
      start: match.index,
      end: match.index + whole.length,
      excluded: minus === '-' && whole.length > 1,
      field: field ? field.toLowerCase() : null,
      value: phrase ?? bare ?? '',
      phrase: phrase !== undefined,
    });
  }
  return result;
}

// Filters ignore case (lang:FR is lang:fr), and tags accents too (tag:energie is the tag "énergie").
function sameValue(field: FacetField, a: string, b: string): boolean {
  const sensitivity = field === 'tag' ? 'base' : 'accent';
  if (field === 'collection' || field === 'is') return a.trim().toLowerCase() === b.trim().toLowerCase();
  return a.trim().localeCompare(b.trim(), undefined, { sensitivity }) === 0;
}

function matches(token: Token, field: FacetField, value: string): boolean {
  return token.field === field && sameValue(field, token.value, value);
}

/** How a filter is written: bare when its value is one run of characters, else quoted. */
export function filterText(field: FacetField, value: string): string {
  const clean = value.replace(/"/g, '').trim();
  return /^[^\s"]+$/.test(clean) ? `${field}:${clean}` : `${field}:"${clean}"`;
}

/** Whether the query asks for this filter (not its exclusion). */
export function hasFilter(query: string, field: FacetField, value: string): boolean {
  return tokens(query).some((token) => !token.excluded && matches(token, field, value));
}

function without(query: string, remove: (token: Token) => boolean): string {
  let result = '';
  let cursor = 0;
  for (const token of tokens(query)) {
    if (!remove(token)) continue;
    result += query.slice(cursor, token.start);
    cursor = token.end;
  }
  return (result + query.slice(cursor)).replace(/\s{2,}/g, ' ').trim();
}

/**
 * Adds the filter to the query, or removes it when the query already has it. Adding it drops its
 * exclusion (`-lang:fr`), which would contradict it.
 */
export function toggleFilter(query: string, field: FacetField, value: string): string {
  if (hasFilter(query, field, value)) {
    return without(query, (token) => !token.excluded && matches(token, field, value));
  }
  const rest = without(query, (token) => token.excluded && matches(token, field, value));
  return rest ? `${rest} ${filterText(field, value)}` : filterText(field, value);
}

/**
 * The query with its last word marked as a prefix (`coop` → `coop*`), as the core reads a query
 * searched as you type: for the calls that take no `asYouType`, so that they agree with the results.
 */
export function asPrefixQuery(query: string): string {
  if (/\s$/.test(query)) return query;
  const last = tokens(query).at(-1);
  if (!last || last.end !== query.length || last.excluded || last.phrase) return query;
  if (last.field !== null && last.field !== 'title') return query;
  if (last.value === 'OR' || last.value.endsWith('*') || !/[\p{L}\p{N}]/u.test(last.value)) return query;
  return `${query}*`;
}

// The query language's filters (archive/search/parse-query.ts); any other "field:" is searched as words.
const FILTER_FIELDS = new Set(['author', 'source', 'tag', 'collection', 'lang', 'after', 'before', 'year', 'is']);
const isFilter = (token: Token) => token.field !== null && FILTER_FIELDS.has(token.field);

/** The filters of a query, as the facets would write them (field and value). */
export function filtersOf(query: string): { field: string; value: string; excluded: boolean; text: string }[] {
  return tokens(query)
    .filter(isFilter)
    .map((token) => ({
      field: token.field as string,
      value: token.value,
      excluded: token.excluded,
      text: query.slice(token.start, token.end),
    }));
}

/** The query without one of its filters, given as written (`filtersOf(query)[i].text`). */
export function withoutFilterText(query: string, text: string): string {
  let removed = false;
  return without(query, (token) => {
    if (removed || query.slice(token.start, token.end) !== text) return false;
    removed = true;
    return true;
  });
}

/** Whether a query is only filters (no words): the core lists the matching articles. */
export function isFilterOnly(query: string): boolean {
  const all = tokens(query);
  return all.length > 0 && all.every(isFilter);
}
