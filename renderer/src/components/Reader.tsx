import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { isRtl, languageName, origin, paragraphs, readingMinutes } from '../format.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { PublishedDate } from './PublishedDate.tsx';

interface ReaderProps {
  id: number;
  backLabel: string;
  onBack: () => void;
}

type Loaded = { article: Article; error?: undefined } | { article?: undefined; error: unknown };

export function Reader({ id, backLabel, onBack }: ReaderProps) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let current = true;
    archive.getArticle({ id }).then(
      (article) => current && setLoaded({ article }),
      (error: unknown) => current && setLoaded({ error }),
    );
    return () => {
      current = false;
    };
  }, [id]);

  return (
    <div className="reader-view">
      <nav className="reader-nav" aria-label={t('reader.navLabel')}>
        <button type="button" className="back-button" data-testid="back-button" onClick={onBack}>
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M15 5l-7 7 7 7" />
          </svg>
          {backLabel}
        </button>
      </nav>
      {loaded === null && (
        <p className="status" role="status">
          {t('reader.loading')}
        </p>
      )}
      {loaded?.error !== undefined && <ErrorMessage error={loaded.error} />}
      {loaded?.article && <ArticleView article={loaded.article} />}
    </div>
  );
}

function ArticleView({ article }: { article: Article }) {
  const { t, i18n } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  const from = origin(article);

  // Moves screen readers and keyboard users to the article they opened.
  useEffect(() => title.current?.focus({ preventScroll: true }), []);

  return (
    <article
      className="reader"
      data-testid="reader"
      lang={article.lang ?? undefined}
      dir={isRtl(article.lang) ? 'rtl' : undefined}
    >
      <title>{`${article.title || t('app.untitled')} – ${t('app.name')}`}</title>
      <header className="reader-header">
        <h1 className="reader-title" data-testid="reader-title" ref={title} tabIndex={-1}>
          {article.title || t('app.untitled')}
        </h1>
        <p className="reader-meta" data-testid="reader-meta" lang={i18n.language} dir={i18n.dir()}>
          {from && <span className="reader-origin">{from}</span>}
          {article.author && <span>{t('reader.by', { author: article.author })}</span>}
          <PublishedDate article={article} long />
          {article.lang && <span>{languageName(article.lang, i18n.language)}</span>}
          <span>{t('reader.words', { count: article.wordCount })}</span>
          <span>{t('reader.minutes', { count: readingMinutes(article.wordCount) })}</span>
        </p>
      </header>
      <div className="reader-body" data-testid="reader-body">
        {paragraphs(article.text).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
    </article>
  );
}
