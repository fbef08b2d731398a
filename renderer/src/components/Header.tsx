import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isMac, searchShortcut } from '../platform.ts';
import { SearchHelp } from './SearchHelp.tsx';

const DEBOUNCE_MS = 120;

export interface SearchRequest {
  query: string;
  /** Still being typed: the last word is a prefix. */
  asYouType: boolean;
}

interface HeaderProps {
  /** The query the current list shows. */
  query: string;
  /** The article open in the reader, if any. */
  articleId: number | null;
  onSearch: (request: SearchRequest) => void;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

export function Header({ query, articleId, onSearch }: HeaderProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(query);
  const input = useRef<HTMLInputElement>(null);
  // The last search this box asked for: a different incoming query came from elsewhere (history,
  // a link, a facet), and the box shows it.
  const sent = useRef<SearchRequest>({ query, asYouType: false });

  useEffect(() => {
    if (query === sent.current.query) return;
    sent.current = { query, asYouType: false };
    setValue(query);
  }, [query]);

  // Opening an article drops a search still being typed, so that it cannot fire later and leave the
  // reader; the box shows again the query of the list the article was opened from.
  useEffect(() => {
    if (articleId !== null) setValue(sent.current.query);
  }, [articleId]);

  function submit(request: SearchRequest): void {
    sent.current = request;
    onSearch(request);
  }

  // Searches as the user types, the last word as a prefix; a trailing space means it is complete.
  // Only a word being completed makes the same query worth searching again; and a search submitted
  // with Enter meanwhile has already done it.
  const submitTyped = useEffectEvent((request: SearchRequest) => {
    const last = sent.current;
    if (request.query === last.query && !(last.asYouType && !request.asYouType)) return;
    submit(request);
  });
  useEffect(() => {
    const next = value.trim();
    const asYouType = next !== '' && !/\s$/.test(value);
    const timer = setTimeout(() => submitTyped({ query: next, asYouType }), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);

  useEffect(() => {
    function focusSearch(event: KeyboardEvent): void {
      const ctrlK = event.key.toLowerCase() === 'k' && (isMac ? event.metaKey : event.ctrlKey) && !event.altKey;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (!ctrlK && !(slash && !isTextField(event.target))) return;
      // A shortcut pressed in a modal dialog (the help) would reach a box it cannot use.
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    }
    window.addEventListener('keydown', focusSearch);
    return () => window.removeEventListener('keydown', focusSearch);
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    submit({ query: value.trim(), asYouType: false });
  }

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <a className="brand" href="#/">
          <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M5 4.5A1.5 1.5 0 0 1 6.5 3H18a1 1 0 0 1 1 1v14.5a.5.5 0 0 1-.5.5H7a2 2 0 0 0-2 2Z" />
            <path d="M5 21a2 2 0 0 1 2-2h12v2H7" opacity=".55" />
          </svg>
          <span className="brand-name">{t('app.name')}</span>
        </a>
        <div className="search-area">
          <form className="search" role="search" onSubmit={onSubmit}>
            <label className="visually-hidden" htmlFor="search-input">
              {t('search.label')}
            </label>
            <svg className="search-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <circle cx="11" cy="11" r="6.5" />
              <path d="m16 16 4.5 4.5" />
            </svg>
            <input
              ref={input}
              id="search-input"
              data-testid="search-input"
              type="search"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              placeholder={t('search.placeholder')}
              aria-keyshortcuts={isMac ? '/ Meta+K' : '/ Control+K'}
              aria-describedby="search-shortcut"
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
            />
            <kbd className="search-hint" aria-hidden="true">
              /
            </kbd>
            <span className="visually-hidden" id="search-shortcut">
              {t('search.shortcut', { keys: searchShortcut })}
            </span>
          </form>
          <SearchHelp />
        </div>
      </div>
    </header>
  );
}
