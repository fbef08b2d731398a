import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../archive/api/contract.ts';
import type { Paged } from '../paged.ts';
import { ArticleList } from './ArticleList.tsx';

export function Library({ paged }: { paged: Paged<ArticleSummary> }) {
  const { t } = useTranslation();
  const total = paged.page?.total;
  return (
    <section className="list-view" aria-labelledby="view-title">
      <title>{t('app.name')}</title>
      <div className="view-heading">
        <h1 id="view-title">{t('library.title')}</h1>
        {total !== undefined && total > 0 && <p className="view-count">{t('library.count', { count: total })}</p>}
      </div>
      {total === 0 ? (
        <div className="empty-state" data-testid="empty-state">
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <rect x="3" y="4" width="18" height="4.5" rx="1" />
            <path d="M4.5 8.5V19a1 1 0 0 0 1 1h13a1 1 0 0 0 1-1V8.5M10 12.5h4" />
          </svg>
          <h2>{t('library.emptyTitle')}</h2>
          <p>{t('library.emptyIntro')}</p>
          <pre>
            <code>{t('library.emptyCommand')}</code>
          </pre>
          <p>{t('library.emptyOutro')}</p>
        </div>
      ) : (
        <ArticleList paged={paged} testIds={{ list: 'library-list', item: 'library-item' }} />
      )}
    </section>
  );
}
