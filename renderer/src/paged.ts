import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { SearchNotice } from '../../archive/api/contract.ts';

export interface Page<T> {
  total: number;
  items: T[];
  notice: SearchNotice | null;
}

export interface Paged<T> {
  page: Page<T> | null;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
}

/**
 * A list fetched page by page. A new key starts over; the previous page stays shown until the new
 * one arrives so that typing does not make the list flicker, and late answers to old keys are dropped.
 */
export function usePaged<T>(key: string | null, load: (offset: number) => Promise<Page<T>>): Paged<T> {
  const [page, setPage] = useState<Page<T> | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  function fetchPage(offset: number): void {
    const current = ++generation.current;
    setLoading(true);
    setError(null);
    load(offset).then(
      (next) => {
        if (current !== generation.current) return;
        setPage((previous) => (offset > 0 && previous ? { ...next, items: [...previous.items, ...next.items] } : next));
        setLoading(false);
      },
      (reason: unknown) => {
        if (current !== generation.current) return;
        if (offset === 0) setPage(null);
        setError(reason);
        setLoading(false);
      },
    );
  }

  const start = useEffectEvent(() => fetchPage(0));
  useEffect(() => {
    if (key !== null) start();
  }, [key]);

  return { page, loading, error, loadMore: () => fetchPage(page?.items.length ?? 0) };
}
