import { useTranslation } from 'react-i18next';
import type { ArticleSummary, SearchResult } from '../../../archive/api/contract.ts';
import { formatDate, isRtl, languageName, origin, readingMinutes, segments } from '../format.ts';
import type { Paged } from '../paged.ts';
import { routeHash } from '../route.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

type Item = ArticleSummary & Partial<Pick<SearchResult, 'snippet' | 'titleHighlights'>>;

interface ArticleListProps {
  paged: Paged<Item>;
  testIds: { list: string; item: string; title?: string };
}

export function ArticleList({ paged, testIds }: ArticleListProps) {
  const { t } = useTranslation();
  const { page, loading, error, loadMore } = paged;
  return (
    <>
      {page && page.items.length > 0 && (
        <ol className="article-list" data-testid={testIds.list} aria-busy={loading}>
          {page.items.map((item) => (
            <ArticleCard key={item.id} item={item} itemTestId={testIds.item} titleTestId={testIds.title} />
          ))}
        </ol>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {loading ? (
        <p className="status" role="status">
          {t('list.loading')}
        </p>
      ) : (
        page &&
        page.items.length < page.total && (
          <button type="button" className="more-button" onClick={loadMore}>
            {t('list.more')}
          </button>
        )
      )}
    </>
  );
}

function ArticleCard({ item, itemTestId, titleTestId }: { item: Item; itemTestId: string; titleTestId?: string }) {
  const { t, i18n } = useTranslation();
  const from = origin(item);
  const date = item.publishedAt ?? item.importedAt;
  const dir = isRtl(item.lang) ? 'rtl' : undefined;
  const lang = item.lang ?? undefined;
  return (
    <li className="card" data-testid={itemTestId}>
      <h2 className="card-title" data-testid={titleTestId} lang={lang} dir={dir}>
        <a href={routeHash({ view: 'article', id: item.id })} data-article-id={item.id}>
          {item.title ? <Highlighted text={item.title} highlights={item.titleHighlights ?? []} /> : t('app.untitled')}
        </a>
      </h2>
      <p className="card-meta">
        {from && <span className="card-origin">{from}</span>}
        <time dateTime={date}>{formatDate(date, i18n.language)}</time>
        <span>{t('reader.minutes', { count: readingMinutes(item.wordCount) })}</span>
        {item.lang && <LanguageBadge lang={item.lang} />}
      </p>
      {item.snippet && (
        <p className="card-snippet" data-testid="result-snippet" lang={lang} dir={dir}>
          <Highlighted text={item.snippet.text} highlights={item.snippet.highlights} />
        </p>
      )}
    </li>
  );
}

function LanguageBadge({ lang }: { lang: string }) {
  const { i18n } = useTranslation();
  return (
    <span className="badge">
      <span aria-hidden="true">{lang.toUpperCase()}</span>
      <span className="visually-hidden">{languageName(lang, i18n.language)}</span>
    </span>
  );
}

function Highlighted({ text, highlights }: { text: string; highlights: readonly (readonly [number, number])[] }) {
  return segments(text, highlights).map((segment, index) =>
    segment.highlighted ? <mark key={index}>{segment.text}</mark> : segment.text,
  );
}
