import { Trans, useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../archive/api/contract.ts';
import type { Paged } from '../paged.ts';
import type { FacetField } from '../query-edit.ts';
import { SORTS, routeHash, type ResultSort } from '../route.ts';
import type { FacetsState } from '../use-facets.ts';
import { ArticleList } from './ArticleList.tsx';
import { FacetPanel } from './FacetPanel.tsx';

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
  return (
    <section className="list-view" aria-labelledby="view-title">
      <title>{`${query} – ${t('app.name')}`}</title>
      <div className="list-layout">
        <div className="view-heading">
          <h1 id="view-title">{t('results.title', { query })}</h1>
        </div>
        <FacetPanel query={query} state={facets} onToggle={onFacet} />
        <div className="list-column">
          <div className="results-toolbar">
            <p className="view-count" data-testid="result-count" aria-live="polite">
              {page &&
                (page.total > COUNT_CAP
                  ? t('results.countMore', { count: COUNT_CAP })
                  : t('results.count', { count: page.total }))}
            </p>
            {page?.total !== 0 && (
              <div className="sort">
                <label htmlFor="sort-select">{t('sort.label')}</label>
                <span className="select-wrap">
                  <select
                    id="sort-select"
                    data-testid="sort-select"
                    value={sort}
                    onChange={(event) => onSort(event.target.value as ResultSort)}
                  >
                    {SORTS.map((value) => (
                      <option key={value} value={value}>
                        {t(`sort.${value}`)}
                      </option>
                    ))}
                  </select>
                  <svg className="select-chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="m6 9 6 6 6-6" />
                  </svg>
                </span>
              </div>
            )}
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
            <ArticleList paged={paged} testIds={{ list: 'result-list', item: 'result-item', title: 'result-title' }} />
          )}
        </div>
      </div>
    </section>
  );
}
