import { useTranslation } from 'react-i18next';
import type { ArticleSummary, SearchResult } from '../../../archive/api/contract.ts';
import { isRtl, languageName, origin, readingMinutes, segments } from '../format.ts';
import type { Paged } from '../paged.ts';
import { routeHash } from '../route.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { PublishedDate } from './PublishedDate.tsx';

type Item = ArticleSummary & Partial<Pick<SearchResult, 'snippet' | 'titleHighlights' | 'matchedAll'>>;

interface ArticleListProps {
  paged: Paged<Item>;
  testIds: { list: string; item: string; title?: string };
}

export function ArticleList({ paged, testIds }: ArticleListProps) {
  const { t } = useTranslation();
  const { page, loading, error, loadMore } = paged;
  const items = page?.items ?? [];
  // A relaxed search lists every article with all the words first, then those with only some.
  const split = page?.relaxed ? items.findIndex((item) => item.matchedAll === false) : -1;
  const full = split === -1 ? items : items.slice(0, split);
  const partial = split === -1 ? [] : items.slice(split);
  const card = (item: Item) => (
    <ArticleCard key={item.id} item={item} itemTestId={testIds.item} titleTestId={testIds.title} />
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
  const { t } = useTranslation();
  const from = origin(item);
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
        <PublishedDate article={item} />
        <span>{t('reader.minutes', { count: readingMinutes(item.wordCount) })}</span>
        {item.lang && <LanguageBadge lang={item.lang} />}
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
