import { useMemo, useSyncExternalStore } from 'react';
import type { SearchSort } from '../../archive/api/contract.ts';

export type Route =
  { view: 'library' } | { view: 'search'; query: string; sort: ResultSort } | { view: 'article'; id: number };
export type ListRoute = Exclude<Route, { view: 'article' }>;

/** The orders the results can be shown in (the core may know more). */
export const SORTS = ['relevance', 'newest', 'oldest'] as const satisfies readonly SearchSort[];
export type ResultSort = (typeof SORTS)[number];

const isSort = (value: string | null): value is ResultSort => SORTS.includes(value as ResultSort);

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const article = /^\/article\/(\d+)$/.exec(path);
  if (article) return { view: 'article', id: Number(article[1]) };
  const params = new URLSearchParams(search);
  const query = params.get('q')?.trim();
  const sort = params.get('sort');
  if (path === '/search' && query) return { view: 'search', query, sort: isSort(sort) ? sort : 'relevance' };
  return { view: 'library' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'library':
      return '#/';
    case 'search':
      // Relevance is the default, so it stays out of the address.
      return `#/search?${new URLSearchParams({ q: route.query, ...(route.sort !== 'relevance' && { sort: route.sort }) })}`;
    case 'article':
      return `#/article/${route.id}`;
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
  if (hash === location.hash) return;
  if (replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  for (const listener of listeners) listener();
}

/** The current route, read from the URL hash so that reload, back and forward keep the view. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
