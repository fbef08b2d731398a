import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { changed, useSavedSearches } from '../app-state.ts';
import { isFilterOnly } from '../query-edit.ts';
import { navigate } from '../route.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Icon } from './Icon.tsx';
import { Modal } from './Modal.tsx';

/** Opens a saved search: the core notes when, which resets its count of new matches. */
export function openSavedSearch(saved: SavedSearch): void {
  void archive.openSavedSearch({ id: saved.id }).then(() => changed('saved'));
  navigate(
    isFilterOnly(saved.query)
      ? { view: 'library', filter: saved.query }
      : { view: 'search', query: saved.query, sort: 'relevance' },
  );
}

/** "Save this search": a name (the query by default), then it is in the sidebar. */
export function SaveSearchButton({ query }: { query: string }) {
  const { t } = useTranslation();
  const saved = useSavedSearches();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(query);
  const [error, setError] = useState<unknown>(null);
  const inputId = useId();
  const already = saved.find((search) => search.query === query);

  function save(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    archive.saveSearch({ name: name.trim() || query, query }).then(
      () => {
        changed('saved');
        setOpen(false);
      },
      (reason: unknown) => setError(reason),
    );
  }

  if (already) {
    return (
      <span className="saved-note" data-testid="search-saved">
        <Icon name="check" />
        {t('saved.isSaved', { name: already.name })}
      </span>
    );
  }
  return (
    <>
      <button
        type="button"
        className="button button-small"
        data-testid="save-search"
        onClick={() => {
          setName(query);
          setError(null);
          setOpen(true);
        }}
      >
        <Icon name="saved" />
        {t('saved.save')}
      </button>
      {open && (
        <Modal
          title={t('saved.saveTitle')}
          onClose={() => setOpen(false)}
          testId="save-search-dialog"
          className="dialog-small"
        >
          <form onSubmit={save}>
            <label className="field-label" htmlFor={inputId}>
              {t('saved.name')}
            </label>
            <input
              id={inputId}
              className="text-input"
              data-testid="saved-name-input"
              data-autofocus=""
              value={name}
              maxLength={200}
              onChange={(event) => setName(event.target.value)}
            />
            <p className="muted small">
              {t('saved.query')} <code>{query}</code>
            </p>
            {error !== null && <ErrorMessage error={error} />}
            <div className="dialog-actions">
              <button type="button" className="button" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="button button-primary" data-testid="saved-confirm">
                {t('saved.saveButton')}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </>
  );
}
