import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  byLanguage,
  languagesOf,
  nativeName,
  pickLanguage,
  systemLanguage,
  uiLanguage,
} from '../../renderer/src/i18n/languages.ts';
import { localeFiles } from '../helpers/locales.ts';

type Tree = { [key: string]: string | Tree };

/** Every string of a locale by its dotted key ("settings.title", "desktop.file"). */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') keys.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) keys.set(inner, text);
  }
  return keys;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A key as translators see it: a plural's forms (`count_one`, `count_other`…) count as one key. */
const keyOf = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{?\s*(\w+)/g)].map((match) => match[1]).sort();

describe('locale files', () => {
  const files = localeFiles();
  const locales = byLanguage(files) as Record<string, Tree>;
  const english = flatten(locales.en as Tree);

  it('are named by language code, and English and French are among them', () => {
    assert.deepEqual(
      Object.keys(files).sort(),
      languagesOf(Object.keys(files)).map((code) => `./${code}.json`),
    );
    assert.ok(languagesOf(Object.keys(files)).includes('fr'));
    assert.ok(english.size > 300, 'the UI and the desktop menus are both in the file');
    assert.ok(english.has('desktop.importFiles'));
  });

  for (const [code, locale] of Object.entries(locales)) {
    it(`${code}.json has exactly en.json's keys, each a non-empty string with the same placeholders`, () => {
      const strings = flatten(locale);
      const keys = (map: Map<string, string>) => [...new Set([...map.keys()].map(keyOf))].sort();
      assert.deepEqual(keys(strings), keys(english));
      // Each language has its own plural forms (Arabic six, Japanese one); "other" is the one every language has.
      const forms = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      for (const [key, text] of strings) {
        assert.notEqual(text.trim(), '', key);
        const form = PLURAL.exec(key)?.[1];
        if (form && !english.has(key))
          assert.ok(forms.includes(form as Intl.LDMLPluralRule), `${key}: ${code} has no "${form}"`);
        if (form) assert.ok(strings.has(`${keyOf(key)}_other`), `${key} without its "other" form`);
        const model = english.get(key) ?? english.get(`${keyOf(key)}_other`) ?? '';
        assert.deepEqual(placeholders(text), placeholders(model), key);
      }
    });
  }
});

describe('discovering the UI languages', () => {
  it('takes a language per locale file: adding one is adding its file', () => {
    const glob = { './en.json': 'en', './fr.json': 'fr' };
    assert.deepEqual(languagesOf(Object.keys(glob)), ['en', 'fr']);
    const withGerman = { ...glob, './de.json': 'de' };
    assert.deepEqual(languagesOf(Object.keys(withGerman)), ['de', 'en', 'fr']);
    assert.deepEqual(byLanguage(withGerman), { en: 'en', fr: 'fr', de: 'de' });
    // Main globs the same files from its own folder.
    assert.deepEqual(languagesOf(['../../renderer/src/i18n/ar.json', '../../renderer/src/i18n/en.json']), ['ar', 'en']);
    // A German browser, on automatic, now gets German, and the picker names it in German.
    assert.equal(uiLanguage('auto', ['de-AT', 'en'], languagesOf(Object.keys(withGerman))), 'de-AT');
    assert.equal(uiLanguage('auto', ['de-AT', 'en'], languagesOf(Object.keys(glob))), 'en');
    assert.equal(systemLanguage('de_DE', languagesOf(Object.keys(withGerman))), 'de');
    assert.equal(nativeName('de'), 'Deutsch');
  });

  it('ignores files that are not named by a language code', () => {
    assert.deepEqual(languagesOf(['./en.json', './index.ts', './notes.json', './EN.json', './fr.json.bak']), ['en']);
  });

  it('names each language in its own language, as a label', () => {
    assert.equal(nativeName('en'), 'English');
    assert.equal(nativeName('fr'), 'Français');
    assert.equal(nativeName('ar'), 'العربية');
  });
});

describe('choosing the UI language', () => {
  const available = ['en', 'fr'];

  it('on automatic, follows the first preferred language that has a translation, keeping its region', () => {
    assert.equal(uiLanguage('auto', ['fr-CA', 'en-US'], available), 'fr-CA');
    assert.equal(uiLanguage('auto', ['de-DE', 'fr-FR'], available), 'fr-FR');
    assert.equal(uiLanguage('auto', ['ja', 'de'], available), 'en');
    assert.equal(pickLanguage([], available), 'en');
  });

  it('keeps a chosen language, with the browser’s region for it', () => {
    assert.equal(uiLanguage('en', ['fr-FR', 'en-GB'], available), 'en-GB');
    assert.equal(uiLanguage('fr', ['en-US'], available), 'fr');
  });

  it('treats a chosen language whose file is gone as automatic', () => {
    assert.equal(uiLanguage('de', ['fr-BE'], available), 'fr-BE');
  });

  it('picks the system locale’s language for the desktop menus, else English', () => {
    for (const locale of ['fr', 'fr-FR', 'fr-CA', 'fr_BE', 'FR-ch', ' fr '])
      assert.equal(systemLanguage(locale, available), 'fr', locale);
    for (const locale of ['en', 'en-US', 'ar', 'ar-MA', 'de-DE', 'fy', 'fra', 'fur', '', 'x-fr'])
      assert.equal(systemLanguage(locale, available), 'en', locale);
  });
});
