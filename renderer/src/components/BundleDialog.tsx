import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleScope, Output } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Modal } from './Modal.tsx';

/** What a bundle is made of, as the sidebar offers it, with a name to show and to propose for the file. */
export interface BundleTarget {
  scope: BundleScope;
  /** The collection's, saved search's or filter's name; null for the whole library. */
  label: string | null;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Whether this page can export bundles: the desktop app (which asks for the file with a save dialog),
 * or `serve` opened on this very machine (the path is typed). A page opened from another device of
 * the LAN cannot: the server writes only where its own user asks.
 */
export function canExportBundles(): boolean {
  if (typeof window.archiveFiles?.chooseSavePath === 'function') return true;
  return !window.archive && LOOPBACK_HOSTS.has(location.hostname);
}

export function formatSize(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

const fileName = (label: string | null) =>
  `${(label ?? 'archive').replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'archive'}-${new Date().toISOString().slice(0, 10)}.bundle`;

/** "Export bundle…": the options, the estimated size as they change, then where to write it. */
export function BundleDialog({ target, onClose }: { target: BundleTarget; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const desktop = typeof window.archiveFiles?.chooseSavePath === 'function';
  const [withLibrary, setWithLibrary] = useState(true);
  const [withImages, setWithImages] = useState(true);
  const [since, setSince] = useState('');
  const [path, setPath] = useState('');
  const [estimate, setEstimate] = useState<Output<'estimateBundle'> | null>(null);
  const [written, setWritten] = useState<Output<'exportBundle'> | null>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sinceId = useId();
  const pathId = useId();

  const request = { scope: target.scope, withLibrary, withImages, since: since || null };

  useEffect(() => {
    let current = true;
    setEstimate(null);
    setError(null);
    archive
      .estimateBundle({ scope: target.scope, withLibrary, withImages, since: since || null })
      .then((value) => current && setEstimate(value))
      .catch((reason: unknown) => current && setError(reason));
    return () => {
      current = false;
    };
  }, [target.scope, withLibrary, withImages, since]);

  async function exportTo(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setError(null);
    let where: string | null = path.trim();
    if (desktop) {
      where = await (window.archiveFiles as NonNullable<typeof window.archiveFiles>).chooseSavePath({
        title: t('bundle.saveTitle'),
        defaultName: fileName(target.label),
        extension: 'bundle',
      });
    }
    if (!where) return;
    setWorking(true);
    try {
      setWritten(await archive.exportBundle({ ...request, path: where }));
    } catch (reason) {
      setError(reason);
    } finally {
      setWorking(false);
    }
  }

  const what = target.label === null ? t('bundle.wholeLibrary') : target.label;
  return (
    <Modal
      title={t('bundle.title')}
      description={t('bundle.scope', { what })}
      onClose={onClose}
      testId="bundle-dialog"
      className="dialog-small"
    >
      {written ? (
        <div className="dialog-body" data-testid="bundle-written">
          <p>{t('bundle.written', { path: written.path, size: formatSize(written.bytes, i18n.language) })}</p>
          <p>
            {t('bundle.counts', { articles: written.articles, media: written.media, entries: written.libraryEntries })}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" data-autofocus="" onClick={onClose}>
              {t('common.done')}
            </button>
          </div>
        </div>
      ) : (
        <form className="form-grid" onSubmit={(event) => void exportTo(event)}>
          <label className="check-row">
            <input
              type="checkbox"
              data-testid="bundle-with-library"
              checked={withLibrary}
              onChange={(event) => setWithLibrary(event.target.checked)}
            />
            {t('bundle.withLibrary')}
          </label>
          <label className="check-row">
            <input
              type="checkbox"
              data-testid="bundle-with-images"
              checked={withImages}
              onChange={(event) => setWithImages(event.target.checked)}
            />
            {t('bundle.withImages')}
          </label>
          <label className="field-label" htmlFor={sinceId}>
            {t('bundle.since')}
          </label>
          <input
            id={sinceId}
            type="date"
            className="text-input"
            data-testid="bundle-since"
            value={since}
            onChange={(event) => setSince(event.target.value)}
          />
          {!desktop && (
            <>
              <label className="field-label" htmlFor={pathId}>
                {t('bundle.path')}
              </label>
              <input
                id={pathId}
                className="text-input"
                data-testid="bundle-path"
                required
                placeholder={`/home/…/${fileName(target.label)}`}
                value={path}
                onChange={(event) => setPath(event.target.value)}
              />
            </>
          )}
          <p className="bundle-estimate" data-testid="bundle-estimate" aria-live="polite">
            {estimate
              ? t('bundle.estimate', {
                  size: formatSize(estimate.estimatedBytes, i18n.language),
                  articles: estimate.articles,
                  media: estimate.media,
                  entries: estimate.libraryEntries,
                })
              : t('bundle.estimating')}
          </p>
          {error !== null && <ErrorMessage error={error} />}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button-primary" data-testid="bundle-export" disabled={working}>
              {working ? t('bundle.working') : desktop ? t('bundle.exportAs') : t('bundle.export')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
