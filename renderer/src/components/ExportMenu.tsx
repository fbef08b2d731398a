import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { archive } from '../api/archive.ts';
import { downloadFile, exportLocaleOf } from '../download.ts';
import { CitationMenu } from './CitationMenu.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Icon } from './Icon.tsx';
import { Modal } from './Modal.tsx';

/** The reader's "Cite and export" button: a dialog to copy a citation or save the article with its highlights and notes. */
export function ExportMenu({ articleId, title }: { articleId: number; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="link-button"
        data-testid="reader-export"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <Icon name="quote" />
        {t('exports.open')}
      </button>
      {open && (
        <Modal title={t('exports.title')} description={title} onClose={() => setOpen(false)} testId="export-dialog">
          <CitationMenu articleId={articleId} />
          <ArticleDownloads articleId={articleId} />
        </Modal>
      )}
    </>
  );
}

function ArticleDownloads({ articleId }: { articleId: number }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const save = (format: 'md' | 'html') => {
    setError(null);
    archive
      .exportArticle({ id: articleId, format, locale: exportLocaleOf(i18n.language) })
      .then(downloadFile, setError);
  };
  return (
    <section className="article-downloads">
      <h3 className="field-label">{t('exports.saveTitle')}</h3>
      <p className="dialog-hint">{t('exports.saveHint')}</p>
      <div className="dialog-actions">
        <button type="button" className="button" data-testid="export-markdown" onClick={() => save('md')}>
          <Icon name="import" />
          {t('exports.markdown')}
        </button>
        <button type="button" className="button" data-testid="export-html" onClick={() => save('html')}>
          <Icon name="import" />
          {t('exports.html')}
        </button>
      </div>
      {error !== null && <ErrorMessage error={error} />}
    </section>
  );
}
