import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { getSettings, subscribeSettings, type UiLanguage } from '../settings.ts';
import type en from './en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

// Every JSON file beside this one is a UI language, named by its file name.
const translations = import.meta.glob<typeof en>('./*.json', { eager: true, import: 'default' });
const resources = Object.fromEntries(
  Object.entries(translations).map(([path, translation]) => [path.slice(2, -'.json'.length), { translation }]),
);

/**
 * The first of the user's preferred languages that has a translation, else English. The full tag
 * is kept (en-GB, fr-CA): i18next falls back to the base language's strings, and Intl formats
 * dates and numbers the regional way.
 */
export function pickLanguage(preferred: readonly string[], available: readonly string[]): string {
  return preferred.find((tag) => available.includes(tag.toLowerCase().split('-')[0] ?? '')) ?? 'en';
}

/**
 * The language chosen in the settings, else the browser's. A chosen language keeps the browser's
 * region when it has one for that language (fr-CA stays fr-CA), so dates still read the local way.
 */
export function uiLanguage(choice: UiLanguage, preferred: readonly string[]): string {
  if (choice === 'auto') return pickLanguage(preferred, Object.keys(resources));
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === choice) ?? choice;
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

// With inline resources and initAsync off, init completes before this module returns.
void i18next.use(initReactI18next).init({
  resources,
  lng: uiLanguage(getSettings().language, navigator.languages),
  fallbackLng: 'en',
  initAsync: false,
  // React escapes text itself.
  interpolation: { escapeValue: false },
});

subscribeSettings(() => {
  const next = uiLanguage(getSettings().language, navigator.languages);
  if (next !== i18next.language) void i18next.changeLanguage(next);
});
