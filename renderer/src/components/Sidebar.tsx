import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collection, SavedSearch } from '../../../archive/api/contract.ts';
import { archive } from '../api/archive.ts';
import { changed, collectionTree, useCollections, useSavedSearches } from '../app-state.ts';
import { formatCount } from '../format.ts';
import { filterText } from '../query-edit.ts';
import { routeHash, type Route } from '../route.ts';
import { BundleDialog, canExportBundles, type BundleTarget } from './BundleDialog.tsx';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Icon, type IconName } from './Icon.tsx';
import { ConfirmDialog, Modal } from './Modal.tsx';
import { openSavedSearch } from './SavedSearchControls.tsx';

interface SidebarProps {
  route: Route;
  open: boolean;
  onNavigate: () => void;
}

/** Where to go: the library, bookmarks, the notebook, collections, saved searches, settings. */
export function Sidebar({ route, open, onNavigate }: SidebarProps) {
  const { t, i18n } = useTranslation();
  const collections = useCollections();
  const saved = useSavedSearches();
  const [editing, setEditing] = useState<Collection | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SavedSearch | null>(null);
  const [bundle, setBundle] = useState<BundleTarget | null>(null);
  const bundles = canExportBundles();

  const filter = route.view === 'library' ? (route.filter ?? '') : null;
  const current = (target: Route): boolean =>
    routeHash(target).split('&sort')[0] === routeHash(route).split('&sort')[0];
  const link = (target: Route, icon: IconName, label: string, testId: string, exact = current(target)) => (
    <li>
      <a
        className="nav-link"
        href={routeHash(target)}
        aria-current={exact ? 'page' : undefined}
        data-testid={testId}
        onClick={onNavigate}
      >
        <Icon name={icon} />
        <span>{label}</span>
      </a>
    </li>
  );

  return (
    <nav id="sidebar" className="sidebar" data-open={open} aria-label={t('nav.label')} data-testid="sidebar">
      <ul className="nav-list">
        {link({ view: 'library' }, 'library', t('nav.library'), 'nav-library', filter === '')}
        {link(
          { view: 'library', filter: 'is:bookmarked' },
          'bookmark',
          t('nav.bookmarks'),
          'nav-bookmarks',
          filter === 'is:bookmarked',
        )}
        {link({ view: 'notebook' }, 'notebook', t('nav.notebook'), 'nav-notebook', route.view === 'notebook')}
        {link({ view: 'settings' }, 'settings', t('nav.settings'), 'nav-settings')}
        {bundles && (
          <li>
            <button
              type="button"
              className="nav-link"
              data-testid="export-bundle"
              // The library as filtered now (a tag, bookmarks...), or all of it.
              onClick={() =>
                setBundle(
                  filter
                    ? { scope: { kind: 'query', query: filter }, label: filter }
                    : { scope: { kind: 'all' }, label: null },
                )
              }
            >
              <Icon name="bundle" />
              <span>{filter ? t('bundle.exportFiltered') : t('bundle.exportLibrary')}</span>
            </button>
          </li>
        )}
      </ul>

      <section className="nav-section" aria-labelledby="nav-collections">
        <div className="nav-section-header">
          <h2 id="nav-collections">{t('collections.title')}</h2>
          <button
            type="button"
            className="icon-button small"
            data-testid="new-collection"
            aria-label={t('collections.new')}
            title={t('collections.new')}
            onClick={() => setEditing('new')}
          >
            <Icon name="plus" />
          </button>
        </div>
        {collections.length === 0 ? (
          <p className="nav-empty">{t('collections.none')}</p>
        ) : (
          <ul className="nav-list nav-tree" data-testid="collection-tree">
            {collectionTree(collections).map(({ collection, depth }) => {
              const target: Route = { view: 'library', filter: filterText('collection', collection.name) };
              return (
                <li key={collection.id} className="nav-tree-item" style={{ paddingInlineStart: `${depth * 0.9}rem` }}>
                  <a
                    className="nav-link"
                    href={routeHash(target)}
                    aria-current={filter === target.filter ? 'page' : undefined}
                    data-testid="collection-link"
                    onClick={onNavigate}
                  >
                    <Icon name="folder" />
                    <span className="nav-label">{collection.name}</span>
                    <span className="nav-count" aria-hidden="true">
                      {formatCount(collection.count, i18n.language)}
                    </span>
                    <span className="visually-hidden">{t('facets.count', { count: collection.count })}</span>
                  </a>
                  <NavItemAction
                    icon="edit"
                    label={t('collections.edit', { name: collection.name })}
                    onClick={() => setEditing(collection)}
                  />
                  {bundles && (
                    <NavItemAction
                      icon="bundle"
                      label={t('bundle.exportNamed', { name: collection.name })}
                      testId="collection-bundle"
                      onClick={() =>
                        setBundle({ scope: { kind: 'collection', id: collection.id }, label: collection.name })
                      }
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="nav-section" aria-labelledby="nav-saved">
        <div className="nav-section-header">
          <h2 id="nav-saved">{t('saved.title')}</h2>
        </div>
        {saved.length === 0 ? (
          <p className="nav-empty">{t('saved.none')}</p>
        ) : (
          <ul className="nav-list" data-testid="saved-searches">
            {saved.map((search) => (
              <li key={search.id} className="nav-tree-item" data-testid="saved-search">
                <button
                  type="button"
                  className="nav-link"
                  data-testid="saved-search-open"
                  title={search.query}
                  onClick={() => {
                    openSavedSearch(search);
                    onNavigate();
                  }}
                >
                  <Icon name="search" />
                  <span className="nav-label">{search.name}</span>
                  {search.newCount > 0 && (
                    <span className="nav-new" data-testid="saved-new-count">
                      <span aria-hidden="true">{formatCount(search.newCount, i18n.language)}</span>
                      <span className="visually-hidden">{t('saved.new', { count: search.newCount })}</span>
                    </span>
                  )}
                </button>
                <NavItemAction
                  icon="trash"
                  label={t('saved.delete', { name: search.name })}
                  testId="saved-search-delete"
                  onClick={() => setDeleting(search)}
                />
                {bundles && (
                  <NavItemAction
                    icon="bundle"
                    label={t('bundle.exportNamed', { name: search.name })}
                    testId="saved-search-bundle"
                    onClick={() => setBundle({ scope: { kind: 'savedSearch', id: search.id }, label: search.name })}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {bundle && <BundleDialog target={bundle} onClose={() => setBundle(null)} />}
      {editing && (
        <CollectionDialog
          collection={editing === 'new' ? null : editing}
          collections={collections}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('saved.deleteTitle')}
          body={<p>{t('saved.deleteBody', { name: deleting.name })}</p>}
          confirm={t('common.delete')}
          danger
          testId="confirm-delete-saved"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            void archive.deleteSavedSearch({ id: deleting.id }).then(() => changed('saved'));
            setDeleting(null);
          }}
        />
      )}
    </nav>
  );
}

/** Creating, renaming, moving or deleting a collection. */
function CollectionDialog({
  collection,
  collections,
  onClose,
}: {
  collection: Collection | null;
  collections: Collection[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(collection?.name ?? '');
  const [parentId, setParentId] = useState<number | null>(collection?.parentId ?? null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const nameId = useId();
  const parentSelectId = useId();

  // A collection cannot move inside itself or its own sub-collections.
  const inside = new Set<number>();
  if (collection) {
    inside.add(collection.id);
    let grew = true;
    while (grew) {
      grew = false;
      for (const other of collections) {
        if (other.parentId !== null && inside.has(other.parentId) && !inside.has(other.id)) {
          inside.add(other.id);
          grew = true;
        }
      }
    }
  }
  const parents = collectionTree(collections).filter(({ collection: other }) => !inside.has(other.id));

  function save(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!name.trim()) return;
    const request = collection
      ? archive.updateCollection({ id: collection.id, name: name.trim(), parentId })
      : archive.createCollection({ name: name.trim(), parentId });
    request.then(
      () => {
        changed('collections');
        onClose();
      },
      (reason: unknown) => setError(reason),
    );
  }

  if (confirming && collection) {
    return (
      <ConfirmDialog
        title={t('collections.deleteTitle')}
        body={<p>{t('collections.deleteBody', { name: collection.name })}</p>}
        confirm={t('common.delete')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          void archive.deleteCollection({ id: collection.id }).then(() => changed('collections', 'articles'));
          onClose();
        }}
      />
    );
  }

  return (
    <Modal
      title={collection ? t('collections.editTitle') : t('collections.newTitle')}
      onClose={onClose}
      testId="collection-dialog"
      className="dialog-small"
    >
      <form onSubmit={save} className="form-grid">
        <label className="field-label" htmlFor={nameId}>
          {t('collections.name')}
        </label>
        <input
          id={nameId}
          className="text-input"
          data-testid="collection-name"
          data-autofocus=""
          required
          maxLength={200}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <label className="field-label" htmlFor={parentSelectId}>
          {t('collections.parent')}
        </label>
        <select
          id={parentSelectId}
          className="text-input"
          data-testid="collection-parent"
          value={parentId ?? ''}
          onChange={(event) => setParentId(event.target.value ? Number(event.target.value) : null)}
        >
          <option value="">{t('collections.topLevel')}</option>
          {parents.map(({ collection: other, depth }) => (
            <option key={other.id} value={other.id}>
              {`${'\u2003'.repeat(depth)}${other.name}`}
            </option>
          ))}
        </select>
        {error !== null && <ErrorMessage error={error} />}
        <div className="dialog-actions">
          {collection && (
            <button type="button" className="button button-danger-text" onClick={() => setConfirming(true)}>
              <Icon name="trash" />
              {t('common.delete')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="collection-save">
            {collection ? t('common.save') : t('collections.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** A small icon button beside an item of the sidebar (edit, delete, export); its label is also its tooltip. */
function NavItemAction({
  icon,
  label,
  testId,
  onClick,
}: {
  icon: IconName;
  label: string;
  testId?: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="icon-button small nav-item-action"
      data-testid={testId}
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      <Icon name={icon} />
    </button>
  );
}
