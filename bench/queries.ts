export const QUERY_CLASSES = [
  '1 word',
  '3 words',
  'phrase',
  'prefix',
  'OR',
  'exclusion',
  'field',
  'facets',
  'as you type',
  'newest',
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface BenchQuery {
  text: string;
  class: QueryClass;
}

/** What a query asks of the engine: the facet counts of every match, or a first page of results. */
export type BenchRequest = { kind: 'facets' } | { kind: 'page'; sort: 'relevance' | 'newest'; asYouType: boolean };

export function requestFor(queryClass: QueryClass): BenchRequest {
  if (queryClass === 'facets') return { kind: 'facets' };
  return {
    kind: 'page',
    sort: queryClass === 'newest' ? 'newest' : 'relevance',
    asYouType: queryClass === 'as you type',
  };
}

/**
 * The fixed query set, in the archive's query language. Every French word is both in the built-in
 * list and in the French Wikinews corpus, so the queries find articles whichever vocabulary is used.
 * No stop words: lunr's query side does not drop them, and a required stop word would match nothing.
 * Authors and sources are from bench/metadata.ts, dates within its years.
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
  { class: 'field', text: 'title:gouvernement' },
  { class: 'field', text: 'title:"security council"' },
  { class: 'field', text: 'author:durand élection' },
  { class: 'field', text: 'author:"sarah mitchell" government' },
  { class: 'field', text: 'source:gazette police' },
  { class: 'field', text: 'lang:fr président' },
  { class: 'field', text: 'year:2019 police' },
  { class: 'field', text: 'after:2024-06 election' },
  { class: 'field', text: 'before:2016 gouvernement' },
  { class: 'field', text: 'after:2020 before:2022 "prime minister"' },
  { class: 'field', text: 'source:tribune year:2023' },
  { class: 'facets', text: 'government' },
  { class: 'facets', text: 'élection' },
  { class: 'facets', text: '"premier ministre"' },
  { class: 'facets', text: 'lang:en police' },
  { class: 'facets', text: 'year:2021 gouvernement' },
  // A user typing "gouvernement", "sécurité", "élection", "police", "ministre", then a second word.
  { class: 'as you type', text: 'gou' },
  { class: 'as you type', text: 'gouv' },
  { class: 'as you type', text: 'gouve' },
  { class: 'as you type', text: 'sec' },
  { class: 'as you type', text: 'secu' },
  { class: 'as you type', text: 'elec' },
  { class: 'as you type', text: 'pol' },
  { class: 'as you type', text: 'minis' },
  { class: 'as you type', text: 'prime mini' },
  { class: 'as you type', text: 'union euro' },
  { class: 'newest', text: 'government' },
  { class: 'newest', text: 'élection' },
  { class: 'newest', text: 'police court' },
  { class: 'newest', text: '"premier ministre"' },
  { class: 'newest', text: 'secur*' },
  { class: 'newest', text: 'source:gazette' },
];
