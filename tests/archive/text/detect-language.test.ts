import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { languageDetector } from '../../../archive/text/detect-language.ts';
import { fixture } from '../../helpers/temp.ts';

describe('language detection', () => {
  it('tells French, English and Arabic articles apart', async () => {
    const detect = await languageDetector();
    assert.equal(detect(readFileSync(fixture('bamako-festival.txt'), 'utf8')), 'fr');
    assert.equal(detect(readFileSync(fixture('solar-cooperation.txt'), 'utf8')), 'en');
    assert.equal(detect(readFileSync(fixture('arabic-cooperation.txt'), 'utf8')), 'ar');
  });

  it('says nothing rather than guess on text without words', async () => {
    const detect = await languageDetector();
    assert.equal(detect('12 345 — 2024'), null);
  });
});
