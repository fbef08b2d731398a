import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Highlight, HighlightColor } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Icon } from './Icon.tsx';
import { Modal } from './Modal.tsx';

// The contract's highlight colours (a value import of the contract would bundle zod into the page).
export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const satisfies readonly HighlightColor[];

interface HighlightDialogProps {
  highlight: Highlight;
  lang: string | undefined;
  dir: 'rtl' | undefined;
  onSaved: (highlight: Highlight) => void;
  onDeleted: (id: number) => void;
  onClose: () => void;
}

/** A highlight's colour and note, and deleting it. */
export function HighlightDialog({ highlight, lang, dir, onSaved, onDeleted, onClose }: HighlightDialogProps) {
  const { t } = useTranslation();
  const [color, setColor] = useState<HighlightColor>(highlight.color);
  const [note, setNote] = useState(highlight.note ?? '');
  const [error, setError] = useState<unknown>(null);
  const noteId = useId();

  function save(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    archive.updateHighlight({ id: highlight.id, color, note: note.trim() ? note : null }).then(
      (saved) => {
        onSaved(saved);
        onClose();
      },
      (reason: unknown) => setError(reason),
    );
  }

  function remove(): void {
    archive.deleteHighlight({ id: highlight.id }).then(
      () => {
        onDeleted(highlight.id);
        onClose();
      },
      (reason: unknown) => setError(reason),
    );
  }

  return (
    <Modal title={t('highlights.editTitle')} onClose={onClose} testId="highlight-dialog">
      <form onSubmit={save}>
        <blockquote className={`quote quote-${color}`} lang={lang} dir={dir} data-testid="highlight-quote">
          {highlight.quote}
        </blockquote>
        <fieldset className="color-choice">
          <legend className="field-label">{t('highlights.color')}</legend>
          {COLORS.map((value) => (
            <label key={value} className={`swatch swatch-${value}`} title={t(`colors.${value}`)}>
              <input
                type="radio"
                name="highlight-color"
                value={value}
                checked={color === value}
                onChange={() => setColor(value)}
              />
              <span className="visually-hidden">{t(`colors.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="field-label" htmlFor={noteId}>
          {t('highlights.note')}
        </label>
        <textarea
          id={noteId}
          className="text-input textarea"
          data-testid="highlight-note"
          rows={4}
          data-autofocus=""
          value={note}
          placeholder={t('highlights.notePlaceholder')}
          onChange={(event) => setNote(event.target.value)}
        />
        {error !== null && <ErrorMessage error={error} />}
        <div className="dialog-actions">
          <button type="button" className="button button-danger-text" data-testid="highlight-delete" onClick={remove}>
            <Icon name="trash" />
            {t('highlights.delete')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="highlight-save">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
