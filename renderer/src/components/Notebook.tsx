import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotebookEntry } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { downloadBlob, downloadFile, exportLocaleOf } from '../download.ts';
import { zipFiles } from '../zip-files.ts';
import { formatDate, formatNumber } from '../format.ts';
import { moveListFocus, useShortcuts } from '../keyboard.ts';
import { navigate, routeHash } from '../route.ts';
import { ErrorMessage } from './ErrorMessage.tsx';

const PAGE = 50;
const DEBOUNCE_MS = 200;

/** Every highlight and note of the archive, newest first, searchable; each leads back to its place. */
export function Notebook({ query }: { query: string }) {
  const { t, i18n } = useTranslation();
  const [value, setValue] = useState(query);
  const [entries, setEntries] = useState<NotebookEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const inputId = useId();

  /** One Markdown file for the whole notebook, or one per annotated article in a zip. */
  async function exportNotes(single: boolean): Promise<void> {
    setExporting(true);
    try {
      const { files } = await archive.exportNotebook({ locale: exportLocaleOf(i18n.language), single });
      if (single) files.forEach(downloadFile);
      else downloadBlob(new Blob([zipFiles(files)], { type: 'application/zip' }), 'notebook.zip');
    } catch (reason) {
      setError(reason);
    } finally {
      setExporting(false);
    }
  }

  useEffect(() => {
    const timer = setTimeout(() => {
      if (value.trim() !== query) navigate({ view: 'notebook', query: value.trim() || undefined }, { replace: true });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, query]);

  useEffect(() => {
    let current = true;
    setLoading(true);
    archive.listHighlights({ query: query || undefined, limit: PAGE, offset: 0 }).then(
      (page) => {
        if (!current) return;
        setEntries(page.entries);
        setTotal(page.total);
        setError(null);
        setLoading(false);
      },
      (reason: unknown) => {
        if (!current) return;
        setError(reason);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [query]);

  function more(): void {
    setLoading(true);
    archive.listHighlights({ query: query || undefined, limit: PAGE, offset: entries?.length ?? 0 }).then(
      (page) => {
        setEntries((list) => [...(list ?? []), ...page.entries]);
        setLoading(false);
      },
      (reason: unknown) => {
        setError(reason);
        setLoading(false);
      },
    );
  }

  useShortcuts({ j: () => moveListFocus(1), k: () => moveListFocus(-1) });

  return (
    <section className="notebook-view" aria-labelledby="view-title">
      <title>{`${t('notebook.title')} – ${t('app.name')}`}</title>
      <div className="view-heading">
        <h1 id="view-title">{t('notebook.title')}</h1>
        {entries && (
          <p className="view-count" data-testid="notebook-count">
            {t('notebook.count', { count: total })}
          </p>
        )}
        {total > 0 && (
          <>
            <button
              type="button"
              className="button button-small"
              data-testid="notebook-export"
              disabled={exporting}
              onClick={() => void exportNotes(true)}
            >
              {exporting ? t('notebook.exporting') : t('notebook.export')}
            </button>
            <button
              type="button"
              className="button button-small"
              data-testid="notebook-export-each"
              disabled={exporting}
              onClick={() => void exportNotes(false)}
            >
              {t('notebook.exportEach')}
            </button>
          </>
        )}
      </div>
      <div className="notebook-search">
        <label htmlFor={inputId} className="visually-hidden">
          {t('notebook.search')}
        </label>
        <input
          id={inputId}
          type="search"
          className="text-input"
          data-testid="notebook-search"
          placeholder={t('notebook.search')}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </div>
      {error !== null && <ErrorMessage error={error} />}
      {entries && entries.length === 0 && (
        <div className="empty-state" data-testid="notebook-empty">
          <h2>{query ? t('notebook.noMatch') : t('notebook.emptyTitle')}</h2>
          <p>{query ? t('notebook.noMatchBody', { query }) : t('notebook.emptyBody')}</p>
        </div>
      )}
      {entries && entries.length > 0 && (
        <ol className="notebook-list" data-testid="notebook-list" aria-busy={loading}>
          {entries.map((entry) => (
            <li key={entry.id} className={`notebook-entry notebook-${entry.color}`} data-testid="notebook-entry">
              <a
                className="notebook-article"
                href={routeHash({ view: 'article', id: entry.articleId, highlight: entry.id })}
                data-testid="notebook-link"
                data-nav-item=""
              >
                {entry.articleTitle || t('app.untitled')}
              </a>
              <blockquote className="notebook-quote" data-testid="notebook-quote">
                {entry.quote}
              </blockquote>
              {entry.note && (
                <p className="notebook-note" data-testid="notebook-note">
                  <span className="visually-hidden">{t('highlights.note')}: </span>
                  {entry.note}
                </p>
              )}
              <p className="notebook-date">
                <time dateTime={entry.createdAt}>{formatDate(entry.createdAt, i18n.language)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      {entries && entries.length < total && (
        <button type="button" className="more-button" onClick={more} disabled={loading}>
          {t('list.moreCount', {
            count: total - entries.length,
            formatted: formatNumber(total - entries.length, i18n.language),
          })}
        </button>
      )}
    </section>
  );
}
