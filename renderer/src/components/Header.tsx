import { useEffect, useEffectEvent, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isTextField } from '../keyboard.ts';
import { isMac, searchShortcut } from '../platform.ts';
import { forgetSearch, loadRecent, rememberSearch } from '../recent-searches.ts';
import { Icon } from './Icon.tsx';
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
  onMenu: () => void;
  menuOpen: boolean;
  onShortcuts: () => void;
}

export function Header({ query, articleId, onSearch, onMenu, menuOpen, onShortcuts }: HeaderProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(query);
  const input = useRef<HTMLInputElement>(null);
  // The last search this box asked for: a different incoming query came from elsewhere (history,
  // a link, a facet), and the box shows it.
  const sent = useRef<SearchRequest>({ query, asYouType: false });
  const [recent, setRecent] = useState<string[]>([]);
  const [recentOpen, setRecentOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();

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
    function focusSearch(event: globalThis.KeyboardEvent): void {
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
    const chosen = recentOpen && active >= 0 ? recent[active] : undefined;
    const next = (chosen ?? value).trim();
    if (chosen) setValue(chosen);
    setRecentOpen(false);
    if (next) setRecent(rememberSearch(next));
    submit({ query: next, asYouType: false });
  }

  const showRecent = recentOpen && value === '' && recent.length > 0;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'Escape') {
      if (showRecent) {
        setRecentOpen(false);
      } else {
        input.current?.blur();
      }
      event.preventDefault();
      return;
    }
    if (!showRecent) {
      if (event.key === 'ArrowDown' && value === '') {
        setRecent(loadRecent());
        setRecentOpen(true);
        setActive(0);
        event.preventDefault();
      }
      return;
    }
    if (event.key === 'ArrowDown') {
      setActive((active + 1) % recent.length);
      event.preventDefault();
    } else if (event.key === 'ArrowUp') {
      setActive(active <= 0 ? recent.length - 1 : active - 1);
      event.preventDefault();
    }
  }

  function chooseRecent(item: string): void {
    setValue(item);
    setRecentOpen(false);
    setRecent(rememberSearch(item));
    submit({ query: item, asYouType: false });
  }

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <button
          type="button"
          className="icon-button menu-button"
          data-testid="menu-button"
          aria-label={t('nav.open')}
          title={t('nav.open')}
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={onMenu}
        >
          <Icon name="menu" />
        </button>
        <a className="brand" href="#/">
          <svg className="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M5 4.5A1.5 1.5 0 0 1 6.5 3H18a1 1 0 0 1 1 1v14.5a.5.5 0 0 1-.5.5H7a2 2 0 0 0-2 2Z" />
            <path d="M5 21a2 2 0 0 1 2-2h12v2H7" opacity=".55" />
          </svg>
          <span className="brand-name">{t('app.name')}</span>
        </a>
        <div className="search-area">
          <form className="search" role="search" aria-label={t('search.label')} onSubmit={onSubmit}>
            <label htmlFor="search-input" className="visually-hidden">
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
              role="combobox"
              aria-expanded={showRecent}
              aria-controls={listId}
              aria-autocomplete="none"
              aria-activedescendant={showRecent && active >= 0 ? `${listId}-${active}` : undefined}
              onChange={(event) => {
                setValue(event.target.value);
                setActive(-1);
              }}
              onFocus={() => {
                setRecent(loadRecent());
                setRecentOpen(true);
                setActive(-1);
              }}
              onBlur={() => setRecentOpen(false)}
              onKeyDown={onKeyDown}
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
            <div className="recent-searches" data-testid="recent-searches" hidden={!showRecent}>
              <p className="recent-title" aria-hidden="true">
                {t('search.recent')}
              </p>
              <ul id={listId} role="listbox" aria-label={t('search.recent')}>
                {recent.map((item, index) => (
                  <li
                    key={item}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === active}
                    className="recent-option"
                    data-testid="recent-search"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => chooseRecent(item)}
                  >
                    <Icon name="clock" />
                    <span className="recent-text">{item}</span>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="recent-clear"
                tabIndex={-1}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  for (const item of recent) forgetSearch(item);
                  setRecent([]);
                }}
              >
                {t('search.clearRecent')}
              </button>
            </div>
          </form>
          <SearchHelp />
          <button
            type="button"
            className="icon-button shortcuts-button"
            data-testid="shortcuts-button"
            aria-label={t('shortcuts.open')}
            title={t('shortcuts.open')}
            aria-keyshortcuts="?"
            onClick={onShortcuts}
          >
            <Icon name="keyboard" />
          </button>
        </div>
      </div>
    </header>
  );
}
