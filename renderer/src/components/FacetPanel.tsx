import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facet } from '../../../archive/api/contract.ts';
import { capitalize, formatCount, languageName } from '../format.ts';
import { filterText, hasFilter, type FacetField } from '../query-edit.ts';
import type { Facets, FacetsState } from '../use-facets.ts';

// Values shown before "Show more".
const SHORT_LIST = 6;

export interface FacetGroupSpec {
  /** Names the group in test ids and i18n (facets.groups.<name>). */
  name: string;
  field: FacetField;
  values: Facet[];
  /** How a value is shown, when not as it is. */
  label?: (value: string) => string;
}

/** The groups of the core's facets, in the order shown. */
export function coreFacetGroups(facets: Facets | null, languageLabel: (lang: string) => string): FacetGroupSpec[] {
  if (!facets) return [];
  return [
    { name: 'languages', field: 'lang', values: facets.languages, label: languageLabel },
    { name: 'years', field: 'year', values: facets.years },
    { name: 'sources', field: 'source', values: facets.sources },
    { name: 'tags', field: 'tag', values: facets.tags },
  ];
}

export function useLanguageLabel(): (lang: string) => string {
  const { i18n } = useTranslation();
  return (lang) => capitalize(languageName(lang, i18n.language), i18n.language);
}

interface FacetPanelProps {
  /** The query the facet values are toggled in. */
  query: string;
  state: FacetsState;
  groups: FacetGroupSpec[];
  onToggle: (field: FacetField, value: string) => void;
}

/**
 * Counts of the current list by language, year, source, tag (and in the library, reading state).
 * A value adds its filter to the query; a value the query already filters on is active and removes
 * it. A sidebar on wide screens, a disclosure above the list on narrow ones.
 */
export function FacetPanel({ query, state, groups: allGroups, onToggle }: FacetPanelProps) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  // A group is worth showing when it offers a choice: one "Unknown" alone refines nothing.
  const groups = allGroups.filter(({ values }) => values.some((facet) => facet.value !== null));
  if (groups.length === 0) return null;
  const active = groups.reduce(
    (count, { values, field }) =>
      count + values.filter((facet) => facet.value !== null && hasFilter(query, field, facet.value)).length,
    0,
  );

  return (
    <aside
      className="facets"
      data-testid="facets"
      // The query these counts are for, which lags behind the list's while new counts load.
      data-query={state.query ?? undefined}
      aria-labelledby={`${panelId}-title`}
      data-expanded={expanded}
    >
      <h2 className="facets-title" id={`${panelId}-title`}>
        <button
          type="button"
          className="facets-toggle"
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={() => setExpanded(!expanded)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 6h16M7 12h10M10 18h4" />
          </svg>
          <span>{t('facets.title')}</span>
          {active > 0 && <span className="facets-active-count">{formatCount(active, i18n.language)}</span>}
          <svg className="chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="m6 9 6 6 6-6" />
          </svg>
        </button>
        <span className="facets-heading">{t('facets.title')}</span>
      </h2>
      <div className="facet-groups" id={panelId} aria-busy={state.loading}>
        {groups.map((group) => (
          <FacetGroup key={group.name} group={group} query={query} onToggle={onToggle} />
        ))}
      </div>
    </aside>
  );
}

function FacetGroup({
  group,
  query,
  onToggle,
}: {
  group: FacetGroupSpec;
  query: string;
  onToggle: (field: FacetField, value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const titleId = useId();
  const { name, field, values } = group;
  const isActive = (value: string | null) => value !== null && hasFilter(query, field, value);
  // Active values always stay in the short list, so that they can be removed.
  const shown = showAll ? values : values.filter((facet, index) => index < SHORT_LIST || isActive(facet.value));
  const label = group.label ?? ((value: string) => value);

  return (
    <section className="facet-group" data-testid="facet-group" data-facet={name} aria-labelledby={titleId}>
      <h3 className="facet-group-title" id={titleId}>
        {t(`facets.groups.${name}` as 'facets.groups.tags')}
      </h3>
      <ul className="facet-values">
        {shown.map(({ value, count }) => {
          const countText = (
            <>
              <span className="facet-count" aria-hidden="true">
                {formatCount(count, i18n.language)}
              </span>
              <span className="visually-hidden">{t('facets.count', { count })}</span>
            </>
          );
          if (value === null) {
            return (
              <li key="">
                <span className="facet-value facet-value-unknown" data-testid="facet-value" data-value="">
                  <span className="facet-label">{t('facets.unknown')}</span>
                  {countText}
                </span>
              </li>
            );
          }
          const active = isActive(value);
          const filter = filterText(field, value);
          return (
            <li key={value}>
              <button
                type="button"
                className="facet-value"
                data-testid="facet-value"
                data-value={value}
                aria-pressed={active}
                title={active ? t('facets.remove', { filter }) : t('facets.add', { filter })}
                onClick={() => onToggle(field, value)}
              >
                <svg className="facet-check" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  <path d="m5 12.5 4.5 4.5L19 7.5" />
                </svg>
                <span className="facet-label">{label(value)}</span>
                {countText}
              </button>
            </li>
          );
        })}
      </ul>
      {values.length > SHORT_LIST && (
        <button type="button" className="facet-more" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? t('facets.fewer') : t('facets.more', { count: values.length - shown.length })}
        </button>
      )}
    </section>
  );
}
