import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary, Facet } from '../../../archive/api/contract.ts';
import { useCurrent, useLoaded, useVersion } from '../app-state.ts';
import { archive } from '../api/archive.ts';
import { formatCount, isRtl, origin, readingMinutes } from '../format.ts';
import { useArticleListShortcuts } from '../list-shortcuts.ts';
import { useLibrarySource, type LibrarySource } from '../library-source.ts';
import { filtersOf, toggleFilter, withoutFilterText, type FacetField } from '../query-edit.ts';
import { LIBRARY_SORTS, navigate, routeHash, type LibrarySort } from '../route.ts';
import { useFacets } from '../use-facets.ts';
import { LanguageBadge } from './ArticleList.tsx';
import { BookmarkToggle } from './BookmarkToggle.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { FacetPanel, coreFacetGroups, useLanguageLabel, type FacetGroupSpec } from './FacetPanel.tsx';
import { LibraryExportMenu } from './LibraryExportMenu.tsx';
import { Icon } from './Icon.tsx';
import { PublishedDate } from './PublishedDate.tsx';
import { SaveSearchButton } from './SavedSearchControls.tsx';
import { SortSelect } from './SortSelect.tsx';

const STATUSES = ['unread', 'reading', 'read'] as const;

interface LibraryViewProps {
  filter: string;
  sort: LibrarySort;
}

/**
 * How many articles of the filtered library have each reading state, and how many are bookmarked.
 * The language facet of a query counts every matching article once (unknown languages too), so its
 * sum is the exact count, where a search would stop counting at 10,000.
 */
function useStateCounts(
  filter: string,
  enabled: boolean,
): Record<(typeof STATUSES)[number] | 'bookmarked', number> | null {
  const version = useVersion('articles');
  return useLoaded(async () => {
    if (!enabled) return null;
    const count = async (state: string) => {
      const facets = await archive.searchFacets({ query: `${filter} is:${state}`.trim() });
      return facets.languages.reduce((sum, facet) => sum + facet.count, 0);
    };
    const [unread = 0, reading = 0, read = 0, bookmarked = 0] = await Promise.all(
      [...STATUSES, 'bookmarked'].map((state) => count(state)),
    );
    return { unread, reading, read, bookmarked };
  }, [filter, version, enabled]).value;
}

/**
 * Every article of the archive, in a virtualised list: only the rows on screen are in the page, and
 * their pages are fetched as they come into view. Filters (facets, chips) and the order are in the
 * address.
 */
export function LibraryView({ filter, sort }: LibraryViewProps) {
  const { t, i18n } = useTranslation();
  const version = useVersion('articles');
  const source = useLibrarySource(filter, sort, version);
  const facets = useFacets(source.loaded ? filter : null);
  const counts = useStateCounts(filter, source.loaded && source.count > 0);
  const languageLabel = useLanguageLabel();

  const go = (next: { filter?: string; sort?: LibrarySort }, replace = true) =>
    navigate({ view: 'library', filter: next.filter ?? filter, sort: next.sort ?? sort }, { replace });

  function toggle(field: FacetField, value: string): void {
    let next = filter;
    // One reading state at a time: choosing another replaces it.
    if (field === 'is' && value !== 'bookmarked') {
      for (const other of STATUSES) {
        if (other !== value)
          next = filtersOf(next).some((f) => f.field === 'is' && f.value === other && !f.excluded)
            ? toggleFilter(next, 'is', other)
            : next;
      }
    }
    go({ filter: toggleFilter(next, field, value) }, false);
  }

  useArticleListShortcuts();

  const stateGroups: FacetGroupSpec[] = counts
    ? [
        {
          name: 'status',
          field: 'is',
          values: STATUSES.map((value): Facet => ({ value, count: counts[value] })),
          label: (value) => t(`status.${value as 'read'}`),
        },
        {
          name: 'bookmarks',
          field: 'is',
          values: [{ value: 'bookmarked', count: counts.bookmarked }],
          label: () => t('library.bookmarked'),
        },
      ]
    : [];
  const groups = [...stateGroups, ...coreFacetGroups(facets.facets, languageLabel)];
  const activeFilters = filtersOf(filter);
  const empty = source.loaded && source.count === 0;

  return (
    <section className="list-view" aria-labelledby="view-title">
      <title>{filter ? `${filter} – ${t('app.name')}` : t('app.name')}</title>
      {empty && !filter ? (
        <>
          <div className="view-heading">
            <h1 id="view-title">{t('library.title')}</h1>
          </div>
          <EmptyLibrary />
        </>
      ) : (
        <div className="list-layout">
          <div className="view-heading">
            <h1 id="view-title">{t('library.title')}</h1>
            {source.loaded && (
              <p className="view-count" data-testid="library-count" aria-live="polite">
                {source.capped
                  ? t('library.countMore', { count: 10_000 })
                  : t('library.count', { count: source.count })}
              </p>
            )}
          </div>
          <FacetPanel query={filter} state={facets} groups={groups} onToggle={toggle} />
          <div className="list-column">
            <div className="results-toolbar">
              <ul className="filter-chips" aria-label={t('library.activeFilters')} data-testid="active-filters">
                {activeFilters.map((active) => (
                  <li key={active.text} className="chip" data-testid="filter-chip">
                    <span>{active.text}</span>
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={t('facets.remove', { filter: active.text })}
                      title={t('facets.remove', { filter: active.text })}
                      onClick={() => go({ filter: withoutFilterText(filter, active.text) }, false)}
                    >
                      <Icon name="close" />
                    </button>
                  </li>
                ))}
              </ul>
              <div className="toolbar-actions">
                {filter && <SaveSearchButton query={filter} />}
                <SortSelect value={sort} sorts={LIBRARY_SORTS} onChange={(next) => go({ sort: next })} />
                <LibraryExportMenu filter={filter} sort={sort} />
              </div>
            </div>
            {source.error !== null && <ErrorMessage error={source.error} />}
            {empty ? (
              <div className="empty-state" data-testid="empty-filter">
                <h2>{t('library.noMatchTitle')}</h2>
                <p>{t('library.noMatchBody')}</p>
                <a href={routeHash({ view: 'library', sort })}>{t('library.clearFilters')}</a>
              </div>
            ) : source.loaded ? (
              <VirtualList source={source} />
            ) : (
              <p className="status" role="status">
                {t('list.loading')}
              </p>
            )}
            <p className="visually-hidden" aria-live="polite">
              {source.loaded ? formatCount(source.count, i18n.language) : ''}
            </p>
          </div>
        </div>
      )}
    </section>
  );
}

