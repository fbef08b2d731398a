import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import lunr from 'lunr';
import type { GeneratedArticle } from '../generate-articles.ts';
import { peakRssMb, timeBatches, timeQueries } from '../measure.ts';
import { requestFor } from '../queries.ts';
import type { BenchLanguage } from '../vocabulary/index.ts';
import { PAGE_SIZE, type EngineOptions, type EngineResult } from './engine.ts';
import { matchesFilters, toLunrQuery, type LunrDocument, type LunrQuery } from './lunr-query.ts';

const require = createRequire(import.meta.url);

// Articles are generated in batches between timed stretches, so generating them is not timed.
const GENERATION_BATCH = 500;

// The archive's bm25 weighs the title 10 to the body's 1 (its lead's 4 has no counterpart here).
const TITLE_BOOST = 10;

function frenchPlugin(): lunr.Builder.Plugin {
  require('lunr-languages/lunr.stemmer.support')(lunr);
  require('lunr-languages/lunr.fr')(lunr);
  return (lunr as unknown as { fr: lunr.Builder.Plugin }).fr;
}

/** A builder with the language's pipeline: lunr-languages' French one, or lunr's own English one. */
function builderFor(language: BenchLanguage, french: lunr.Builder.Plugin): lunr.Builder {
  const builder = new lunr.Builder();
  if (language === 'fr') {
    builder.use(french);
  } else {
    builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    builder.searchPipeline.add(lunr.stemmer);
  }
  builder.ref('id');
  builder.field('title', { boost: TITLE_BOOST });
  builder.field('body');
  return builder;
}

/** The index of each language, and beside them what an app on lunr keeps to filter, sort and count. */
interface LunrArchive {
  indexes: Record<BenchLanguage, lunr.Index>;
  documents: LunrDocument[];
}

/** A match: lunr's hit without its match data, or an article matched by its metadata alone. */
type Hit = Pick<lunr.Index.Result, 'ref' | 'score'>;

const LANGUAGES: readonly BenchLanguage[] = ['en', 'fr'];

// As many sources as the archive's facets list.
const FACET_LIMIT = 30;

/** The matches of a query: lunr's hits that pass the filters, or every article for filters alone. */
function matchesOf({ indexes, documents }: LunrArchive, query: LunrQuery): Hit[] {
  // A required language spares searching the other language's index.
  const languages = LANGUAGES.filter((lang) =>
    query.filters.every(
      (filter) => filter.field !== 'lang' || (filter.value.toLowerCase() === lang) !== filter.excluded,
    ),
  );
  const hits =
    query.text === ''
      ? documents.flatMap((document, ref) =>
          languages.includes(document.lang as BenchLanguage) ? [{ ref: String(ref), score: 0 }] : [],
        )
      : languages.flatMap((lang) => indexes[lang].search(query.text));
  return hits.filter((hit) => matchesFilters(documents[Number(hit.ref)] as LunrDocument, query.filters));
}

const documentOf = (archive: LunrArchive, hit: Hit) => archive.documents[Number(hit.ref)] as LunrDocument;

/**
 * The first page: by decreasing score, as ranking the merged hits of both indexes is what showing it
 * costs, or newest first, id breaking ties as in the archive.
 */
function firstPage(archive: LunrArchive, matched: Hit[], sort: 'relevance' | 'newest') {
  if (sort === 'relevance') {
    matched.sort((a, b) => b.score - a.score);
  } else {
    matched.sort((a, b) => {
      const dateA = documentOf(archive, a).publishedAt;
      const dateB = documentOf(archive, b).publishedAt;
      return dateA === dateB ? Number(b.ref) - Number(a.ref) : dateA < dateB ? 1 : -1;
    });
  }
  return matched.slice(0, PAGE_SIZE);
}

/** Counts by source (the commonest), language and year, as Searcher.facets does. */
function facetCounts(archive: LunrArchive, matched: Hit[]) {
  const count = (key: (document: LunrDocument) => string) => {
    const counts = new Map<string, number>();
    for (const hit of matched) {
      const value = key(documentOf(archive, hit));
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts].sort(([, a], [, b]) => b - a);
  };
  return {
    sources: count((document) => document.source).slice(0, FACET_LIMIT),
    languages: count((document) => document.lang),
    years: count((document) => document.publishedAt.slice(0, 4)),
  };
}

/**
 * The baseline: lunr in memory, one index per language rather than lunr.multiLanguage('en', 'fr'),
 * which would run both stemmers over every word; per-language indexes analyse each article in its
 * own language, as the archive does. A query searches both indexes and merges the hits by score.
 */
export async function runLunr({ articles, rounds, log }: EngineOptions): Promise<EngineResult> {
  const french = frenchPlugin();
  const builders = { en: builderFor('en', french), fr: builderFor('fr', french) };
  const documents: LunrDocument[] = [];
  log('lunr: indexing…');
  const addSeconds = timeBatches(articles, GENERATION_BATCH, (batch: GeneratedArticle[]) => {
    for (const { title, paragraphs, lang, sourcePath, author, source, publishedAt } of batch) {
      builders[lang].add({ id: String(documents.length), title, body: paragraphs.join('\n\n') });
      documents.push({ lang, sourcePath, author, source, publishedAt });
    }
  });
  const start = performance.now();
  const archive: LunrArchive = { indexes: { en: builders.en.build(), fr: builders.fr.build() }, documents };
  const indexSeconds = addSeconds + (performance.now() - start) / 1000;

  log(`lunr: ${documents.length.toLocaleString('en-US')} articles indexed in ${indexSeconds.toFixed(1)} s; querying…`);
  const queries = timeQueries(rounds, (query) => {
    const request = requestFor(query.class);
    const lunrQuery = toLunrQuery(query.text, request.kind === 'page' && request.asYouType);
    return {
      sent: lunrQuery.text,
      run: () => {
        const matched = matchesOf(archive, lunrQuery);
        if (request.kind === 'facets') facetCounts(archive, matched);
        else firstPage(archive, matched, request.sort);
        return matched.length;
      },
    };
  });
  return {
    engine: 'lunr',
    setup:
      `lunr ${lunr.version} in memory, one index per language (lunr-languages' French pipeline, lunr's English ` +
      `one), title boosted ×${TITLE_BOOST}; metadata filters, date sorts and facets over the hits in JavaScript; ` +
      'results are references only: lunr has no snippets.',
    articles: documents.length,
    indexSeconds,
    articlesPerSecond: documents.length / indexSeconds,
    queries,
    snippets: false,
    peakRssMb: peakRssMb(),
    archive: null,
  };
}
