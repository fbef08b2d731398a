/// <reference types="vite/types/importMeta.d.ts" />
import { byLanguage } from '../../renderer/src/i18n/languages.ts';
import { stringsFor, type Translations, type UiStrings } from './strings.ts';

// Bundled by electron-vite: every locale file of the renderer, its "desktop" section only.
const files = import.meta.glob<UiStrings>('../../renderer/src/i18n/*.json', { eager: true, import: 'desktop' });

export const TRANSLATIONS = byLanguage(files) as Translations;

/** The menu's and dialogs' strings for the system's locale. */
export function uiStrings(locale: string): UiStrings {
  return stringsFor(TRANSLATIONS, locale);
}
