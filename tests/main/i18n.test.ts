import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TRANSLATIONS, fillPlaceholders, uiLanguage, uiStrings } from '../../main/i18n/strings.ts';

const readJson = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../main/i18n/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('main process strings', () => {
  const en = readJson('en.json');
  const fr = readJson('fr.json');

  it('has the same keys in English and French', () => {
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    assert.ok(Object.keys(en).length > 20);
  });

  it('has a non-empty string for every key, with the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      const [english, french] = [en[key], fr[key]];
      assert.equal(typeof english, 'string', key);
      assert.equal(typeof french, 'string', key);
      assert.notEqual((english as string).trim(), '', key);
      assert.notEqual((french as string).trim(), '', key);
      assert.deepEqual(placeholders(french as string), placeholders(english as string), key);
    }
  });

  it('is really translated: the menu titles differ between the languages', () => {
    for (const key of ['file', 'edit', 'view', 'help', 'quit', 'importFiles', 'importFolder'] as const) {
      assert.notEqual(TRANSLATIONS.fr[key], TRANSLATIONS.en[key], key);
    }
  });
});

describe('uiLanguage', () => {
  it('picks French for any French locale and English for everything else', () => {
    for (const locale of ['fr', 'fr-FR', 'fr-CA', 'fr_BE', 'FR-ch', ' fr '])
      assert.equal(uiLanguage(locale), 'fr', locale);
    for (const locale of ['en', 'en-US', 'ar', 'ar-MA', 'de-DE', 'fy', 'fra', 'fur', '', 'x-fr']) {
      assert.equal(uiLanguage(locale), 'en', locale);
    }
  });

  it('returns the strings of that language', () => {
    assert.equal(uiStrings('fr-FR').file, 'Fichier');
    assert.equal(uiStrings('en-GB').file, 'File');
    assert.equal(uiStrings('ja').file, 'File');
  });
});

describe('fillPlaceholders', () => {
  it('fills known placeholders and leaves unknown ones as written', () => {
    assert.equal(fillPlaceholders('{a} and {b}, {a}', { a: 1, b: 'two' }), '1 and two, 1');
    assert.equal(fillPlaceholders('{missing} {toString}', {}), '{missing} {toString}');
  });
});
