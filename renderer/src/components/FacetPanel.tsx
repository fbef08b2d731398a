import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Facet } from '../../../archive/api/contract.ts';
import { capitalize, formatNumber, languageName } from '../format.ts';
import { filterText, hasFilter, type FacetField } from '../query-edit.ts';
import type { Facets, FacetsState } from '../use-facets.ts';

// The groups in the order shown, each with the filter its values add to the query.
const GROUPS: readonly { name: keyof Facets; field: FacetField }[] = [
  { name: 'languages', field: 'lang' },
  { name: 'years', field: 'year' },
  { name: 'sources', field: 'source' },
  { name: 'tags', field: 'tag' },
];

// Values shown before "Show more".
const SHORT_LIST = 6;

interface FacetPanelProps {
  /** The query the facet values are toggled in ('' in the library). */
  query: string;
  state: FacetsState;
  onToggle: (field: FacetField, value: string) => void;
}

/**
 * Counts of the current results by language, year, source and tag. A value adds its filter to the
 * query; a value the query already filters on is active and removes it. A sidebar on wide screens,
 * a disclosure above the results on narrow ones.
 */
export function FacetPanel({ query, state, onToggle }: FacetPanelProps) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  const { facets } = state;
  // A group is worth showing when it offers a choice: one "Unknown" alone refines nothing.
  const groups = facets ? GROUPS.filter(({ name }) => facets[name].some((facet) => facet.value !== null)) : [];
  if (groups.length === 0 || !facets) return null;
  const active = GROUPS.reduce(
    (count, { name, field }) =>
      count + facets[name].filter((facet) => facet.value !== null && hasFilter(query, field, facet.value)).length,
    0,
  );

  return (
    <aside
      className="facets"
      data-testid="facets"
      // The query these counts are for, which lags behind the results' while new counts load.
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
          {active > 0 && <span className="facets-active-count">{formatNumber(active, i18n.language)}</span>}
          <svg className="chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="m6 9 6 6 6-6" />
          </svg>
        </button>
        <span className="facets-heading">{t('facets.title')}</span>
      </h2>
      <div className="facet-groups" id={panelId} aria-busy={state.loading}>
        {groups.map(({ name, field }) => (
          <FacetGroup key={name} name={name} field={field} values={facets[name]} query={query} onToggle={onToggle} />
        ))}
      </div>
    </aside>
  );
}

interface FacetGroupProps {
  name: keyof Facets;
  field: FacetField;
  values: Facet[];
  query: string;
  onToggle: (field: FacetField, value: string) => void;
}

function FacetGroup({ name, field, values, query, onToggle }: FacetGroupProps) {
  const { t, i18n } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const titleId = useId();
  const isActive = (value: string | null) => value !== null && hasFilter(query, field, value);
  // Active values always stay in the short list, so that they can be removed.
  const shown = showAll ? values : values.filter((facet, index) => index < SHORT_LIST || isActive(facet.value));
  const label = (value: string) =>
    field === 'lang' ? capitalize(languageName(value, i18n.language), i18n.language) : value;

  return (
    <section className="facet-group" data-testid="facet-group" data-facet={name} aria-labelledby={titleId}>
      <h3 className="facet-group-title" id={titleId}>
        {t(`facets.groups.${name}`)}
      </h3>
      <ul className="facet-values">
        {shown.map(({ value, count }) => {
          const countText = (
            <>
              <span className="facet-count" aria-hidden="true">
                {formatNumber(count, i18n.language)}
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
