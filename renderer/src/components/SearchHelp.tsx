import { useRef, type MouseEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { searchShortcut } from '../platform.ts';

// The query language, one line each; every language words its own examples.
const SYNTAX = [
  'words',
  'phrase',
  'exclude',
  'or',
  'prefix',
  'title',
  'author',
  'source',
  'tag',
  'lang',
  'year',
  'after',
  'before',
  'is',
] as const;

/** The help button by the search box and the dialog it opens: the query language, with examples. */
export function SearchHelp() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);

  function open(): void {
    dialog.current?.showModal();
    closer.current?.focus();
  }

  function close(): void {
    dialog.current?.close();
  }

  // A click on the backdrop lands on the dialog element itself, outside its content.
  function closeOnBackdrop(event: MouseEvent<HTMLDialogElement>): void {
    if (event.target === dialog.current) close();
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="help-button"
        data-testid="search-help-button"
        aria-haspopup="dialog"
        aria-label={t('help.open')}
        title={t('help.open')}
        onClick={open}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9" />
          <path d="M9.6 9.3a2.5 2.5 0 0 1 4.85.85c0 1.65-2.45 2.2-2.45 3.6" />
          <circle className="dot" cx="12" cy="16.9" r="0.4" />
        </svg>
      </button>
      <dialog
        ref={dialog}
        className="help-dialog"
        data-testid="search-help"
        aria-labelledby="search-help-title"
        // Esc closes a modal dialog by itself; focus goes back to the button that opened it.
        onClose={() => opener.current?.focus()}
        onClick={closeOnBackdrop}
      >
        <div className="help-content">
          <header className="help-header">
            <h2 id="search-help-title">{t('help.title')}</h2>
            <button
              ref={closer}
              type="button"
              className="icon-button"
              data-testid="search-help-close"
              aria-label={t('help.close')}
              title={t('help.close')}
              onClick={close}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M6 6l12 12M18 6 6 18" />
              </svg>
            </button>
          </header>
          <p className="help-intro">{t('help.intro')}</p>
          <dl className="help-syntax">
            {SYNTAX.map((key) => (
              <div key={key} className="help-row">
                <dt>
                  <code>{t(`help.syntax.${key}.example`)}</code>
                </dt>
                <dd>{t(`help.syntax.${key}.meaning`)}</dd>
              </div>
            ))}
          </dl>
          <h3>{t('help.tipsTitle')}</h3>
          <ul className="help-tips">
            <li>{t('help.tips.asYouType')}</li>
            <li>
              <Trans i18nKey="help.tips.combine" components={{ code: <code /> }} />
            </li>
            <li>
              <Trans i18nKey="help.tips.shortcut" values={{ keys: searchShortcut }} components={{ kbd: <kbd /> }} />
            </li>
          </ul>
        </div>
      </dialog>
    </>
  );
}
