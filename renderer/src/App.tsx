import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary, SearchResult } from '../../archive/api/contract.ts';
import { archive } from './api/archive.ts';
import { Header, type SearchRequest } from './components/Header.tsx';
import { Library } from './components/Library.tsx';
import { Reader } from './components/Reader.tsx';
import { SearchResults } from './components/SearchResults.tsx';
import { usePaged } from './paged.ts';
import { asPrefixQuery, toggleFilter, type FacetField } from './query-edit.ts';
import { navigate, routeHash, useRoute, type ListRoute, type ResultSort } from './route.ts';
import { useFacets } from './use-facets.ts';

const LIBRARY_PAGE = 50;
const SEARCH_PAGE = 20;

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  // The list behind the reader: kept so that going back shows it as it was left.
  const [listRoute, setListRoute] = useState<ListRoute>(route.view === 'article' ? { view: 'library' } : route);
  if (route.view !== 'article' && routeHash(route) !== routeHash(listRoute)) setListRoute(route);
  const query = listRoute.view === 'search' ? listRoute.query : '';
  const sort: ResultSort = listRoute.view === 'search' ? listRoute.sort : 'relevance';
  // The query last searched while it was being typed: its last word is read as a prefix until the
  // search is submitted. Any other query (Enter, a link, the address, history) is searched whole.
  const [typedQuery, setTypedQuery] = useState<string | null>(null);
  const asYouType = query !== '' && query === typedQuery;

  const library = usePaged<ArticleSummary>('library', (offset) =>
    archive
      .listArticles({ limit: LIBRARY_PAGE, offset })
      .then(({ total, articles }) => ({ total, items: articles, notice: null })),
  );
  const resultsKey = query ? JSON.stringify([query, sort, asYouType]) : null;
  const results = usePaged<SearchResult>(resultsKey, (offset) =>
    archive
      .search({ query, limit: SEARCH_PAGE, offset, sort, asYouType })
      .then(({ results: items, ...rest }) => ({ ...rest, items })),
  );
  // Asked for after the results they describe have arrived, so they never hold the results up.
  const listShown = query ? results.shownKey === resultsKey : library.page !== null;
  const facets = useFacets(route.view === 'article' || !listShown ? null : asYouType ? asPrefixQuery(query) : query);

  const listScroll = useRef(0);
  const previous = useRef<typeof route | null>(null);
  const arrivedFromList = useRef(false);
  useLayoutEffect(() => {
    const from = previous.current;
    previous.current = route;
    if (route.view === 'article') {
      // Only then is the list the previous history entry, so going back is history.back().
      arrivedFromList.current = from !== null && from.view !== 'article';
      window.scrollTo(0, 0);
      return;
    }
    if (from?.view === 'article') {
      window.scrollTo(0, listScroll.current);
      document.querySelector<HTMLElement>(`[data-article-id="${from.id}"]`)?.focus({ preventScroll: true });
    }
    const remember = () => {
      listScroll.current = window.scrollY;
    };
    window.addEventListener('scroll', remember, { passive: true });
    return () => window.removeEventListener('scroll', remember);
  }, [route]);

  function search({ query: next, asYouType: typing }: SearchRequest): void {
    setTypedQuery(typing ? next : null);
    navigate(next ? { view: 'search', query: next, sort } : { view: 'library' }, {
      replace: route.view === 'search',
    });
  }

  function sortBy(next: ResultSort): void {
    if (query) navigate({ view: 'search', query, sort: next }, { replace: true });
  }

  function toggleFacet(field: FacetField, value: string): void {
    setTypedQuery(null);
    const next = toggleFilter(query, field, value);
    navigate(next ? { view: 'search', query: next, sort } : { view: 'library' }, {
      replace: route.view === 'search',
    });
  }

  function back(): void {
    if (arrivedFromList.current) history.back();
    else navigate(listRoute, { replace: true });
  }

  return (
    <>
      <Header query={query} articleId={route.view === 'article' ? route.id : null} onSearch={search} />
      <main className={route.view === 'article' ? 'main' : 'main main-list'}>
        {route.view === 'article' ? (
          <Reader
            key={route.id}
            id={route.id}
            backLabel={query ? t('reader.backToResults') : t('reader.backToLibrary')}
            onBack={back}
          />
        ) : query ? (
          <SearchResults
            query={query}
            sort={sort}
            paged={results}
            facets={facets}
            onSort={sortBy}
            onFacet={toggleFacet}
          />
        ) : (
          <Library paged={library} facets={facets} onFacet={toggleFacet} />
        )}
      </main>
    </>
  );
}
