import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

/** The main process's own strings: the menu and the native dialogs. The renderer has its own. */
export type UiStrings = typeof en;
export type UiLanguage = 'en' | 'fr';

export const TRANSLATIONS: Readonly<Record<UiLanguage, UiStrings>> = { en, fr };

/** French for any French locale (fr, fr-FR, fr_CA, FR-be…), else English. */
export function uiLanguage(locale: string): UiLanguage {
  return /^fr(?:[-_]|$)/i.test(locale.trim()) ? 'fr' : 'en';
}

/** The strings for a locale as `app.getLocale()` returns it. */
export function uiStrings(locale: string): UiStrings {
  return TRANSLATIONS[uiLanguage(locale)];
}

/** Fills `{name}` placeholders; an unknown placeholder is left as written. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
