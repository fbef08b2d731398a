import { useMemo, useSyncExternalStore } from 'react';
import type { SearchSort } from '../../archive/api/contract.ts';

/**
 * The views of the app, each with its own address (the URL hash), so that reload, back and forward
 * keep the view. Optional fields are left out when they have their default value.
 */
export type Route =
  | { view: 'library'; filter?: string; sort?: LibrarySort }
  | { view: 'search'; query: string; sort: ResultSort }
  | { view: 'article'; id: number; query?: string; highlight?: number }
  | { view: 'notebook'; query?: string }
  | { view: 'settings' };
export type ListRoute = Exclude<Route, { view: 'article' }>;

/** The orders search results can be shown in. */
export const SORTS = [
  'relevance',
  'newest',
  'oldest',
  'title',
  'source',
  'added',
] as const satisfies readonly SearchSort[];
export type ResultSort = (typeof SORTS)[number];

/** The orders of the library (relevance means nothing without words). */
export const LIBRARY_SORTS = ['newest', 'oldest', 'title', 'source', 'added'] as const satisfies readonly SearchSort[];
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

const isSort = (value: string | null): value is ResultSort => SORTS.includes(value as ResultSort);
const isLibrarySort = (value: string | null): value is LibrarySort => LIBRARY_SORTS.includes(value as LibrarySort);

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const article = /^\/article\/(\d+)$/.exec(path);
  if (article) {
    const query = params.get('q')?.trim();
    const highlight = Number(params.get('hl'));
    return {
      view: 'article',
      id: Number(article[1]),
      ...(query && { query }),
      ...(Number.isSafeInteger(highlight) && highlight > 0 && { highlight }),
    };
  }
  if (path === '/notebook') {
    const query = params.get('q')?.trim();
    return query ? { view: 'notebook', query } : { view: 'notebook' };
  }
  if (path === '/settings') return { view: 'settings' };
  const query = params.get('q')?.trim();
  const sort = params.get('sort');
  if (path === '/search' && query) return { view: 'search', query, sort: isSort(sort) ? sort : 'relevance' };
  const filter = params.get('filter')?.trim();
  return {
    view: 'library',
    ...(filter && { filter }),
    ...(isLibrarySort(sort) && sort !== 'newest' && { sort }),
  };
}

function withParams(path: string, params: Record<string, string | undefined>): string {
  const defined = Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return defined.length ? `#${path}?${new URLSearchParams(defined)}` : `#${path}`;
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'library':
      return withParams('/', {
        filter: route.filter,
        sort: route.sort && route.sort !== 'newest' ? route.sort : undefined,
      });
    case 'search':
      // Relevance is the default, so it stays out of the address.
      return `#/search?${new URLSearchParams({ q: route.query, ...(route.sort !== 'relevance' && { sort: route.sort }) })}`;
    case 'article':
      return withParams(`/article/${route.id}`, {
        q: route.query,
        hl: route.highlight ? String(route.highlight) : undefined,
      });
    case 'notebook':
      return withParams('/notebook', { q: route.query });
    case 'settings':
      return '#/settings';
  }
}

// pushState and replaceState fire no event, so navigate() tells subscribers itself.
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener('hashchange', listener);
  };
}

export function navigate(route: Route, { replace = false } = {}): void {
  const hash = routeHash(route);
  if (hash === location.hash || (hash === '#/' && location.hash === '')) return;
  if (replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  for (const listener of listeners) listener();
}

/** The current route, read from the URL hash so that reload, back and forward keep the view. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
