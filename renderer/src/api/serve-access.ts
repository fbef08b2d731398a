import { useSyncExternalStore } from 'react';
import type { RefusalKind } from '../../../archive/serve/refusal.ts';
import { updateSettings } from '../settings.ts';

/**
 * How a page served over the LAN (`archive-reader serve --lan`) is opened and what it may do:
 * `?lite` in the address turns text-only reading on (`?lite=0` off) so that a phone can bookmark
 * it; `?token=…` (the write link `serve` prints) is kept by this browser and sent with each call as
 * "Authorization: Bearer …", then taken out of the address so it is not bookmarked or shared.
 */
export const TOKEN_STORAGE_KEY = 'archive-reader.write-token';

export interface LaunchParams {
  textOnly?: boolean;
  token?: string;
}

/** What the page's query string asks for; unrelated parameters are ignored. */
export function readLaunchParams(search: string): LaunchParams {
  const params = new URLSearchParams(search);
  const lite = params.get('lite');
  const token = params.get('token')?.trim();
  return {
    ...(lite !== null && { textOnly: !['0', 'false', 'off', 'no'].includes(lite.toLowerCase()) }),
    ...(token && { token }),
  };
}

/** The query string left once the token is taken out of it. */
export function withoutToken(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('token');
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export function storedToken(): string | null {
  return storage()?.getItem(TOKEN_STORAGE_KEY) ?? null;
}

export function forgetToken(): void {
  storage()?.removeItem(TOKEN_STORAGE_KEY);
  refused = false;
  emit();
}

/** Applies the address's parameters once, when the page loads. */
export function applyLaunchParams(): void {
  const params = readLaunchParams(location.search);
  if (params.textOnly !== undefined) updateSettings({ textOnly: params.textOnly });
  if (params.token) {
    storage()?.setItem(TOKEN_STORAGE_KEY, params.token);
    history.replaceState(history.state, '', `${location.pathname}${withoutToken(location.search)}${location.hash}`);
  }
}

// Whether the server has refused a change from this page: the UI then says the archive is read-only here.
let refused = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function dismissRefusal(): void {
  refused = false;
  emit();
}

export function isWriteRefused(): boolean {
  return refused;
}

export function useWriteRefused(): boolean {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, isWriteRefused);
}

/**
 * Notes a refused call: a change refused because this device may only read (or its token is wrong)
 * brings up the notice; a method for the server's own user, tried in passing, does not.
 */
export function noteRefusal(kind: RefusalKind): void {
  if (kind === 'local-only' || refused) return;
  refused = true;
  emit();
}
