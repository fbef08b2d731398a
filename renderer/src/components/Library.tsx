import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../archive/api/contract.ts';
import type { Paged } from '../paged.ts';
import type { FacetField } from '../query-edit.ts';
import type { FacetsState } from '../use-facets.ts';
import { ArticleList } from './ArticleList.tsx';
import { FacetPanel } from './FacetPanel.tsx';

interface LibraryProps {
  paged: Paged<ArticleSummary>;
  facets: FacetsState;
  onFacet: (field: FacetField, value: string) => void;
}

export function Library({ paged, facets, onFacet }: LibraryProps) {
  const { t } = useTranslation();
  const total = paged.page?.total;
  const heading = (
    <div className="view-heading">
      <h1 id="view-title">{t('library.title')}</h1>
      {total !== undefined && total > 0 && <p className="view-count">{t('library.count', { count: total })}</p>}
    </div>
  );
  return (
    <section className="list-view" aria-labelledby="view-title">
      <title>{t('app.name')}</title>
      {total === 0 ? (
        <>
          {heading}
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
        </>
      ) : (
        <div className="list-layout">
          {heading}
          <FacetPanel query="" state={facets} onToggle={onFacet} />
          <div className="list-column">
            <ArticleList paged={paged} testIds={{ list: 'library-list', item: 'library-item' }} />
          </div>
        </div>
      )}
    </section>
  );
}
