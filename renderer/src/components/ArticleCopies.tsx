import { useTranslation } from 'react-i18next';
import type { ArticleCopy } from '../../../archive/api/contract.ts';
import { formatDate, origin } from '../format.ts';

/**
 * The near-copies an import linked to the article instead of storing them again (the same story
 * syndicated elsewhere): where each came from, folded away until asked for. Their addresses are
 * shown, not linked: only the article's own original page is opened, and after asking.
 */
export function ArticleCopies({ copies }: { copies: readonly ArticleCopy[] }) {
  const { t, i18n } = useTranslation();
  if (copies.length === 0) return null;
  return (
    <details className="reader-copies" data-testid="reader-copies" lang={i18n.language} dir={i18n.dir()}>
      <summary>{t('reader.copies', { count: copies.length })}</summary>
      <p className="reader-copies-hint">{t('reader.copiesHint')}</p>
      <ul>
        {copies.map((copy, index) => (
          <li key={index} data-testid="reader-copy">
            <span className="reader-copy-title">{copy.title || t('app.untitled')}</span>
            <span className="reader-copy-meta">
              {origin(copy) && <span>{origin(copy)}</span>}
              {copy.capturedAt && (
                <span>{t('reader.captured', { date: formatDate(copy.capturedAt, i18n.language) })}</span>
              )}
              <span>{t('reader.imported', { date: formatDate(copy.importedAt, i18n.language) })}</span>
            </span>
            {copy.url && <span className="reader-copy-where">{copy.url}</span>}
            {copy.sourcePath && (
              <span className="reader-copy-where" title={copy.sourcePath}>
                {copy.sourcePath}
              </span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
