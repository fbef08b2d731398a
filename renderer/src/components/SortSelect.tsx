import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultSort } from '../route.ts';

interface SortSelectProps<S extends string> {
  value: S;
  sorts: readonly S[];
  onChange: (sort: S) => void;
}

export function SortSelect<S extends 'relevance' | 'newest' | 'oldest' | 'title' | 'source' | 'added'>({
  value,
  sorts,
  onChange,
}: SortSelectProps<S>) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="sort">
      <label htmlFor={id}>{t('sort.label')}</label>
      <span className="select-wrap">
        <select id={id} data-testid="sort-select" value={value} onChange={(event) => onChange(event.target.value as S)}>
          {sorts.map((sort) => (
            <option key={sort} value={sort}>
              {t(`sort.${sort}` as `sort.${ResultSort}`)}
            </option>
          ))}
        </select>
        <svg className="select-chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="m6 9 6 6 6-6" />
        </svg>
      </span>
    </div>
  );
}
