/**
 * The word forms a search matched, remembered per query so that the reader can mark them in the
 * article opened from the results. The core highlights matches in titles and snippets; the forms it
 * highlighted there are the forms to look for in the article (sessionStorage keeps them across a reload).
 */
const KEY = 'archive-reader.hit-forms';
const KEPT = 20;

function load(): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string[]>) : {};
  } catch {
    return {};
  }
}

export function rememberForms(query: string, forms: readonly string[]): void {
  if (forms.length === 0) return;
  const all = load();
  const merged = [...new Set([...(all[query] ?? []), ...forms])].slice(0, 200);
  const entries = [...Object.entries(all).filter(([key]) => key !== query), [query, merged] as const].slice(-KEPT);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Not remembered: the reader then shows no hits.
  }
}

export function formsFor(query: string): string[] {
  const forms = load()[query];
  return Array.isArray(forms) ? forms.filter((form) => typeof form === 'string') : [];
}
