import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary, SearchResult } from '../../archive/api/contract.ts';
import { archive } from './api/archive.ts';
import { Header } from './components/Header.tsx';
import { Library } from './components/Library.tsx';
import { Reader } from './components/Reader.tsx';
import { SearchResults } from './components/SearchResults.tsx';
import { usePaged } from './paged.ts';
import { navigate, routeHash, useRoute, type ListRoute } from './route.ts';

const LIBRARY_PAGE = 50;
const SEARCH_PAGE = 20;

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  // The list behind the reader: kept so that going back shows it as it was left.
  const [listRoute, setListRoute] = useState<ListRoute>(route.view === 'article' ? { view: 'library' } : route);
  if (route.view !== 'article' && routeHash(route) !== routeHash(listRoute)) setListRoute(route);
  const query = listRoute.view === 'search' ? listRoute.query : '';

  const library = usePaged<ArticleSummary>('library', (offset) =>
    archive
      .listArticles({ limit: LIBRARY_PAGE, offset })
      .then(({ total, articles }) => ({ total, items: articles, notice: null })),
  );
  const results = usePaged<SearchResult>(query || null, (offset) =>
    archive
      .search({ query, limit: SEARCH_PAGE, offset })
      .then(({ total, results: items, notice }) => ({ total, items, notice })),
  );

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

  function search(next: string): void {
    navigate(next ? { view: 'search', query: next } : { view: 'library' }, { replace: route.view === 'search' });
  }

  function back(): void {
    if (arrivedFromList.current) history.back();
    else navigate(listRoute, { replace: true });
  }

  return (
    <>
      <Header query={query} articleId={route.view === 'article' ? route.id : null} onSearch={search} />
      <main className="main">
        {route.view === 'article' ? (
          <Reader
            key={route.id}
            id={route.id}
            backLabel={query ? t('reader.backToResults') : t('reader.backToLibrary')}
            onBack={back}
          />
        ) : query ? (
          <SearchResults query={query} paged={results} />
        ) : (
          <Library paged={library} />
        )}
      </main>
    </>
  );
}
