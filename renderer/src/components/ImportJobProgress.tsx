import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { archiveChanged } from '../app-state.ts';
import { formatNumber } from '../format.ts';
import { fileName, formatDuration } from '../imports/format-duration.ts';
import { usePolledJob } from '../use-polled-job.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ProgressBar } from './ProgressBar.tsx';

const read = (jobId: number) => archive.getImportProgress({ jobId });
const stop = (jobId: number) => archive.cancelImport({ jobId });

/**
 * A running import: files done of the total, rate, time left, the file being read, and Cancel.
 * Polls getImportProgress until the job ends, then hands the run's id on for its report.
 */
export function ImportJobProgress({ jobId, onEnded }: { jobId: number; onEnded: (runId: number) => void }) {
  const { t, i18n } = useTranslation();
  const ended = useCallback(
    (job: ImportJob) => {
      if (job.progress.imported > 0) archiveChanged();
      onEnded(job.runId);
    },
    [onEnded],
  );
  const { job, cancelling, error, cancel } = usePolledJob(jobId, read, stop, ended);

  const n = (value: number) => formatNumber(value, i18n.language);
  const progress = job?.progress;
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const text = t('import.progressText', { done: n(done), total: n(total) });
  return (
    <>
      <header className="import-header">
        <h2 id="import-title">{t('import.progressTitle')}</h2>
      </header>
      <ProgressBar done={done} total={total} text={text} labelledBy="import-title" testId="import-progressbar" />
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
          {progress.currentFileShare === null
            ? t('import.current', { file: fileName(progress.currentFile) })
            : t('import.currentShare', {
                file: fileName(progress.currentFile),
                share: new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(progress.currentFileShare),
                items: n(progress.currentFileItems),
              })}
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
      {error !== null && <ErrorMessage error={error} />}
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
