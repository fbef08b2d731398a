import { useEffect, useState } from 'react';
import type { Output } from '../../archive/api/contract.ts';
import { archive } from './api/archive.ts';
import { useVersion } from './app-state.ts';

export type Facets = Output<'searchFacets'>;

export interface FacetsState {
  facets: Facets | null;
  /** The query `facets` counts; it lags behind while the next one loads. */
  query: string | null;
  loading: boolean;
}

/**
 * The facets of a query, asked for once its results are shown (null: not yet). The previous facets
 * stay shown until the new ones arrive, and answers for a query no longer wanted are dropped.
 * Facets are a refinement: when they cannot be had, the panel keeps what it had rather than an error.
 */
export function useFacets(query: string | null): FacetsState {
  const [shown, setShown] = useState<{ facets: Facets | null; query: string | null }>({ facets: null, query: null });
  const [loading, setLoading] = useState(false);
  // Tags and imports change the counts of the same query.
  const tags = useVersion('tags');
  const articles = useVersion('articles');

  useEffect(() => {
    if (query === null) return;
    let current = true;
    setLoading(true);
    archive.searchFacets({ query }).then(
      (facets) => {
        if (!current) return;
        setShown({ facets, query });
        setLoading(false);
      },
      () => current && setLoading(false),
    );
    return () => {
      current = false;
      setLoading(false);
    };
  }, [query, tags, articles]);

  return { ...shown, loading };
}
