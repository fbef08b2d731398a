import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleJob } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { formatNumber } from '../format.ts';
import { usePolledJob } from '../use-polled-job.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { ProgressBar } from './ProgressBar.tsx';

const read = (jobId: number) => archive.getBundleExportProgress({ jobId });
const stop = (jobId: number) => archive.cancelBundleExport({ jobId });

/**
 * A bundle being written: articles done of the total, and Cancel. Polls getBundleExportProgress
 * until the job ends, then hands the ended job on (written, cancelled or failed).
 */
export function BundleExportProgress({ jobId, onEnded }: { jobId: number; onEnded: (job: BundleJob) => void }) {
  const { t, i18n } = useTranslation();
  const { job, cancelling, error, cancel } = usePolledJob(jobId, read, stop, onEnded);
  const labelId = useId();

  const done = job?.done ?? 0;
  const total = job?.total ?? 0;
  const text = t('bundle.progress', {
    done: formatNumber(done, i18n.language),
    total: formatNumber(total, i18n.language),
  });
  return (
    <div className="bundle-progress" data-testid="bundle-progress">
      <p id={labelId}>{t('bundle.working')}</p>
      <ProgressBar done={done} total={total} text={text} labelledBy={labelId} testId="bundle-progressbar" />
      <p className="import-figures" data-testid="bundle-progress-text">
        {text}
      </p>
      {error !== null && <ErrorMessage error={error} />}
      <div className="dialog-actions">
        <button
          type="button"
          className="button"
          data-testid="bundle-cancel"
          disabled={cancelling || job?.state !== 'running'}
          onClick={cancel}
        >
          {cancelling ? t('bundle.cancelling') : t('bundle.cancel')}
        </button>
      </div>
    </div>
  );
}
