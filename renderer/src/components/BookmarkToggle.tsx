import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../archive/api/contract.ts';
import { useActions } from '../actions.tsx';
import { Icon } from './Icon.tsx';

/** The bookmark star of an article in a list (library rows and search result cards). */
export function BookmarkToggle({ item, className }: { item: ArticleSummary; className: string }) {
  const { t } = useTranslation();
  const actions = useActions();
  return (
    <button
      type="button"
      className={`icon-button ${className}`}
      data-action="bookmark"
      data-testid="bookmark-toggle"
      aria-pressed={item.bookmarked}
      aria-label={t('actions.bookmark')}
      title={item.bookmarked ? t('actions.unbookmark') : t('actions.bookmark')}
      onClick={() => void actions.toggleBookmark(item)}
    >
      <Icon name="bookmark" />
    </button>
  );
}
