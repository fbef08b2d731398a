/** Searches the user finished (Enter, or opening a result), newest first, kept in localStorage. */
export const RECENT_KEY = 'archive-reader.recent-searches';
export const RECENT_LIMIT = 8;

/** The list with `query` moved (or added) to the front, without duplicates, at most RECENT_LIMIT long. */
export function withRecent(list: readonly string[], query: string): string[] {
  const clean = query.trim();
  if (!clean) return [...list];
  return [clean, ...list.filter((item) => item !== clean)].slice(0, RECENT_LIMIT);
}

export function readRecent(stored: string | null): string[] {
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : [];
    return Array.isArray(parsed)
      ? parsed.filter((item): item is string => typeof item === 'string' && item.trim() !== '').slice(0, RECENT_LIMIT)
      : [];
  } catch {
    return [];
  }
}

export function loadRecent(): string[] {
  try {
    return readRecent(localStorage.getItem(RECENT_KEY));
  } catch {
    return [];
  }
}

export function rememberSearch(query: string): string[] {
  const next = withRecent(loadRecent(), query);
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  } catch {
    // Not kept, then.
  }
  return next;
}

export function forgetSearch(query: string): string[] {
  const next = loadRecent().filter((item) => item !== query);
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  } catch {
    // Not kept, then.
  }
  return next;
}
