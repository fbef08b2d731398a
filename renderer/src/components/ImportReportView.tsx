import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportItem, ImportRun } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { formatNumber } from '../format.ts';
import { fileName } from '../imports/format-duration.ts';

/**
 * The lines worth explaining, each status in its own group, opened but for the files not read (a
 * cancelled run's long list); imported files and duplicates are only counted, but for the files
 * read from another encoding than UTF-8, listed with the encoding used.
 */
const GROUPS = ['failed', 'skipped', 'cancelled'] as const;
type Group = (typeof GROUPS)[number];
const PAGE = 100;

const countOf = (run: ImportRun, group: Group) =>
  group === 'failed' ? run.failed : group === 'skipped' ? run.skipped : run.cancelled;

/** One status's lines of a run, a page at a time; `decoded`: the imported files that were not UTF-8. */
function ProblemGroup({ run, status }: { run: ImportRun; status: Group | 'decoded' }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<(ImportItem & { seq: number })[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const failed = (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught));
  const query = status === 'decoded' ? { status: 'imported' as const, noted: true } : { status };
  useEffect(() => {
    let current = true;
    archive.getImportReport({ runId: run.id, ...query, limit: PAGE, offset: 0 }).then(
      (page) => {
        if (!current) return;
        setTotal(page.total);
        setItems(page.items);
      },
      (caught: unknown) => current && failed(caught),
    );
    return () => {
      current = false;
    };
  }, [run.id, status]);
  const more = () =>
    archive.getImportReport({ runId: run.id, ...query, limit: PAGE, offset: items.length }).then((page) => {
      setTotal(page.total);
      setItems((before) => [...before, ...page.items]);
    }, failed);

  if (status === 'decoded' && total === 0) return null;
  return (
    <details className="import-details" open={status !== 'cancelled'} data-testid="import-group" data-status={status}>
      <summary>{t(`import.groups.${status}`, { count: status === 'decoded' ? total : countOf(run, status) })}</summary>
      {error && <p className="error-text">{error}</p>}
      <ul>
        {items.map((item) => (
          <li key={item.seq} data-testid="import-problem" data-status={item.status}>
            <span className="import-path" title={item.path}>
              {fileName(item.path)}
            </span>
            <span className={status === 'decoded' ? 'import-note' : 'import-reason'}>
              {t(`import.status.${status}`)}
              {item.message ? ` — ${item.message}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {items.length < total && (
        <button type="button" className="button" onClick={() => void more()}>
          {t('import.more')}
        </button>
      )}
    </details>
  );
}

/** A stored run's report: its counts, then what failed, was skipped or left unread, and why. */
export function ImportReportView({ runId }: { runId: number }) {
  const { t, i18n } = useTranslation();
  const [run, setRun] = useState<ImportRun | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    archive.getImportReport({ runId, limit: 1 }).then(
      (page) => current && setRun(page.run),
      (caught: unknown) => current && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      current = false;
    };
  }, [runId]);

  const n = (value: number) => formatNumber(value, i18n.language);
  const title = !run
    ? t('import.title')
    : run.status === 'cancelled'
      ? t('import.cancelledTitle')
      : run.status === 'failed'
        ? t('import.stoppedTitle')
        : run.status === 'interrupted'
          ? t('import.interruptedTitle')
          : t('import.title');
  return (
    <>
      <h2 id="import-title">{title}</h2>
      {/* Says that the import ended to a screen reader, which does not follow the progress bar's panel. */}
      <p className="visually-hidden" role="status">
        {run ? title : ''}
      </p>
      {error && <p className="error-text">{error}</p>}
      {run?.error && <p className="error-text">{run.error}</p>}
      {run && (
        <>
          <ul className="import-summary" data-testid="import-summary">
            <li data-kind="imported">{t('import.imported', { count: run.imported, formatted: n(run.imported) })}</li>
            <li data-kind="duplicates">
              {t('import.duplicates', { count: run.duplicates, formatted: n(run.duplicates) })}
            </li>
            {run.nearDuplicates > 0 && (
              <li data-kind="near-duplicates">
                {t('import.nearDuplicates', { count: run.nearDuplicates, formatted: n(run.nearDuplicates) })}
              </li>
            )}
            <li data-kind="skipped">{t('import.skipped', { count: run.skipped, formatted: n(run.skipped) })}</li>
            <li data-kind="failed">{t('import.failed', { count: run.failed, formatted: n(run.failed) })}</li>
            {run.cancelled > 0 && (
              <li data-kind="left">{t('import.left', { count: run.cancelled, formatted: n(run.cancelled) })}</li>
            )}
          </ul>
          {GROUPS.filter((group) => countOf(run, group) > 0).map((group) => (
            <ProblemGroup key={group} run={run} status={group} />
          ))}
          {run.imported > 0 && <ProblemGroup run={run} status="decoded" />}
        </>
      )}
    </>
  );
}
