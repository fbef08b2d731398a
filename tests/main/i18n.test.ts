import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillPlaceholders, stringsFor } from '../../main/i18n/strings.ts';
import { TRANSLATIONS } from '../helpers/locales.ts';

// Key parity and placeholders of the "desktop" section are checked with the rest of each locale file
// (tests/renderer/i18n.test.ts).
describe('main process strings', () => {
  it('come from the "desktop" section of every locale file', () => {
    assert.deepEqual(Object.keys(TRANSLATIONS).sort(), ['en', 'fr']);
    assert.ok(Object.keys(TRANSLATIONS.en).length > 20);
  });

  it('is really translated: the menu titles differ between the languages', () => {
    for (const key of ['file', 'edit', 'view', 'help', 'quit', 'importFiles', 'importFolder'] as const) {
      assert.notEqual(TRANSLATIONS.fr[key], TRANSLATIONS.en[key], key);
    }
  });

  it('follows the system locale, French for any French locale and English when there is no translation', () => {
    assert.equal(stringsFor(TRANSLATIONS, 'fr-FR').file, 'Fichier');
    assert.equal(stringsFor(TRANSLATIONS, 'fr_CA').file, 'Fichier');
    assert.equal(stringsFor(TRANSLATIONS, 'en-GB').file, 'File');
    assert.equal(stringsFor(TRANSLATIONS, 'ja').file, 'File');
    assert.equal(stringsFor(TRANSLATIONS, 'fra').file, 'File');
  });

  it('takes a new language from its file alone', () => {
    const german = { ...TRANSLATIONS.en, file: 'Datei' };
    assert.equal(stringsFor({ ...TRANSLATIONS, de: german }, 'de-DE').file, 'Datei');
  });
});

describe('fillPlaceholders', () => {
  it('fills known placeholders and leaves unknown ones as written', () => {
    assert.equal(fillPlaceholders('{a} and {b}, {a}', { a: 1, b: 'two' }), '1 and two, 1');
    assert.equal(fillPlaceholders('{missing} {toString}', {}), '{missing} {toString}');
  });
});
