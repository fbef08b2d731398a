import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../archive/api/contract.ts';
import { archive } from './api/archive.ts';
import type { LibrarySort } from './route.ts';

/** Rows fetched per request. */
export const LIBRARY_PAGE = 100;
/** The core counts search matches exactly up to here, and answers one more for "more than that". */
export const COUNT_CAP = 10_000;
/** The furthest offset the core's search accepts. */
const MAX_SEARCH_OFFSET = 100_000;
const CONCURRENT_REQUESTS = 2;

/**
 * A query that lists every article in a chosen order. The core lists articles for a query of filters
 * only; an excluded language no article has ("zxx": no linguistic content) excludes none. See the
 * report: an empty query with a sort could do this in the core itself.
 */
export const MATCH_ALL = '-lang:zxx';

export interface LibraryPageResult {
  items: ArticleSummary[];
  /** Null when this request did not say. */
  total: number | null;
  /** The total is a search's, which stops counting past 10,000. */
  capped: boolean;
}

function summaryOf(item: ArticleSummary): ArticleSummary {
  const { id, title, source, sourcePath, url, lang, publishedAt, publishedEstimated, importedAt, wordCount } = item;
  return {
    id,
    title,
    source,
    sourcePath,
    url,
    lang,
    publishedAt,
    publishedEstimated,
    importedAt,
    capturedAt: item.capturedAt,
    wordCount,
    bookmarked: item.bookmarked,
    readStatus: item.readStatus,
    tags: item.tags,
  };
}

/** One page of the library: listArticles for the plain newest-first list (exact count), else a listing search. */
export async function fetchLibraryPage(filter: string, sort: LibrarySort, offset: number): Promise<LibraryPageResult> {
  if (!filter && sort === 'newest') {
    const { total, articles } = await archive.listArticles({ limit: LIBRARY_PAGE, offset });
    return { items: articles, total, capped: false };
  }
  if (offset > MAX_SEARCH_OFFSET) return { items: [], total: null, capped: false };
  const [found, all] = await Promise.all([
    archive.search({ query: filter || MATCH_ALL, limit: LIBRARY_PAGE, offset, sort }),
    // The whole library's count is exact from listArticles; a search counts up to 10,000.
    !filter && offset === 0 ? archive.listArticles({ limit: 1, offset: 0 }) : null,
  ]);
  if (all) return { items: found.results.map(summaryOf), total: all.total, capped: false };
  return {
    items: found.results.map(summaryOf),
    total: offset === 0 ? found.total : null,
    capped: offset === 0 && found.total > COUNT_CAP,
  };
}

type Listener = () => void;

/**
 * The library's rows, fetched a page at a time as the virtualised list shows them. Only pages
 * still wanted when their turn comes are fetched, so dragging the scroll bar across 100,000 rows
 * asks for the pages where it stops, not for every page on the way.
 */
export class LibrarySource {
  readonly key: string;
  private readonly pages = new Map<number, ArticleSummary[]>();
  private readonly inFlight = new Set<number>();
  private readonly listeners = new Set<Listener>();
  private wanted: [number, number] = [0, 0];
  total: number | null = null;
  /** The count is "more than 10,000": rows are added as pages arrive. */
  capped = false;
  /** The furthest row known to exist. */
  private known = 0;
  error: unknown = null;
  version = 0;

  private readonly filter: string;
  private readonly sort: LibrarySort;

  constructor(key: string, filter: string, sort: LibrarySort) {
    this.key = key;
    this.filter = filter;
    this.sort = sort;
    this.request(0);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    this.version++;
    this.listeners.forEach((listener) => listener());
  }

  /** How many rows the list has, as far as is known. */
  get count(): number {
    if (this.total === null) return 0;
    if (!this.capped) return this.total;
    return Math.max(this.total, this.known);
  }

  get loaded(): boolean {
    return this.total !== null;
  }

  item(index: number): ArticleSummary | undefined {
    return this.pages.get(Math.floor(index / LIBRARY_PAGE))?.[index % LIBRARY_PAGE];
  }

  /** The rows from `start` to `end` are on screen: fetch the pages they are on. */
  show(start: number, end: number): void {
    this.wanted = [Math.floor(start / LIBRARY_PAGE), Math.floor(Math.max(start, end) / LIBRARY_PAGE)];
    this.pump();
  }

  private pump(): void {
    const [first, last] = this.wanted;
    for (let page = first; page <= last && this.inFlight.size < CONCURRENT_REQUESTS; page++) {
      if (!this.pages.has(page) && !this.inFlight.has(page)) this.request(page);
    }
  }

  private request(page: number): void {
    this.inFlight.add(page);
    fetchLibraryPage(this.filter, this.sort, page * LIBRARY_PAGE).then(
      ({ items, total, capped }) => {
        this.inFlight.delete(page);
        this.pages.set(page, items);
        if (total !== null) {
          this.total = total;
          this.capped = capped;
        }
        const end = page * LIBRARY_PAGE + items.length;
        // A full page in a list counted only as "more than 10,000" may have more after it.
        this.known = Math.max(this.known, items.length === LIBRARY_PAGE ? end + 1 : end);
        this.error = null;
        this.emit();
        this.pump();
      },
      (error: unknown) => {
        this.inFlight.delete(page);
        this.error = error;
        if (this.total === null) this.total = 0;
        this.emit();
      },
    );
  }
}

// The last list shown, kept so that coming back from the reader shows it at once, where it was left.
let last: LibrarySource | null = null;

export function useLibrarySource(filter: string, sort: LibrarySort, version: number): LibrarySource {
  const key = JSON.stringify([filter, sort, version]);
  if (last?.key !== key) last = new LibrarySource(key, filter, sort);
  const source = last;
  const [, setVersion] = useState(0);
  useEffect(() => {
    const stop = source.subscribe(() => setVersion(source.version));
    // Pages that arrived before this subscription are shown now.
    setVersion(source.version);
    return stop;
  }, [source]);
  return source;
}
