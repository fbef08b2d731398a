import { useTranslation } from 'react-i18next';
import type { MentionedDate } from '../../../archive/api/contract.ts';
import { formatDate, formatMonth } from '../format.ts';

/**
 * The days and months the article's text writes out, in the order it first mentions them: a
 * researcher sees at a glance which events it dates, whatever language it is written in.
 */
export function MentionedDates({ dates }: { dates: readonly MentionedDate[] }) {
  const { t, i18n } = useTranslation();
  if (dates.length === 0) return null;
  return (
    <details className="reader-dates" data-testid="reader-dates" lang={i18n.language} dir={i18n.dir()}>
      <summary>{t('reader.mentionedDates', { count: dates.length })}</summary>
      <ul>
        {dates.map(({ date, precision, phrase }) => (
          <li key={date}>
            <time dateTime={date} title={phrase} data-testid="reader-date">
              {precision === 'day' ? formatDate(date, i18n.language) : formatMonth(date, i18n.language)}
            </time>
          </li>
        ))}
      </ul>
    </details>
  );
}