const narrowQuery = '(max-width: 540px)';
function useNarrow(): boolean {
  return useSyncExternalStore(
    (listener) => {
      const media = window.matchMedia(narrowQuery);
      media.addEventListener('change', listener);
      return () => media.removeEventListener('change', listener);
    },
    () => window.matchMedia(narrowQuery).matches,
  );
}

function VirtualList({ source }: { source: LibrarySource }) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const [margin, setMargin] = useState(0);
  const rowHeight = useNarrow() ? 104 : 84;

  // Where the list starts in the page: what is above it (facets opened on a phone) moves it.
  useLayoutEffect(() => {
    const measure = () => {
      const top = (list.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setMargin((previous) => (Math.abs(previous - top) > 0.5 ? top : previous));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const virtualizer = useWindowVirtualizer({
    count: source.count,
    estimateSize: () => rowHeight,
    overscan: 8,
    scrollMargin: margin,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  useEffect(() => source.show(first, last), [source, first, last]);

  return (
    <ul
      ref={list}
      className="virtual-list"
      data-testid="library-list"
      aria-label={t('library.listLabel')}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {rows.map((row) => {
        const item = source.item(row.index);
        const style = { height: rowHeight, transform: `translateY(${row.start - margin}px)` };
        return item ? (
          <LibraryRow key={item.id} item={item} index={row.index} setSize={source.count} style={style} />
        ) : (
          <li
            key={`placeholder-${row.index}`}
            className="row row-placeholder"
            style={style}
            aria-posinset={row.index + 1}
            aria-setsize={source.count}
          >
            <span className="skeleton skeleton-title" />
            <span className="skeleton skeleton-meta" />
            <span className="visually-hidden">{t('list.loading')}</span>
          </li>
        );
      })}
    </ul>
  );
}

function LibraryRow({
  item: loaded,
  index,
  setSize,
  style,
}: {
  item: ArticleSummary;
  index: number;
  setSize: number;
  style: { height: number; transform: string };
}) {
  const { t } = useTranslation();
  const item = useCurrent(loaded);
  const from = origin(item);
  return (
    <li
      className="row"
      style={style}
      data-testid="library-item"
      data-row-article={item.id}
      data-status={item.readStatus}
      aria-posinset={index + 1}
      aria-setsize={setSize}
    >
      {item.readStatus === 'unread' && <span className="unread-dot" aria-hidden="true" title={t('status.unread')} />}
      <div className="row-main">
        <a
          className="row-title"
          data-testid="library-title"
          href={routeHash({ view: 'article', id: item.id })}
          data-article-id={item.id}
          data-nav-item=""
          lang={item.lang ?? undefined}
          dir={isRtl(item.lang) ? 'rtl' : undefined}
        >
          {item.title || t('app.untitled')}
        </a>
        <p className="card-meta row-meta">
          {from && <span className="card-origin">{from}</span>}
          <PublishedDate article={item} />
          <span>{t('reader.minutes', { count: readingMinutes(item.wordCount) })}</span>
          {item.lang && <LanguageBadge lang={item.lang} />}
          {item.readStatus === 'unread' ? (
            <span className="visually-hidden">{t('status.unread')}</span>
          ) : (
            <span className={`badge badge-status badge-${item.readStatus}`} data-testid="status-badge">
              {t(`status.${item.readStatus}`)}
            </span>
          )}
          {item.tags.map((tag) => (
            <span key={tag} className="badge badge-tag" data-testid="item-tag">
              {tag}
            </span>
          ))}
        </p>
      </div>
      <BookmarkToggle item={item} className="row-bookmark" />
    </li>
  );
}

/** The first run: nothing imported yet, and how to import, in the desktop app or from a terminal. */
function EmptyLibrary() {
  const { t } = useTranslation();
  const desktop = typeof window.archiveFiles !== 'undefined';
  return (
    <div className="empty-state" data-testid="empty-state">
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="3" y="4" width="18" height="4.5" rx="1" />
        <path d="M4.5 8.5V19a1 1 0 0 0 1 1h13a1 1 0 0 0 1-1V8.5M10 12.5h4" />
      </svg>
      <h2>{t('library.emptyTitle')}</h2>
      {desktop ? (
        <>
          <p>{t('library.emptyDesktop')}</p>
          <p className="muted">{t('library.emptyFormats')}</p>
        </>
      ) : (
        <>
          <p>{t('library.emptyServe')}</p>
          <pre>
            <code>{t('library.emptyCommand')}</code>
          </pre>
          <p>{t('library.emptyOutro')}</p>
        </>
      )}
    </div>
  );
}
