import { useEffect } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../archive/api/contract.ts';
import { rememberForms } from '../hit-forms.ts';
import type { Paged } from '../paged.ts';
import type { FacetField } from '../query-edit.ts';
import { SORTS, routeHash, type ResultSort } from '../route.ts';
import { useArticleListShortcuts } from '../list-shortcuts.ts';
import { matchedForms } from '../text-ranges.ts';
import type { FacetsState } from '../use-facets.ts';
import { ArticleList } from './ArticleList.tsx';
import { FacetPanel, coreFacetGroups, useLanguageLabel } from './FacetPanel.tsx';
import { SaveSearchButton } from './SavedSearchControls.tsx';
import { SortSelect } from './SortSelect.tsx';

/** The core counts exactly up to here, and answers one more for "more than that". */
const COUNT_CAP = 10_000;

interface SearchResultsProps {
  query: string;
  sort: ResultSort;
  paged: Paged<SearchResult>;
  facets: FacetsState;
  onSort: (sort: ResultSort) => void;
  onFacet: (field: FacetField, value: string) => void;
}

export function SearchResults({ query, sort, paged, facets, onSort, onFacet }: SearchResultsProps) {
  const { t } = useTranslation();
  const { page } = paged;
  const suggestion = page?.suggestion ?? null;
  const languageLabel = useLanguageLabel();

  // The forms the core matched, for the reader to mark in the article opened from here.
  useEffect(() => {
    if (page && paged.shownKey !== null) rememberForms(query, matchedForms(page.items));
  }, [page, query, paged.shownKey]);

  useArticleListShortcuts();

  return (
    <section className="list-view" aria-labelledby="view-title">
      <title>{`${query} – ${t('app.name')}`}</title>
      <div className="list-layout">
        <div className="view-heading">
          <h1 id="view-title">{t('results.title', { query })}</h1>
        </div>
        <FacetPanel
          query={query}
          state={facets}
          groups={coreFacetGroups(facets.facets, languageLabel)}
          onToggle={onFacet}
        />
        <div className="list-column">
          <div className="results-toolbar">
            <p className="view-count" data-testid="result-count" aria-live="polite">
              {page &&
                (page.total > COUNT_CAP
                  ? t('results.countMore', { count: COUNT_CAP })
                  : t('results.count', { count: page.total }))}
            </p>
            <div className="toolbar-actions">
              <SaveSearchButton query={query} />
              {page?.total !== 0 && <SortSelect value={sort} sorts={SORTS} onChange={onSort} />}
            </div>
          </div>
          {suggestion !== null && (
            <p className="suggestion" data-testid="suggestion">
              <Trans
                i18nKey="results.suggestion"
                values={{ suggestion }}
                components={{
                  fix: <a href={routeHash({ view: 'search', query: suggestion, sort })} />,
                }}
              />
            </p>
          )}
          {page?.notice && (
            <p className="notice" data-testid="search-notice">
              {t(`notices.${page.notice.code}`, { defaultValue: page.notice.message })}
            </p>
          )}
          {page?.total === 0 && !paged.loading ? (
            <div className="empty-state" data-testid="empty-state">
              <h2>{t('results.noneTitle')}</h2>
              <p>{t('results.noneBody', { query })}</p>
            </div>
          ) : (
            <ArticleList
              paged={paged}
              query={query}
              testIds={{ list: 'result-list', item: 'result-item', title: 'result-title' }}
            />
          )}
        </div>
      </div>
    </section>
  );
}
