import { createRequire } from 'node:module';
import lunr from 'lunr';
import { fold } from './fold.ts';

// Not named `require`: electron-vite's bundle declares its own `require` in the same chunk, and a
// second declaration stops the archive and extraction workers from loading.
const requireCommonJs = createRequire(import.meta.url);

type PipelineFunction = (token: lunr.Token) => lunr.Token | undefined;

/** lunr-languages modules with a Snowball stemmer and a stop word list. */
export const STEMMED_LANGUAGES = [
  'en',
  'fr',
  'ar',
  'da',
  'de',
  'es',
  'fi',
  'hu',
  'it',
  'nl',
  'no',
  'pt',
  'ro',
  'ru',
  'sv',
  'tr',
] as const;

export type StemmedLanguage = (typeof STEMMED_LANGUAGES)[number];

/** A word as the index sees it: folded as written, and the term it is indexed under (null: a stop word). */
export interface AnalysedWord {
  form: string;
  term: string | null;
}

export interface LanguageAnalyzer {
  /** ISO 639-1 code, or "" for the neutral analyser used when the language is unknown. */
  readonly language: string;
  analyse(word: string): AnalysedWord;
  /** The indexed term for a word of the text, or null for a stop word. */
  term(word: string): string | null;
}

// lunr-languages keeps each stop list in a closure; capturing the list as the filter is generated
// lets us fold it the same way as the text, so "ete" is recognised as the stop word "été".
const capturedStopLists = new Map<unknown, string[]>();
const generateStopWordFilter = lunr.generateStopWordFilter;
let languagesLoaded = false;

function loadLunrLanguages(): void {
  if (languagesLoaded) return;
  languagesLoaded = true;
  const patchable = lunr as unknown as { generateStopWordFilter: (list: string[]) => PipelineFunction };
  patchable.generateStopWordFilter = (list: string[]) => {
    const filter = generateStopWordFilter(list) as unknown as PipelineFunction;
    capturedStopLists.set(filter, list);
    return filter;
  };
  try {
    requireCommonJs('lunr-languages/lunr.stemmer.support')(lunr);
    for (const language of STEMMED_LANGUAGES) {
      if (language !== 'en') requireCommonJs(`lunr-languages/lunr.${language}`)(lunr);
    }
  } finally {
    patchable.generateStopWordFilter = generateStopWordFilter as unknown as typeof patchable.generateStopWordFilter;
  }
}

interface LunrLanguageModule {
  stemmer: PipelineFunction;
  stopWordFilter: PipelineFunction;
}

const CACHE_LIMIT = 100_000;

function createAnalyzer(
  language: string,
  stem: PipelineFunction | null,
  stopFilter: PipelineFunction | null,
  stopList: string[],
): LanguageAnalyzer {
  const foldedStops = new Set(stopList.map(fold));
  const cache = new Map<string, AnalysedWord>();
  const analyse = (word: string): AnalysedWord => {
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    const form = fold(word);
    let term: string | null = form;
    if (foldedStops.has(form) || (stopFilter && stopFilter(new lunr.Token(form, {})) === undefined)) {
      term = null;
    } else if (stem && !/^\d+$/.test(form)) {
      term = stem(new lunr.Token(form, {}))?.toString() || form;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const analysed = { form, term };
    cache.set(word, analysed);
    return analysed;
  };
  return { language, analyse, term: (word) => analyse(word).term };
}

const analyzers = new Map<string, LanguageAnalyzer>();

export const neutralAnalyzer: LanguageAnalyzer = createAnalyzer('', null, null, []);

export function isStemmedLanguage(language: string | null | undefined): language is StemmedLanguage {
  return (STEMMED_LANGUAGES as readonly string[]).includes(language ?? '');
}

/** The analyser for a language: its stemmer and stop words, or the neutral one when there is none. */
export function analyzerFor(language: string | null | undefined): LanguageAnalyzer {
  if (!isStemmedLanguage(language)) return neutralAnalyzer;
  const existing = analyzers.get(language);
  if (existing) return existing;
  loadLunrLanguages();
  let analyzer: LanguageAnalyzer;
  if (language === 'en') {
    analyzer = createAnalyzer(
      'en',
      lunr.stemmer as unknown as PipelineFunction,
      lunr.stopWordFilter as unknown as PipelineFunction,
      [],
    );
  } else {
    const module = (lunr as unknown as Record<string, LunrLanguageModule>)[language];
    if (!module) throw new Error(`lunr-languages has no module for "${language}"`);
    analyzer = createAnalyzer(
      language,
      module.stemmer,
      module.stopWordFilter,
      capturedStopLists.get(module.stopWordFilter) ?? [],
    );
  }
  analyzers.set(language, analyzer);
  return analyzer;
}
