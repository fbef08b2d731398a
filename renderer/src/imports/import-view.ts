import { useSyncExternalStore } from 'react';

/**
 * What the import panel shows: a running job (started by a drop, by main's File → Import…, or by
 * anything else that calls startImport) or a stored run's report (reopened from Settings). One at a
 * time; a newer one replaces it.
 */
export type ImportView =
  | { kind: 'job'; jobId: number }
  | { kind: 'report'; runId: number }
  | { kind: 'failed'; message: string }
  | { kind: 'no-paths' };

let current: ImportView | null = null;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function showImport(view: ImportView | null): void {
  current = view;
  listeners.forEach((listener) => listener());
}

export function useImportView(): ImportView | null {
  return useSyncExternalStore(subscribe, () => current);
}
