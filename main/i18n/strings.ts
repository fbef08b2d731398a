import type en from '../../renderer/src/i18n/en.json';
import { systemLanguage } from '../../renderer/src/i18n/languages.ts';

/**
 * The main process's own strings, the menu and the native dialogs: the "desktop" section of each of
 * the renderer's locale files, so that a language is still one file.
 */
export type UiStrings = (typeof en)['desktop'];

/** The desktop strings by language code; English is always there. */
export type Translations = Readonly<Record<string, UiStrings>> & { readonly en: UiStrings };

/** The strings for a locale as `app.getLocale()` returns it (fr-FR, fr_CA…); English when it has none. */
export function stringsFor(translations: Translations, locale: string): UiStrings {
  return translations[systemLanguage(locale, Object.keys(translations))] ?? translations.en;
}

/** Fills `{name}` placeholders; an unknown placeholder is left as written. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}
