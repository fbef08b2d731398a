import { useTranslation } from 'react-i18next';
import { archive } from '../api/archive.ts';
import { useLoaded, useVersion } from '../app-state.ts';
import { formatNumber } from '../format.ts';
import { showImport } from '../imports/import-view.ts';

const SHOWN = 10;

/** The latest import runs, each with a button that reopens its report in the import panel. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const version = useVersion('articles');
  const runs = useLoaded(() => archive.listImportRuns({ limit: SHOWN }), [version]).value;
  const n = (value: number) => formatNumber(value, i18n.language);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <section className="settings-section" aria-labelledby="settings-imports" data-testid="import-history">
      <h2 id="settings-imports">{t('import.historyTitle')}</h2>
      <p className="field-hint">{t('import.historyHint')}</p>
      {runs && runs.runs.length === 0 && <p>{t('import.historyEmpty')}</p>}
      {runs && runs.runs.length > 0 && (
        <ul className="import-history">
          {runs.runs.map((run) => (
            <li key={run.id} data-testid="import-run" data-status={run.status}>
              <span>
                {t('import.historyRun', {
                  date: date(run.startedAt),
                  imported: n(run.imported),
                  failed: n(run.failed),
                })}{' '}
                <span className="import-run-status">({t(`import.runStatus.${run.status}`)})</span>
              </span>
              <button
                type="button"
                className="button"
                data-testid="import-run-open"
                onClick={() =>
                  // A run under way shows its progress (and Cancel), then its report.
                  showImport(
                    run.status === 'running' ? { kind: 'job', jobId: run.id } : { kind: 'report', runId: run.id },
                  )
                }
              >
                {t('import.historyOpen')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
