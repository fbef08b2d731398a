import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary, SearchResult } from '../../../archive/api/contract.ts';
import { useCurrent } from '../app-state.ts';
import { isRtl, languageName, origin, readingMinutes, segments } from '../format.ts';
import type { Paged } from '../paged.ts';
import { routeHash } from '../route.ts';
import { BookmarkToggle } from './BookmarkToggle.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { PublishedDate } from './PublishedDate.tsx';

type Item = ArticleSummary & Partial<Pick<SearchResult, 'snippet' | 'titleHighlights' | 'matchedAll'>>;

interface ArticleListProps {
  paged: Paged<Item>;
  testIds: { list: string; item: string; title?: string };
  /** The query the list is the results of: the reader marks its matches. */
  query?: string;
}

/** Search results as cards, with more loaded as the end of the list comes into view. */
export function ArticleList({ paged, testIds, query }: ArticleListProps) {
  const { t } = useTranslation();
  const { page, loading, error, loadMore } = paged;
  const items = page?.items ?? [];
  const more = useRef<HTMLButtonElement>(null);
  const canLoadMore = !loading && page !== null && page.items.length < page.total;
  const loadMoreRef = useRef(loadMore);
  loadMoreRef.current = loadMore;

  // The next page comes as the button that asks for it scrolls into view.
  useEffect(() => {
    const button = more.current;
    if (!button || !canLoadMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMoreRef.current();
    });
    observer.observe(button);
    return () => observer.disconnect();
  }, [canLoadMore, items.length]);

  // A relaxed search lists every article with all the words first, then those with only some.
  const split = page?.relaxed ? items.findIndex((item) => item.matchedAll === false) : -1;
  const full = split === -1 ? items : items.slice(0, split);
  const partial = split === -1 ? [] : items.slice(split);
  const card = (item: Item) => (
    <ArticleCard key={item.id} item={item} itemTestId={testIds.item} titleTestId={testIds.title} query={query} />
  );
  return (
    <>
      {full.length > 0 && (
        <ol className="article-list" data-testid={testIds.list} aria-busy={loading}>
          {full.map(card)}
        </ol>
      )}
      {partial.length > 0 && (
        <>
          <div className="relaxed-notice" data-testid="relaxed-notice" role="note">
            <p>{full.length > 0 ? t('results.relaxed') : t('results.relaxedOnly')}</p>
          </div>
          <ol
            className="article-list"
            data-testid={`${testIds.list}-partial`}
            aria-label={t('results.partialLabel')}
            aria-busy={loading}
          >
            {partial.map(card)}
          </ol>
        </>
      )}
      {error !== null && <ErrorMessage error={error} />}
      {loading ? (
        <p className="status" role="status">
          {t('list.loading')}
        </p>
      ) : (
        canLoadMore && (
          <button ref={more} type="button" className="more-button" onClick={loadMore}>
            {t('list.more')}
          </button>
        )
      )}
    </>
  );
}

function ArticleCard({
  item: loaded,
  itemTestId,
  titleTestId,
  query,
}: {
  item: Item;
  itemTestId: string;
  titleTestId?: string;
  query?: string;
}) {
  const { t } = useTranslation();
  const item = useCurrent(loaded);
  const from = origin(item);
  const dir = isRtl(item.lang) ? 'rtl' : undefined;
  const lang = item.lang ?? undefined;
  return (
    <li className="card" data-testid={itemTestId} data-row-article={item.id} data-status={item.readStatus}>
      <h2 className="card-title" data-testid={titleTestId} lang={lang} dir={dir}>
        <a href={routeHash({ view: 'article', id: item.id, query })} data-article-id={item.id} data-nav-item="">
          {item.title ? <Highlighted text={item.title} highlights={item.titleHighlights ?? []} /> : t('app.untitled')}
        </a>
      </h2>
      <p className="card-meta">
        {from && <span className="card-origin">{from}</span>}
        <PublishedDate article={item} />
        <span>{t('reader.minutes', { count: readingMinutes(item.wordCount) })}</span>
        {item.lang && <LanguageBadge lang={item.lang} />}
        {item.readStatus !== 'unread' && (
          <span className={`badge badge-status badge-${item.readStatus}`} data-testid="status-badge">
            {t(`status.${item.readStatus}`)}
          </span>
        )}
        {item.matchedAll === false && (
          <span className="badge badge-partial" data-testid="partial-match" title={t('results.partialHint')}>
            {t('results.partial')}
          </span>
        )}
      </p>
      {item.snippet && (
        <p className="card-snippet" data-testid="result-snippet" lang={lang} dir={dir}>
          <Highlighted text={item.snippet.text} highlights={item.snippet.highlights} />
        </p>
      )}
      {item.tags.length > 0 && <TagList tags={item.tags} />}
      <BookmarkToggle item={item} className="card-bookmark" />
    </li>
  );
}

export function TagList({ tags }: { tags: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="tag-list" aria-label={t('tags.label')}>
      {tags.map((tag) => (
        <li key={tag} className="tag" data-testid="item-tag">
          {tag}
        </li>
      ))}
    </ul>
  );
}

export function LanguageBadge({ lang }: { lang: string }) {
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
