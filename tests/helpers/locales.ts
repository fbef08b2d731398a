import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Translations, UiStrings } from '../../main/i18n/strings.ts';
import { byLanguage } from '../../renderer/src/i18n/languages.ts';

const LOCALE_DIR = fileURLToPath(new URL('../../renderer/src/i18n/', import.meta.url));

/** Every JSON file of the locale folder, keyed as Vite's glob keys them in the bundles (`./fr.json`). */
export function localeFiles(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    readdirSync(LOCALE_DIR)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [
        `./${name}`,
        JSON.parse(readFileSync(join(LOCALE_DIR, name), 'utf8')) as Record<string, unknown>,
      ]),
  );
}

/**
 * The menu's and dialogs' strings as main's bundle has them (main/i18n/translations.ts, under Node),
 * typed with the two languages this checkout ships.
 */
export const TRANSLATIONS = byLanguage(
  Object.fromEntries(Object.entries(localeFiles()).map(([path, locale]) => [path, locale.desktop as UiStrings])),
) as Translations & { readonly fr: UiStrings };
