import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { archiveChanged } from '../app-state.ts';
import { formatNumber } from '../format.ts';
import { Icon } from './Icon.tsx';

type ImportState =
  | { status: 'running'; files: number }
  | { status: 'done'; report: ImportReport }
  | { status: 'failed'; message: string }
  | { status: 'no-paths' };

/**
 * The desktop app imports files dropped on its window (their paths come from the preload), and
 * reloads its lists when main imported something (File → Import…). Under `serve` the page cannot
 * know a file's path, so there is no drop import there.
 */
export function ImportDropZone() {
  const { t, i18n } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [state, setState] = useState<ImportState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    const events = window.archiveEvents;
    if (!events) return;
    return events.onChanged((change) => {
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
        setState({ status: 'no-paths' });
        return;
      }
      setState({ status: 'running', files: paths.length });
      archive.importPaths({ paths }).then(
        (report) => {
          setState({ status: 'done', report });
          if (report.imported > 0) archiveChanged();
        },
        (error: unknown) =>
          setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
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

  const n = (value: number) => formatNumber(value, i18n.language);
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
      {state && (
        <section className="import-panel" role="status" aria-labelledby="import-title" data-testid="import-panel">
          <header className="import-header">
            <h2 id="import-title">
              {state.status === 'running' ? t('import.running', { count: state.files }) : t('import.title')}
            </h2>
            {state.status !== 'running' && (
              <button
                type="button"
                className="icon-button small"
                data-testid="import-close"
                aria-label={t('common.close')}
                onClick={() => setState(null)}
              >
                <Icon name="close" />
              </button>
            )}
          </header>
          {state.status === 'running' && <div className="import-progress" aria-hidden="true" />}
          {state.status === 'failed' && <p className="error-text">{state.message}</p>}
          {state.status === 'no-paths' && <p>{t('import.noPaths')}</p>}
          {state.status === 'done' && (
            <>
              <ul className="import-summary" data-testid="import-summary">
                <li data-kind="imported">
                  {t('import.imported', { count: state.report.imported, formatted: n(state.report.imported) })}
                </li>
                <li data-kind="duplicates">
                  {t('import.duplicates', { count: state.report.duplicates, formatted: n(state.report.duplicates) })}
                </li>
                <li data-kind="skipped">
                  {t('import.skipped', { count: state.report.skipped, formatted: n(state.report.skipped) })}
                </li>
                <li data-kind="failed">
                  {t('import.failed', { count: state.report.failed, formatted: n(state.report.failed) })}
                </li>
              </ul>
              {state.report.items.some((item) => item.status === 'failed' || item.status === 'skipped') && (
                <details className="import-details" open={state.report.failed > 0}>
                  <summary>{t('import.details')}</summary>
                  <ul>
                    {state.report.items
                      .filter((item) => item.status === 'failed' || item.status === 'skipped')
                      .map((item) => (
                        <li key={item.path} data-testid="import-problem" data-status={item.status}>
                          <span className="import-path">{item.path.split(/[\\/]/).pop()}</span>
                          <span className="import-reason">
                            {t(`import.status.${item.status as 'failed'}`)}
                            {item.message ? ` — ${item.message}` : ''}
                          </span>
                        </li>
                      ))}
                  </ul>
                </details>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}
