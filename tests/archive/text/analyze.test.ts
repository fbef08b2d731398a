import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseField } from '../../../archive/text/analyze.ts';
import { fold } from '../../../archive/text/fold.ts';
import { analyzerFor } from '../../../archive/text/languages.ts';
import { tokenize } from '../../../archive/text/tokenize.ts';

const terms = (text: string, lang: string | null) => analyseField(text, lang).terms.split(' ');

describe('folding', () => {
  it('folds case, accents and ligatures', () => {
    assert.equal(fold('COOPÉRATION'), 'cooperation');
    assert.equal(fold('Cœur'), 'coeur');
    assert.equal(fold('Straße'), 'strasse');
    assert.equal(fold('Ça'), 'ca');
  });

  it('keeps the Russian й, which the Russian stemmer depends on', () => {
    assert.equal(fold('Военный'), 'военный');
  });
});

describe('tokenizing', () => {
  it('splits French elisions, with straight and typographic apostrophes', () => {
    assert.deepEqual(
      tokenize("l'armée d’Al-Qaïda qu'il jusqu’à").map((t) => t.word),
      ['armée', 'Al', 'Qaïda', 'il', 'à'],
    );
  });

  it('keeps the offsets of the original word', () => {
    const text = 'Vers l’armée';
    const [, armee] = tokenize(text);
    assert.equal(text.slice(armee!.start, armee!.end), 'armée');
  });

  it('keeps English contractions and possessives as one word', () => {
    assert.deepEqual(
      tokenize("Russia's partners don't").map((t) => t.word),
      ['Russia', 'partners', 'dont'],
    );
  });
});

describe('language analysis', () => {
  it('gives every French inflection of a word one term, with or without accents', () => {
    const fr = analyzerFor('fr');
    const forms = ['coopération', 'coopérations', 'cooperation', 'COOPERATION', 'Coopérations'];
    assert.deepEqual(new Set(forms.map((w) => fr.term(w))), new Set(['cooper']));
    assert.equal(fr.term('armée'), fr.term('armees'));
    assert.equal(fr.term('militaire'), fr.term('militaires'));
  });

  it('drops stop words, recognised with or without accents', () => {
    const fr = analyzerFor('fr');
    assert.equal(fr.term('les'), null);
    assert.equal(fr.term('été'), null);
    assert.equal(fr.term('ete'), null);
    assert.equal(analyzerFor('en').term('the'), null);
  });

  it('stems English', () => {
    const en = analyzerFor('en');
    assert.equal(en.term('cooperating'), en.term('cooperate'));
    assert.equal(en.term('Clinics'), en.term('clinic'));
  });

  it('folds but does not stem a language without a stemmer', () => {
    assert.deepEqual(terms('Élections Générales', 'sw'), ['elections', 'generales']);
    assert.deepEqual(terms('Élections Générales', null), ['elections', 'generales']);
  });

  it('records where each term stands in the original text', () => {
    const text = "L'armée nigérienne";
    const { terms: analysed, offsets } = analyseField(text, 'fr');
    assert.equal(analysed.split(' ').length, offsets.length / 2);
    assert.equal(text.slice(offsets[0], offsets[1]), 'armée');
    assert.equal(text.slice(offsets[2], offsets[3]), 'nigérienne');
  });
});
