import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { archive } from '../api/archive.ts';
import { articleUpdated, changed, collectionTree, useCollections } from '../app-state.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Modal } from './Modal.tsx';

interface CollectionPickerProps {
  articleId: number;
  title: string;
  collectionIds: number[];
  onChange: (ids: number[]) => void;
  onClose: () => void;
}

/** The collections an article is in: a tree of check boxes, and a box to make a new one. */
export function CollectionPicker({ articleId, title, collectionIds, onChange, onClose }: CollectionPickerProps) {
  const { t } = useTranslation();
  const collections = useCollections();
  const [ids, setIds] = useState(collectionIds);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const inputId = useId();

  function save(next: number[]): void {
    setIds(next);
    onChange(next);
    archive.setArticleCollections({ id: articleId, collectionIds: next }).then(
      (summary) => {
        articleUpdated(summary);
        changed('collections');
      },
      (reason: unknown) => setError(reason),
    );
  }

  function create(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!name.trim()) return;
    archive.createCollection({ name: name.trim(), parentId: null }).then(
      (collection) => {
        setName('');
        changed('collections');
        save([...ids, collection.id]);
      },
      (reason: unknown) => setError(reason),
    );
  }

  return (
    <Modal title={t('collections.pickerTitle')} description={title} onClose={onClose} testId="collection-picker">
      {collections.length === 0 ? (
        <p className="muted">{t('collections.none')}</p>
      ) : (
        <ul className="check-tree">
          {collectionTree(collections).map(({ collection, depth }) => (
            <li key={collection.id} style={{ paddingInlineStart: `${depth * 1.25}rem` }}>
              <label className="check-row">
                <input
                  type="checkbox"
                  data-testid="collection-checkbox"
                  checked={ids.includes(collection.id)}
                  onChange={(event) =>
                    save(event.target.checked ? [...ids, collection.id] : ids.filter((id) => id !== collection.id))
                  }
                />
                <span>{collection.name}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={create}>
        <label htmlFor={inputId} className="field-label">
          {t('collections.new')}
        </label>
        <div className="inline-form-row">
          <input
            id={inputId}
            className="text-input"
            data-testid="new-collection-input"
            value={name}
            maxLength={200}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button">
            {t('collections.create')}
          </button>
        </div>
      </form>
      {error !== null && <ErrorMessage error={error} />}
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('common.done')}
        </button>
      </div>
    </Modal>
  );
}
