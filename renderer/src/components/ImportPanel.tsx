import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { archive } from '../api/archive.ts';
import { archiveChanged } from '../app-state.ts';
import { showImport, useImportView } from '../imports/import-view.ts';
import { Icon } from './Icon.tsx';
import { ImportJobProgress } from './ImportJobProgress.tsx';
import { ImportReportView } from './ImportReportView.tsx';

/**
 * The desktop app imports files dropped on its window (their paths come from the preload) as a job,
 * and shows its progress, then its report; main's imports (File → Import…) show the same way. A past
 * report reopened from Settings shows here too. Under `serve` the page cannot know a file's path, so
 * there is no drop import there.
 */
export function ImportDropZone() {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const view = useImportView();
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const events = window.archiveEvents;
    if (!events) return;
    return events.onChanged((change) => {
      // Main started an import (File → Import…, files opened with the app): its progress shows here.
      if (change.reason === 'import-started') {
        showImport({ kind: 'job', jobId: change.jobId });
        return;
      }
      archiveChanged();
      if (change.imported > 0) setNotice(t('import.changed', { count: change.imported }));
    });
  }, [t]);

  useEffect(() => {
    const files = window.archiveFiles;
    if (!files) return;
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const paths = [...(event.dataTransfer?.files ?? [])].map((file) => files.pathForFile(file)).filter(Boolean);
      if (paths.length === 0) {
        showImport({ kind: 'no-paths' });
        return;
      }
      archive.startImport({ paths }).then(
        ({ jobId }) => showImport({ kind: 'job', jobId }),
        (error: unknown) =>
          showImport({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const showReport = useCallback((runId: number) => showImport({ kind: 'report', runId }), []);
  return (
    <>
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
          <div className="drop-card">
            <Icon name="import" />
            <p>{t('import.drop')}</p>
          </div>
        </div>
      )}
      {notice && (
        <div className="toast" role="status" data-testid="import-notice">
          <p>{notice}</p>
          <button
            type="button"
            className="icon-button small"
            aria-label={t('common.close')}
            onClick={() => setNotice(null)}
          >
            <Icon name="close" />
          </button>
        </div>
      )}
      {view && (
        <section className="import-panel" role="region" aria-labelledby="import-title" data-testid="import-panel">
          {view.kind === 'job' ? (
            <ImportJobProgress jobId={view.jobId} onEnded={showReport} />
          ) : (
            <>
              {view.kind === 'report' && <ImportReportView runId={view.runId} />}
              {view.kind === 'failed' && (
                <>
                  <h2 id="import-title">{t('import.stoppedTitle')}</h2>
                  <p className="error-text">{view.message}</p>
                </>
              )}
              {view.kind === 'no-paths' && (
                <>
                  <h2 id="import-title">{t('import.title')}</h2>
                  <p>{t('import.noPaths')}</p>
                </>
              )}
              <button
                type="button"
                className="icon-button small import-close"
                data-testid="import-close"
                aria-label={t('common.close')}
                onClick={() => showImport(null)}
              >
                <Icon name="close" />
              </button>
            </>
          )}
        </section>
      )}
    </>
  );
}
