import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ArticleSummary, Collection, SavedSearch } from '../../archive/api/contract.ts';
import { archive } from './api/archive.ts';

/**
 * State shared by the views: what changed in the archive (so that lists reload), articles changed
 * in place (a bookmark, tags, a status: every list showing the article shows the change at once),
 * and the sidebar's collections, tags and saved searches.
 */
export type Topic = 'articles' | 'collections' | 'tags' | 'saved';

const versions: Record<Topic, number> = { articles: 0, collections: 0, tags: 0, saved: 0 };
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Something changed: lists of that kind load again. */
export function changed(...topics: Topic[]): void {
  for (const topic of topics) versions[topic]++;
  if (topics.includes('articles')) overrides.clear();
  emit();
}

/** The archive changed outside the page's control (an import): everything loads again. */
export function archiveChanged(): void {
  changed('articles', 'collections', 'tags', 'saved');
}

export function useVersion(topic: Topic): number {
  return useSyncExternalStore(subscribe, () => versions[topic]);
}

const overrides = new Map<number, ArticleSummary>();
let overridesVersion = 0;

/** An article changed in place (bookmark, status, tags…): lists show its new state without reloading. */
export function articleUpdated(summary: ArticleSummary): void {
  overrides.set(summary.id, summary);
  overridesVersion++;
  emit();
}

/** The item as it stands now, with any change made since its list was loaded. */
export function useCurrent<T extends ArticleSummary>(item: T): T {
  useSyncExternalStore(subscribe, () => overridesVersion);
  const override = overrides.get(item.id);
  return override ? { ...item, ...override } : item;
}

export function currentSummary<T extends ArticleSummary>(item: T): T {
  const override = overrides.get(item.id);
  return override ? { ...item, ...override } : item;
}

/** A value loaded from the archive, loaded again whenever `deps` change. */
export function useLoaded<T>(load: () => Promise<T>, deps: readonly unknown[]): { value: T | null; error: unknown } {
  const [state, setState] = useState<{ value: T | null; error: unknown }>({ value: null, error: null });
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setState({ value, error: null }),
      (error: unknown) => current && setState((previous) => ({ value: previous.value, error })),
    );
    return () => {
      current = false;
    };
  }, deps);
  return state;
}

export function useCollections(): Collection[] {
  const version = useVersion('collections');
  return useLoaded(() => archive.listCollections({}), [version]).value ?? [];
}

export function useTags(): { name: string; count: number }[] {
  const version = useVersion('tags');
  return useLoaded(() => archive.listTags({}), [version]).value ?? [];
}

export function useSavedSearches(): SavedSearch[] {
  const version = useVersion('saved');
  const articles = useVersion('articles');
  return useLoaded(() => archive.listSavedSearches({}), [version, articles]).value ?? [];
}

/** Collections as a tree, depth-first, each with its depth, in name order among siblings. */
export function collectionTree(collections: readonly Collection[]): { collection: Collection; depth: number }[] {
  const children = new Map<number | null, Collection[]>();
  const ids = new Set(collections.map((collection) => collection.id));
  for (const collection of collections) {
    const parent = collection.parentId !== null && ids.has(collection.parentId) ? collection.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), collection]);
  }
  const result: { collection: Collection; depth: number }[] = [];
  const visit = (parent: number | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const collection of list) {
      result.push({ collection, depth });
      visit(collection.id, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}
