import type { SearchNotice } from '../api/contract.ts';

/** One thing the user asked for: a word (perhaps a prefix) or an exact phrase, anywhere or in the title. */
export interface QueryItem {
  kind: 'word' | 'phrase';
  text: string;
  prefix: boolean;
  field: 'title' | null;
}

/** Items joined by OR; a query is every positive group AND none of the excluded ones. */
export interface QueryGroup {
  alternatives: QueryItem[];
  excluded: boolean;
}

export const FILTER_FIELDS = [
  'author',
  'source',
  'tag',
  'collection',
  'lang',
  'after',
  'before',
  'year',
  'is',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** A condition on the article's metadata rather than its words. */
export interface QueryFilter {
  field: FilterField;
  value: string;
  excluded: boolean;
}

export interface ParsedQuery {
  groups: QueryGroup[];
  filters: QueryFilter[];
  notice: SearchNotice | null;
}

export const READING_STATES = ['bookmarked', 'unread', 'reading', 'read'] as const;

const DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Whether a filter's value makes sense; one that does not is searched as words instead. */
function validFilter(field: FilterField, value: string): boolean {
  switch (field) {
    case 'after':
    case 'before':
      return DATE_RE.test(value);
    case 'year':
      return /^\d{4}$/.test(value);
    case 'is':
      return (READING_STATES as readonly string[]).includes(value.toLowerCase());
    case 'lang':
      return /^[a-z]{2,3}$/i.test(value);
    default:
      return value.trim() !== '';
  }
}

// An optional minus and field name, then a quoted phrase (closed or running to the end) or a run of non-space characters.
const TOKEN_RE = /(-?)(?:([a-z]+):)?(?:"([^"]*)("?)|(\S*))/gi;

/**
 * Reads the query language: words (all required), "exact phrases", -excluded, OR, prefix*,
 * title:, author:, source:, tag:, collection:, lang:, after:, before:, year:, is:. Any string is a valid query:
 * what cannot be read as syntax is read as words, and the notice says so. With `asYouType`, the
 * last word is a prefix, as it is still being typed.
 */
export function parseQuery(query: string, options: { asYouType?: boolean } = {}): ParsedQuery {
  const groups: QueryGroup[] = [];
  const filters: QueryFilter[] = [];
  let notice: SearchNotice | null = null;
  let joinNext = false;
  let lastWord: QueryItem | null = null;

  for (const match of query.matchAll(TOKEN_RE)) {
    const [whole, minus, rawField, phrase, closingQuote, bare] = match;
    if (whole === '') continue;
    const field = rawField?.toLowerCase();
    const excluded = minus === '-' && whole.length > 1;
    const value = phrase ?? bare ?? '';
    if (phrase !== undefined && !closingQuote) {
      notice = {
        code: 'unclosed_quote',
        message: 'The closing quote was missing: the phrase runs to the end of the query.',
      };
    }
    if (field && (FILTER_FIELDS as readonly string[]).includes(field)) {
      if (validFilter(field as FilterField, value)) {
        filters.push({ field: field as FilterField, value, excluded });
        lastWord = null;
        continue;
      }
      notice = {
        code: 'ignored_filter',
        message: `"${field}:${value}" is not a filter this search understands; its words were searched instead.`,
      };
    }
    const inTitle = field === 'title' ? 'title' : null;
    const text = field && !inTitle ? `${field} ${value}` : value;
    if (phrase === undefined && !field && text === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    if (text.trim() === '') continue;
    let item: QueryItem;
    if (phrase !== undefined) {
      item = { kind: 'phrase', text, prefix: false, field: inTitle };
    } else {
      const prefix = /\p{L}|\p{N}/u.test(text) && text.endsWith('*');
      item = { kind: 'word', text: text.replace(/\*+$/, ''), prefix, field: inTitle };
    }
    lastWord = item.kind === 'word' && !excluded ? item : null;
    const previous = groups[groups.length - 1];
    if (joinNext && previous && !previous.excluded && !excluded) {
      previous.alternatives.push(item);
    } else {
      groups.push({ alternatives: [item], excluded });
    }
    joinNext = false;
  }
  if (options.asYouType && lastWord && !/\s$/.test(query)) lastWord.prefix = true;
  return { groups, filters, notice };
}
