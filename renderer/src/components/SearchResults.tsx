import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../../archive/api/contract.ts';
import type { Paged } from '../paged.ts';
import { ArticleList } from './ArticleList.tsx';

export function SearchResults({ query, paged }: { query: string; paged: Paged<SearchResult> }) {
  const { t } = useTranslation();
  const { page } = paged;
  return (
    <section className="list-view" aria-labelledby="view-title">
      <title>{`${query} – ${t('app.name')}`}</title>
      <div className="view-heading">
        <h1 id="view-title">{t('results.title', { query })}</h1>
        <p className="view-count" data-testid="result-count" aria-live="polite">
          {page && t('results.count', { count: page.total })}
        </p>
      </div>
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
    </section>
  );
}
