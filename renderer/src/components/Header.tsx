import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const DEBOUNCE_MS = 150;

interface HeaderProps {
  /** The query the current list shows. */
  query: string;
  /** The article open in the reader, if any. */
  articleId: number | null;
  onSearch: (query: string) => void;
}

export function Header({ query, articleId, onSearch }: HeaderProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(query);
  const input = useRef<HTMLInputElement>(null);
  // The last query this box asked for: a different incoming query came from back/forward.
  const sent = useRef(query);

  useEffect(() => {
    if (query === sent.current) return;
    sent.current = query;
    setValue(query);
  }, [query]);

  // Opening an article drops a search still being typed, so that it cannot fire later and leave the
  // reader; the box shows again the query of the list the article was opened from.
  useEffect(() => {
    if (articleId !== null) setValue(sent.current);
  }, [articleId]);

  function submit(next: string): void {
    sent.current = next;
    onSearch(next);
  }

  const submitTyped = useEffectEvent(submit);
  useEffect(() => {
    const next = value.trim();
    if (next === sent.current) return;
    const timer = setTimeout(() => submitTyped(next), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);

  useEffect(() => {
    function focusOnSlash(event: KeyboardEvent): void {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      event.preventDefault();
      input.current?.focus();
    }
    window.addEventListener('keydown', focusOnSlash);
    return () => window.removeEventListener('keydown', focusOnSlash);
  }, []);

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    submit(value.trim());
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
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
          />
          <kbd className="search-hint" aria-hidden="true">
            /
          </kbd>
        </form>
      </div>
    </header>
  );
}
