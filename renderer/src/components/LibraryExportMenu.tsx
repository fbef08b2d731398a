import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationFormat } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { downloadFile, exportLocaleOf } from '../download.ts';
import type { LibrarySort } from '../route.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Icon } from './Icon.tsx';
import { Modal } from './Modal.tsx';

const LIST_FORMATS = ['bibtex', 'ris', 'csl-json', 'apa', 'chicago'] as const satisfies readonly CitationFormat[];

/** The library's "Export list": the articles the current filters show, as citations or as a CSV of their metadata. */
export function LibraryExportMenu({ filter, sort }: { filter: string; sort: LibrarySort }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<CitationFormat>('bibtex');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const id = useId();
  // No filter: every article of the library (in the order they were added).
  const query = filter.trim();

  async function run(make: () => Promise<{ fileName: string; mimeType: string; content: string; count: number }>) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const file = await make();
      downloadFile(file);
      setDone(file.count);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button-small"
        data-testid="library-export"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <Icon name="import" />
        {t('exports.listOpen')}
      </button>
      {open && (
        <Modal
          title={t('exports.listTitle')}
          description={filter ? t('exports.listFiltered', { filter }) : t('exports.listAll')}
          onClose={() => setOpen(false)}
          testId="library-export-dialog"
        >
          <label className="field-label" htmlFor={`${id}-format`}>
            {t('exports.citationFormat')}
          </label>
          <span className="select-wrap">
            <select
              id={`${id}-format`}
              data-testid="library-citation-format"
              value={format}
              onChange={(event) => setFormat(event.target.value as CitationFormat)}
            >
              {LIST_FORMATS.map((value) => (
                <option key={value} value={value}>
                  {t(`exports.formats.${value}`)}
                </option>
              ))}
            </select>
          </span>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              data-testid="library-export-citations"
              disabled={busy}
              onClick={() =>
                void run(() =>
                  archive.citeArticles({
                    query,
                    sort,
                    format,
                    locale: exportLocaleOf(i18n.language),
                  }),
                )
              }
            >
              {t('exports.downloadCitations')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="library-export-csv"
              disabled={busy}
              onClick={() => void run(() => archive.exportLibraryCsv(query ? { query, sort } : {}))}
            >
              {t('exports.downloadCsv')}
            </button>
          </div>
          <p className="status" role="status" data-testid="library-export-status">
            {busy ? t('exports.working') : done !== null ? t('exports.exported', { count: done }) : ''}
          </p>
          {error !== null && <ErrorMessage error={error} />}
        </Modal>
      )}
    </>
  );
}
