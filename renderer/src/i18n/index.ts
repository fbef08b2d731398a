import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
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

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

// With inline resources and initAsync off, init completes before this module returns.
void i18next.use(initReactI18next).init({
  resources,
  lng: pickLanguage(navigator.languages, Object.keys(resources)),
  fallbackLng: 'en',
  initAsync: false,
  // React escapes text itself.
  interpolation: { escapeValue: false },
});
