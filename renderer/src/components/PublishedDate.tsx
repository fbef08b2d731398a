import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../archive/api/contract.ts';
import { formatDate } from '../format.ts';

type Dated = Pick<ArticleSummary, 'publishedAt' | 'publishedEstimated' | 'importedAt'>;

/**
 * When an article came out: its publication date, marked "c." when it was read from the text
 * rather than known, else the day it was imported. `long` words it for the reader's header.
 */
export function PublishedDate({ article, long = false }: { article: Dated; long?: boolean }) {
  const { t, i18n } = useTranslation();
  const { publishedAt, publishedEstimated, importedAt } = article;
  if (publishedAt === null) {
    const date = formatDate(importedAt, i18n.language);
    return (
      <time dateTime={importedAt} title={long ? undefined : t('dates.importedHint', { date })}>
        {long ? t('reader.imported', { date }) : date}
      </time>
    );
  }
  const date = formatDate(publishedAt, i18n.language);
  if (!publishedEstimated) {
    return <time dateTime={publishedAt}>{long ? t('reader.published', { date }) : date}</time>;
  }
  return (
    <time
      dateTime={publishedAt}
      className="date-estimated"
      data-testid="estimated-date"
      title={t('dates.estimatedHint')}
    >
      {long ? t('reader.publishedEstimated', { date }) : t('dates.estimated', { date })}
    </time>
  );
}
