import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { archiveChanged } from '../app-state.ts';
import { formatNumber } from '../format.ts';
import { fileName, formatDuration } from '../imports/format-duration.ts';

/** How often a running job is asked how far it is. */
const POLL_MS = 300;

/**
 * A running import: files done of the total, rate, time left, the file being read, and Cancel.
 * Polls getImportProgress until the job ends, then hands the run's id on for its report.
 */
export function ImportJobProgress({ jobId, onEnded }: { jobId: number; onEnded: (runId: number) => void }) {
  const { t, i18n } = useTranslation();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await archive.getImportProgress({ jobId });
        if (stopped) return;
        setJob(next);
        if (next.state === 'running') {
          timer = setTimeout(() => void poll(), POLL_MS);
          return;
        }
        if (next.progress.imported > 0) archiveChanged();
        onEnded(next.runId);
      } catch (caught) {
        if (!stopped) setError(caught instanceof Error ? caught.message : String(caught));
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, onEnded]);

  const cancel = () => {
    setCancelling(true);
    archive.cancelImport({ jobId }).catch((caught: unknown) => {
      setCancelling(false);
      setError(caught instanceof Error ? caught.message : String(caught));
    });
  };

  const n = (value: number) => formatNumber(value, i18n.language);
  const progress = job?.progress;
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const percent = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  const text = t('import.progressText', { done: n(done), total: n(total) });
  return (
    <>
      <header className="import-header">
        <h2 id="import-title">{t('import.progressTitle')}</h2>
      </header>
      <div
        className="import-bar"
        role="progressbar"
        aria-labelledby="import-title"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        data-testid="import-progressbar"
      >
        <div className="import-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="import-figures" data-testid="import-progress-text">
        <span>{text}</span>
        {progress && (
          <span>
            {t('import.rate', {
              rate: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(progress.itemsPerSecond),
            })}
          </span>
        )}
        <span data-testid="import-eta">
          {progress?.etaSeconds != null
            ? t('import.eta', { time: formatDuration(progress.etaSeconds, i18n.language) })
            : t('import.etaUnknown')}
        </span>
      </p>
      {progress?.currentFile && (
        <p className="import-current" title={progress.currentFile} data-testid="import-current">
          {t('import.current', { file: fileName(progress.currentFile) })}
        </p>
      )}
      {progress && (
        <p className="import-so-far">
          {t('import.soFar', {
            imported: n(progress.imported),
            duplicates: n(progress.duplicates),
            skipped: n(progress.skipped),
            failed: n(progress.failed),
          })}
        </p>
      )}
      {error && <p className="error-text">{error}</p>}
      <div className="import-actions">
        <button
          type="button"
          className="button"
          data-testid="import-cancel"
          disabled={cancelling || !job || job.state !== 'running'}
          onClick={cancel}
        >
          {cancelling ? t('import.cancelling') : t('import.cancel')}
        </button>
      </div>
    </>
  );
}
