import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { getSettings, subscribeSettings } from '../settings.ts';
import type en from './en.json';
import { byLanguage, languagesOf, uiLanguage } from './languages.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

// Every locale file beside this one is a UI language; a test holds each to en.json's keys.
const translations = import.meta.glob<typeof en>('./*.json', { eager: true, import: 'default' });
const resources = Object.fromEntries(
  Object.entries(byLanguage(translations)).map(([code, translation]) => [code, { translation }]),
);

/** The languages the UI can be shown in, for the settings' picker. */
export const UI_LANGUAGES: readonly string[] = languagesOf(Object.keys(translations));

const current = () => uiLanguage(getSettings().language, navigator.languages, UI_LANGUAGES);

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

// With inline resources and initAsync off, init completes before this module returns.
void i18next.use(initReactI18next).init({
  resources,
  lng: current(),
  fallbackLng: 'en',
  initAsync: false,
  // React escapes text itself.
  interpolation: { escapeValue: false },
});

subscribeSettings(() => {
  const next = current();
  if (next !== i18next.language) void i18next.changeLanguage(next);
});
