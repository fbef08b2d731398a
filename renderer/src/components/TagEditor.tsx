import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { articleUpdated, changed, useTags } from '../app-state.ts';
import { formatNumber } from '../format.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Icon } from './Icon.tsx';
import { Modal } from './Modal.tsx';

const SUGGESTIONS = 8;
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * The tags of an article: chips to remove, a box that adds a tag and suggests the archive's tags as
 * you type (arrows to choose, Enter to add). Each change is saved at once.
 */
export function TagEditor({ article, onClose }: { article: ArticleSummary; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const allTags = useTags();
  const [tags, setTags] = useState(article.tags);
  const [value, setValue] = useState('');
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<unknown>(null);
  const listId = useId();
  const inputId = useId();

  const typed = fold(value.trim());
  const have = new Set(tags.map(fold));
  const suggestions = allTags
    .filter((tag) => !have.has(fold(tag.name)) && (typed === '' || fold(tag.name).includes(typed)))
    .sort(
      (a, b) => Number(!fold(a.name).startsWith(typed)) - Number(!fold(b.name).startsWith(typed)) || b.count - a.count,
    )
    .slice(0, SUGGESTIONS);

  function save(next: string[]): void {
    setTags(next);
    setError(null);
    archive.setTags({ id: article.id, tags: next }).then(
      (summary) => {
        setTags(summary.tags);
        articleUpdated(summary);
        changed('tags');
      },
      (reason: unknown) => setError(reason),
    );
  }

  function add(name: string): void {
    const clean = name.trim().replace(/\s+/g, ' ');
    setValue('');
    setActive(-1);
    if (!clean || have.has(fold(clean))) return;
    save([...tags, clean]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setActive((active + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive(active <= 0 ? suggestions.length - 1 : active - 1);
    } else if (event.key === 'Enter' || event.key === ',') {
      const chosen = suggestions[active];
      if (!chosen && !value.trim()) return;
      event.preventDefault();
      add(chosen ? chosen.name : value);
    } else if (event.key === 'Backspace' && value === '' && tags.length > 0) {
      save(tags.slice(0, -1));
    }
  }

  const activeId = active >= 0 && suggestions[active] ? `${listId}-${active}` : undefined;
  return (
    <Modal
      title={t('tags.title')}
      description={article.title || t('app.untitled')}
      onClose={onClose}
      testId="tag-editor"
    >
      <ul className="chips" aria-label={t('tags.current')} data-testid="tag-chips">
        {tags.length === 0 && <li className="chips-empty">{t('tags.none')}</li>}
        {tags.map((tag) => (
          <li key={tag} className="chip" data-testid="tag-chip">
            <span>{tag}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={t('tags.remove', { tag })}
              title={t('tags.remove', { tag })}
              onClick={() => save(tags.filter((other) => other !== tag))}
            >
              <Icon name="close" />
            </button>
          </li>
        ))}
      </ul>
      <div className="combobox">
        <label htmlFor={inputId} className="field-label">
          {t('tags.add')}
        </label>
        <input
          id={inputId}
          className="text-input"
          data-testid="tag-input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-activedescendant={activeId}
          autoComplete="off"
          data-autofocus=""
          value={value}
          placeholder={t('tags.placeholder')}
          onChange={(event) => {
            setValue(event.target.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="suggestions" id={listId} role="listbox" aria-label={t('tags.suggestions')}>
          {suggestions.map((tag, index) => (
            <li
              key={tag.name}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="suggestion-option"
              data-testid="tag-suggestion"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(tag.name)}
            >
              <span>{tag.name}</span>
              <span className="suggestion-count">{formatNumber(tag.count, i18n.language)}</span>
            </li>
          ))}
        </ul>
      </div>
      {error !== null && <ErrorMessage error={error} />}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" data-testid="tag-done" onClick={onClose}>
          {t('common.done')}
        </button>
      </div>
    </Modal>
  );
}
