import { parseQuery } from '../archive/search/parse-query.ts';

export const QUERY_CLASSES = ['1 word', '3 words', 'phrase', 'prefix', 'OR', 'exclusion'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface BenchQuery {
  text: string;
  class: QueryClass;
}

/**
 * The fixed query set, in the archive's query language. Every French word is both in the built-in
 * list and in the French Wikinews corpus, so the queries find articles whichever vocabulary is used.
 * No stop words: lunr's query side does not drop them, and a required stop word would match nothing.
 */
export const QUERIES: readonly BenchQuery[] = [
  { class: '1 word', text: 'government' },
  { class: '1 word', text: 'cooperation' },
  { class: '1 word', text: 'markets' },
  { class: '1 word', text: 'gouvernement' },
  { class: '1 word', text: 'élection' },
  { class: '1 word', text: 'election' },
  { class: '1 word', text: 'sécurité' },
  { class: '1 word', text: 'securite' },
  { class: '1 word', text: 'négociations' },
  { class: '3 words', text: 'government security council' },
  { class: '3 words', text: 'police court report' },
  { class: '3 words', text: 'président gouvernement élections' },
  { class: '3 words', text: 'ministre armée guerre' },
  { class: '3 words', text: 'president ministre police' },
  { class: 'phrase', text: '"prime minister"' },
  { class: 'phrase', text: '"security council"' },
  { class: 'phrase', text: '"premier ministre"' },
  { class: 'phrase', text: '"union européenne"' },
  { class: 'phrase', text: '"president americain"' },
  { class: 'prefix', text: 'coopér*' },
  { class: 'prefix', text: 'econom*' },
  { class: 'prefix', text: 'gouvern*' },
  { class: 'prefix', text: 'élect*' },
  { class: 'prefix', text: 'secur*' },
  { class: 'prefix', text: 'pr*' },
  { class: 'OR', text: 'election OR vote' },
  { class: 'OR', text: 'economy OR market OR trade' },
  { class: 'OR', text: 'guerre OR paix' },
  { class: 'OR', text: 'police OR tribunal OR juge' },
  { class: 'exclusion', text: 'government -election' },
  { class: 'exclusion', text: 'security -council' },
  { class: 'exclusion', text: 'gouvernement -élection' },
  { class: 'exclusion', text: 'président -ministre' },
  { class: 'exclusion', text: '"premier ministre" -gouvernement' },
  { class: 'exclusion', text: 'gouvern* -président' },
];

/**
 * The same query in lunr's syntax, through the archive's own parser: plain words become required
 * (+word) as they are in the archive, a phrase becomes its words required (lunr has no phrases),
 * prefix* and -exclusion carry over. lunr has no required "one of", so an OR group becomes optional
 * terms: exact for the pure-OR queries of the set.
 */
export function toLunrQuery(query: string): string {
  const clauses: string[] = [];
  for (const group of parseQuery(query).groups) {
    const presence = group.excluded ? '-' : group.alternatives.length > 1 ? '' : '+';
    for (const item of group.alternatives) {
      const suffix = item.prefix ? '*' : '';
      for (const word of item.text.split(/\s+/).filter(Boolean)) clauses.push(`${presence}${word}${suffix}`);
    }
  }
  return clauses.join(' ');
}
