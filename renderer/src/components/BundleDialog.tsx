import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleJob, BundleScope, Output } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { readEarlierBundle, type EarlierBundle } from '../bundle-manifest.ts';
import { formatDate } from '../format.ts';
import { BundleExportProgress } from './BundleExportProgress.tsx';
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

/**
 * "Export bundle…": the options, the estimated size as they change, then where to write it, and the
 * export's progress. A delta starts from a date, or from an earlier bundle the user picks: its
 * manifest is read here and its high-water mark sent as the date, as `--since-bundle` would.
 */
export function BundleDialog({ target, onClose }: { target: BundleTarget; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const desktop = typeof window.archiveFiles?.chooseSavePath === 'function';
  const [withLibrary, setWithLibrary] = useState(true);
  const [withImages, setWithImages] = useState(true);
  const [since, setSince] = useState('');
  const [earlier, setEarlier] = useState<(EarlierBundle & { name: string }) | null>(null);
  const [path, setPath] = useState('');
  const [estimate, setEstimate] = useState<Output<'estimateBundle'> | null>(null);
  const [written, setWritten] = useState<Output<'exportBundle'> | null>(null);
  const [working, setWorking] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Apart from `error`, which each new estimate clears: dropping a refused file changes the estimate too.
  const [earlierRefused, setEarlierRefused] = useState<Error | null>(null);
  const earlierInput = useRef<HTMLInputElement>(null);
  const sinceId = useId();
  const earlierId = useId();
  const pathId = useId();

  const from = earlier ? earlier.highWater : since || null;
  const request = { scope: target.scope, withLibrary, withImages, since: from };

  useEffect(() => {
    let current = true;
    setEstimate(null);
    setError(null);
    archive
      .estimateBundle({ scope: target.scope, withLibrary, withImages, since: from })
      .then((value) => current && setEstimate(value))
      .catch((reason: unknown) => current && setError(reason));
    return () => {
      current = false;
    };
  }, [target.scope, withLibrary, withImages, from]);

  async function chooseEarlier(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) return;
    setEarlierRefused(null);
    try {
      setEarlier({ ...(await readEarlierBundle(file)), name: file.name });
      setSince('');
    } catch {
      setEarlier(null);
      setEarlierRefused(new Error(t('bundle.notABundle', { name: file.name })));
    }
  }

  function clearEarlier(): void {
    setEarlier(null);
    if (earlierInput.current) earlierInput.current.value = '';
  }

  const ended = useCallback((job: BundleJob) => {
    setJobId(null);
    setWorking(false);
    if (job.state === 'finished' && job.result) setWritten(job.result);
    else if (job.state === 'cancelled') setCancelled(true);
    else setError(new Error(job.error ?? job.state));
  }, []);

  /** Closing the dialog stops an export still running: nothing is written unseen. */
  function close(): void {
    if (jobId !== null) void archive.cancelBundleExport({ jobId }).catch(() => {});
    onClose();
  }

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
    setCancelled(false);
    try {
      setJobId((await archive.startBundleExport({ ...request, path: where })).jobId);
    } catch (reason) {
      setError(reason);
      setWorking(false);
    }
  }

  const what = target.label === null ? t('bundle.wholeLibrary') : target.label;
  return (
    <Modal
      title={t('bundle.title')}
      description={t('bundle.scope', { what })}
      onClose={close}
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
      ) : jobId !== null ? (
        <BundleExportProgress jobId={jobId} onEnded={ended} />
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
            disabled={earlier !== null}
            onChange={(event) => setSince(event.target.value)}
          />
          <label className="field-label" htmlFor={earlierId}>
            {t('bundle.sinceBundle')}
          </label>
          <input
            id={earlierId}
            ref={earlierInput}
            type="file"
            accept=".bundle,.zip"
            className="file-input"
            data-testid="bundle-since-file"
            onChange={(event) => void chooseEarlier(event)}
          />
          {earlier && (
            <p className="bundle-earlier" data-testid="bundle-since-earlier">
              {t('bundle.sinceEarlier', {
                name: earlier.name,
                date: formatDate(earlier.createdAt, i18n.language),
              })}{' '}
              <button type="button" className="button button-small" onClick={clearEarlier}>
                {t('bundle.clearEarlier')}
              </button>
            </p>
          )}
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
          {cancelled && (
            <p role="status" data-testid="bundle-cancelled">
              {t('bundle.cancelled')}
            </p>
          )}
          {earlierRefused && <ErrorMessage error={earlierRefused} />}
          {error !== null && <ErrorMessage error={error} />}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={close}>
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
