import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CitationFormat } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { downloadFile, exportLocaleOf } from '../download.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Icon } from './Icon.tsx';

/** Formatted styles first (what "copy citation" is for), then data for reference managers. */
const ARTICLE_FORMATS = ['apa', 'chicago', 'bibtex', 'ris'] as const satisfies readonly CitationFormat[];

type Loaded = { format: CitationFormat; text: string } | { format: CitationFormat; error: unknown };

/** Copies text; where the Clipboard API is missing (a page served over plain HTTP on a LAN), the selected text is copied instead. */
async function copyText(text: string, fallback: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, page not focused): try the selection below.
  }
  if (!fallback) return false;
  fallback.focus();
  fallback.select();
  return document.execCommand('copy');
}

/**
 * "Copy citation" for one article: APA or Chicago (author-date) in the UI's language, or its BibTeX
 * or RIS entry; the citation is shown, copied with one button, and BibTeX/RIS can be saved as a file.
 */
export function CitationMenu({ articleId }: { articleId: number }) {
  const { t, i18n } = useTranslation();
  const locale = exportLocaleOf(i18n.language);
  const [format, setFormat] = useState<CitationFormat>('apa');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const name = useId();

  useEffect(() => {
    let current = true;
    setCopied(null);
    archive.citeArticles({ ids: [articleId], format, locale }).then(
      (file) => current && setLoaded({ format, text: file.content.trim() }),
      (error: unknown) => current && setLoaded({ format, error }),
    );
    return () => {
      current = false;
    };
  }, [articleId, format, locale]);

  const citation = loaded && loaded.format === format && 'text' in loaded ? loaded.text : null;
  return (
    <section className="citation-menu" data-testid="citation-menu" aria-labelledby={`${name}-title`}>
      <h3 id={`${name}-title`} className="field-label">
        {t('exports.citeTitle')}
      </h3>
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('exports.citationFormat')}</legend>
        <div className="segmented-options">
          {ARTICLE_FORMATS.map((value) => (
            <label key={value} className="segmented-option">
              <input
                type="radio"
                name={name}
                value={value}
                data-testid={`citation-format-${value}`}
                checked={format === value}
                onChange={() => setFormat(value)}
              />
              <span>{t(`exports.formats.${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="visually-hidden" htmlFor={`${name}-text`}>
        {t('exports.citationText')}
      </label>
      <textarea
        id={`${name}-text`}
        ref={text}
        className="text-input textarea citation-text"
        data-testid="citation-text"
        readOnly
        rows={format === 'apa' || format === 'chicago' ? 3 : 8}
        dir="auto"
        value={citation ?? ''}
        aria-busy={citation === null}
      />
      {loaded && loaded.format === format && 'error' in loaded && <ErrorMessage error={loaded.error} />}
      <div className="dialog-actions citation-actions">
        {(format === 'bibtex' || format === 'ris') && (
          <button
            type="button"
            className="button"
            data-testid="citation-download"
            disabled={citation === null}
            onClick={() =>
              void archive.citeArticles({ ids: [articleId], format, locale }).then(downloadFile, () => undefined)
            }
          >
            <Icon name="import" />
            {t('exports.download')}
          </button>
        )}
        <button
          type="button"
          className="button button-primary"
          data-testid="citation-copy"
          disabled={citation === null}
          onClick={() =>
            citation !== null && void copyText(citation, text.current).then((ok) => setCopied(ok ? 'copied' : 'failed'))
          }
        >
          {t('exports.copy')}
        </button>
      </div>
      <p className="status" role="status" data-testid="citation-status">
        {copied === 'copied' ? t('exports.copied') : copied === 'failed' ? t('exports.copyFailed') : ''}
      </p>
    </section>
  );
}
