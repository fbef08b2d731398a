import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import lunr from 'lunr';
import type { GeneratedArticle } from '../generate-articles.ts';
import { peakRssMb, timeBatches, timeQueries } from '../measure.ts';
import { toLunrQuery } from '../queries.ts';
import type { BenchLanguage } from '../vocabulary/index.ts';
import type { EngineOptions, EngineResult } from './engine.ts';

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

/**
 * The baseline: lunr in memory, one index per language rather than lunr.multiLanguage('en', 'fr'),
 * which would run both stemmers over every word; per-language indexes analyse each article in its
 * own language, as the archive does. A query searches both indexes and merges the hits by score.
 */
export async function runLunr({ articles, rounds, log }: EngineOptions): Promise<EngineResult> {
  const french = frenchPlugin();
  const builders = { en: builderFor('en', french), fr: builderFor('fr', french) };
  let added = 0;
  log('lunr: indexing…');
  const addSeconds = timeBatches(articles, GENERATION_BATCH, (batch: GeneratedArticle[]) => {
    for (const article of batch) {
      builders[article.lang].add({ id: String(added++), title: article.title, body: article.paragraphs.join('\n\n') });
    }
  });
  const start = performance.now();
  const indexes = { en: builders.en.build(), fr: builders.fr.build() };
  const indexSeconds = addSeconds + (performance.now() - start) / 1000;

  log(`lunr: ${added} articles indexed in ${indexSeconds.toFixed(1)} s; querying…`);
  const queries = timeQueries(rounds, (query) => {
    const sent = toLunrQuery(query.text);
    return {
      sent,
      run: () => {
        const hits = [...indexes.en.search(sent), ...indexes.fr.search(sent)];
        // Ranking the merged hits is what showing the first page costs.
        hits.sort((a, b) => b.score - a.score);
        return hits.length;
      },
    };
  });
  return {
    engine: 'lunr',
    setup:
      `lunr ${lunr.version} in memory, one index per language (lunr-languages' French pipeline, lunr's English ` +
      `one), title boosted ×${TITLE_BOOST}; results are references only: lunr has no snippets.`,
    articles: added,
    indexSeconds,
    articlesPerSecond: added / indexSeconds,
    queries,
    snippets: false,
    peakRssMb: peakRssMb(),
    archiveMb: null,
  };
}
