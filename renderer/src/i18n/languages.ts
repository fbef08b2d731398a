import { capitalize } from '../format.ts';

/** A locale file's language: its name, an ISO 639 code (`de.json`, `pt.json`); other names are not locales. */
const codeOf = (path: string) => /(?:^|\/)([a-z]{2,3})\.json$/.exec(path)?.[1];

/**
 * The UI languages: one per locale file, named by its file name (`./de.json` is German). Adding a
 * language is adding its file; nothing else lists them.
 */
export function languagesOf(paths: readonly string[]): string[] {
  const codes = paths.flatMap((path) => codeOf(path) ?? []);
  return [...new Set(codes)].sort();
}

/** Locale files by language, from what a bundler's glob gives (path → content). */
export function byLanguage<T>(files: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(
    Object.entries(files).flatMap(([path, content]) => {
      const code = codeOf(path);
      return code ? [[code, content] as const] : [];
    }),
  );
}

/** A language named in its own language, as language pickers do ("English", "Français", "العربية"). */
export function nativeName(code: string): string {
  try {
    return capitalize(new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code, code);
  } catch {
    return code;
  }
}

const baseOf = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The first of the user's preferred languages that has a translation, else English. The full tag
 * is kept (en-GB, fr-CA): i18next falls back to the base language's strings, and Intl formats
 * dates and numbers the regional way.
 */
export function pickLanguage(preferred: readonly string[], available: readonly string[]): string {
  return preferred.find((tag) => available.includes(baseOf(tag))) ?? 'en';
}

/**
 * The language chosen in the settings, else the browser's ("auto", or a choice whose file is gone).
 * A chosen language keeps the browser's region when it has one for that language (fr-CA stays fr-CA),
 * so dates still read the local way.
 */
export function uiLanguage(choice: string, preferred: readonly string[], available: readonly string[]): string {
  if (!available.includes(choice)) return pickLanguage(preferred, available);
  return preferred.find((tag) => baseOf(tag) === choice) ?? choice;
}

/**
 * The language of a system locale as Electron's `app.getLocale()` gives it (fr-FR, fr_CA, en-US…)
 * when there is a translation for it, else English.
 */
export function systemLanguage(locale: string, available: readonly string[]): string {
  const base = baseOf(locale);
  return available.includes(base) ? base : 'en';
}
