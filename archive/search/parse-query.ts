import type { SearchNotice } from '../api/contract.ts';

/** One thing the user asked for: a word (perhaps a prefix) or an exact phrase. */
export interface QueryItem {
  kind: 'word' | 'phrase';
  text: string;
  prefix: boolean;
}

/** Items joined by OR; a query is every positive group AND none of the excluded ones. */
export interface QueryGroup {
  alternatives: QueryItem[];
  excluded: boolean;
}

export interface ParsedQuery {
  groups: QueryGroup[];
  notice: SearchNotice | null;
}

// A quoted phrase (closed or running to the end), or a run of non-space characters.
const TOKEN_RE = /(-?)"([^"]*)("?)|(\S+)/g;

/**
 * Reads the query language: words (all required), "exact phrases", -excluded, OR, prefix*.
 * Any string is a valid query: what cannot be read as syntax is read as words.
 */
export function parseQuery(query: string): ParsedQuery {
  const groups: QueryGroup[] = [];
  let notice: SearchNotice | null = null;
  let joinNext = false;

  for (const match of query.matchAll(TOKEN_RE)) {
    const [, minus, phrase, closingQuote, bare] = match;
    let item: QueryItem;
    let excluded = false;
    if (phrase !== undefined) {
      if (!closingQuote) {
        notice = {
          code: 'unclosed_quote',
          message: 'The closing quote was missing: the phrase runs to the end of the query.',
        };
      }
      if (phrase.trim() === '') continue;
      item = { kind: 'phrase', text: phrase, prefix: false };
      excluded = minus === '-';
    } else {
      let word = bare ?? '';
      if (word === 'OR') {
        joinNext = groups.length > 0;
        continue;
      }
      if (word.length > 1 && word.startsWith('-')) {
        excluded = true;
        word = word.slice(1);
      }
      const prefix = /\p{L}|\p{N}/u.test(word) && word.endsWith('*');
      item = { kind: 'word', text: word.replace(/\*+$/, ''), prefix };
    }
    const previous = groups[groups.length - 1];
    if (joinNext && previous && !previous.excluded && !excluded) {
      previous.alternatives.push(item);
    } else {
      groups.push({ alternatives: [item], excluded });
    }
    joinNext = false;
  }
  return { groups, notice };
}
