import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../archive/api/contract.ts';
import { ActionsProvider } from './actions.tsx';
import { archive } from './api/archive.ts';
import { useVersion } from './app-state.ts';
import { Header, type SearchRequest } from './components/Header.tsx';
import { ReadOnlyNotice } from './components/ReadOnlyNotice.tsx';
import { ImportDropZone } from './components/ImportPanel.tsx';
import { LibraryView } from './components/LibraryView.tsx';
import { Notebook } from './components/Notebook.tsx';
import { Reader } from './components/Reader.tsx';
import { SearchResults } from './components/SearchResults.tsx';
import { SettingsView } from './components/SettingsView.tsx';
import { StartupBanner } from './components/StartupBanner.tsx';
import { ShortcutsDialog } from './components/ShortcutsDialog.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { useShortcuts } from './keyboard.ts';
import { usePaged } from './paged.ts';
import { asPrefixQuery, toggleFilter, type FacetField } from './query-edit.ts';
import { rememberSearch } from './recent-searches.ts';
import { navigate, routeHash, useRoute, type ListRoute, type ResultSort } from './route.ts';
import { useFacets } from './use-facets.ts';

const SEARCH_PAGE = 20;

/** Focuses a list's row once it is rendered (a virtualised list renders it after scrolling). */
function focusRow(id: number, frames = 20): void {
  const row = document.querySelector<HTMLElement>(`[data-article-id="${id}"]`);
  if (row) row.focus({ preventScroll: true });
  else if (frames > 0) requestAnimationFrame(() => focusRow(id, frames - 1));
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const [menuOpen, setMenuOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  // The list behind the reader: kept so that going back shows it as it was left.
  const [listRoute, setListRoute] = useState<ListRoute>(route.view === 'article' ? { view: 'library' } : route);
  if (route.view !== 'article' && routeHash(route) !== routeHash(listRoute)) setListRoute(route);
  const query = listRoute.view === 'search' ? listRoute.query : '';
  const sort: ResultSort = listRoute.view === 'search' ? listRoute.sort : 'relevance';
  // The query last searched while it was being typed: its last word is read as a prefix until the
  // search is submitted. Any other query (Enter, a link, the address, history) is searched whole.
  const [typedQuery, setTypedQuery] = useState<string | null>(null);
  const asYouType = query !== '' && query === typedQuery;
  const articles = useVersion('articles');

  const resultsKey = query ? JSON.stringify([query, sort, asYouType, articles]) : null;
  const results = usePaged<SearchResult>(resultsKey, (offset) =>
    archive
      .search({ query, limit: SEARCH_PAGE, offset, sort, asYouType })
      .then(({ results: items, ...rest }) => ({ ...rest, items })),
  );
  // Asked for after the results they describe have arrived, so they never hold the results up.
  const resultsShown = query !== '' && results.shownKey === resultsKey;
  const facets = useFacets(route.view === 'search' && resultsShown ? (asYouType ? asPrefixQuery(query) : query) : null);

  const listScroll = useRef(0);
  const previous = useRef<typeof route | null>(null);
  const arrivedFromList = useRef(false);
  useLayoutEffect(() => {
    const from = previous.current;
    previous.current = route;
    setMenuOpen(false);
    if (route.view === 'article') {
      // Only then is the list the previous history entry, so going back is history.back().
      arrivedFromList.current = from !== null && from.view !== 'article';
      if (from?.view === 'search') rememberSearch(from.query);
      window.scrollTo(0, 0);
      return;
    }
    if (from?.view === 'article') {
      window.scrollTo(0, listScroll.current);
      focusRow(from.id);
    } else if (from && from.view !== route.view) {
      window.scrollTo(0, 0);
    }
    const remember = () => {
      listScroll.current = window.scrollY;
    };
    window.addEventListener('scroll', remember, { passive: true });
    return () => window.removeEventListener('scroll', remember);
  }, [route]);

  useShortcuts({ '?': () => setShortcutsOpen(true) });

  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpen(false);
        document.querySelector<HTMLElement>('[data-testid="menu-button"]')?.focus();
      }
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [menuOpen]);

  function search({ query: next, asYouType: typing }: SearchRequest): void {
    setTypedQuery(typing ? next : null);
    if (!next && route.view !== 'search') return;
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

  const backLabel =
    listRoute.view === 'search'
      ? t('reader.backToResults')
      : listRoute.view === 'notebook'
        ? t('reader.backToNotebook')
        : t('reader.backToLibrary');

  let view;
  switch (route.view) {
    case 'article':
      view = (
        <Reader
          key={`${route.id}-${route.highlight ?? ''}`}
          id={route.id}
          query={route.query}
          highlightId={route.highlight}
          backLabel={backLabel}
          onBack={back}
        />
      );
      break;
    case 'search':
      view = (
        <SearchResults
          query={route.query}
          sort={route.sort}
          paged={results}
          facets={facets}
          onSort={sortBy}
          onFacet={toggleFacet}
        />
      );
      break;
    case 'notebook':
      view = <Notebook query={route.query ?? ''} />;
      break;
    case 'settings':
      view = <SettingsView />;
      break;
    case 'library':
      view = <LibraryView filter={route.filter ?? ''} sort={route.sort ?? 'newest'} />;
      break;
  }

  return (
    <ActionsProvider>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('nav.skip')}
      </a>
      <Header
        query={query}
        articleId={route.view === 'article' ? route.id : null}
        onSearch={search}
        onMenu={() => setMenuOpen(!menuOpen)}
        menuOpen={menuOpen}
        onShortcuts={() => setShortcutsOpen(true)}
      />
      <div className={route.view === 'article' ? 'app-body app-body-reader' : 'app-body'} data-menu-open={menuOpen}>
        <Sidebar route={route} open={menuOpen} onNavigate={() => setMenuOpen(false)} />
        {menuOpen && <div className="sidebar-backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} />}
        <main id="main" tabIndex={-1} className={route.view === 'article' ? 'main main-reader' : 'main main-list'}>
          {view}
        </main>
      </div>
      {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      <ImportDropZone />
      <ReadOnlyNotice />
      <StartupBanner />
    </ActionsProvider>
  );
}
