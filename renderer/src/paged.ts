import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { SearchNotice } from '../../archive/api/contract.ts';

export interface Page<T> {
  total: number;
  items: T[];
  notice: SearchNotice | null;
  /** Search only: the list goes on with articles that have only some of the words. */
  relaxed?: boolean;
  /** Search only: "Did you mean". */
  suggestion?: string | null;
}

export interface Paged<T> {
  page: Page<T> | null;
  /** The key whose answer `page` is; it lags behind the current key while that one loads. */
  shownKey: string | null;
  loading: boolean;
  error: unknown;
  loadMore: () => void;
}

/**
 * A list fetched page by page. A new key starts over; the previous page stays shown until the new
 * one arrives so that typing does not make the list flicker, and late answers to old keys are dropped.
 */
export function usePaged<T>(key: string | null, load: (offset: number) => Promise<Page<T>>): Paged<T> {
  const [shown, setShown] = useState<{ key: string | null; page: Page<T> | null }>({ key: null, page: null });
  const page = shown.page;
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  function fetchPage(offset: number): void {
    const current = ++generation.current;
    const forKey = key;
    setLoading(true);
    setError(null);
    load(offset).then(
      (next) => {
        if (current !== generation.current) return;
        setShown((previous) => ({
          key: forKey,
          page:
            offset > 0 && previous.page
              ? {
                  ...next,
                  items: [...previous.page.items, ...next.items],
                  relaxed: Boolean(previous.page.relaxed || next.relaxed),
                }
              : next,
        }));
        setLoading(false);
      },
      (reason: unknown) => {
        if (current !== generation.current) return;
        if (offset === 0) setShown({ key: forKey, page: null });
        setError(reason);
        setLoading(false);
      },
    );
  }

  const start = useEffectEvent(() => fetchPage(0));
  useEffect(() => {
    if (key !== null) start();
  }, [key]);

  return { page, shownKey: shown.key, loading, error, loadMore: () => fetchPage(page?.items.length ?? 0) };
}
