import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  findHits,
  matchedForms,
  paragraphAt,
  paragraphPieces,
  paragraphSpans,
  trimRange,
} from '../../renderer/src/text-ranges.ts';

describe('paragraphs and offsets of an article’s text', () => {
  const text = 'First one.\n\n  Second, indented.\n\n\n\nThird after blanks.';

  it('splits on blank lines, keeping each paragraph’s exact offsets', () => {
    const spans = paragraphSpans(text);
    assert.deepEqual(
      spans.map((p) => p.text),
      ['First one.', 'Second, indented.', 'Third after blanks.'],
    );
    for (const p of spans) assert.equal(text.slice(p.start, p.end), p.text);
    assert.equal(paragraphAt(spans, 0), 0);
    assert.equal(paragraphAt(spans, spans[1]!.start + 3), 1);
    assert.equal(paragraphAt(spans, text.length + 10), 2);
  });

  it('cuts a paragraph at highlights and hits, the latest highlight on top', () => {
    const [paragraph] = paragraphSpans('abcdefghij');
    const pieces = paragraphPieces(
      paragraph!,
      [
        { id: 1, start: 2, end: 6, color: 'yellow', note: null },
        { id: 2, start: 4, end: 8, color: 'blue', note: 'n' },
      ],
      [{ start: 5, end: 7 }],
    );
    assert.deepEqual(
      pieces.map((p) => [p.text, p.highlight?.id ?? null, p.hit]),
      [
        ['ab', null, null],
        ['cd', 1, null],
        ['e', 2, null],
        ['f', 2, 0],
        ['g', 2, 0],
        ['h', 2, null],
        ['ij', null, null],
      ],
    );
    assert.equal(pieces.map((p) => p.text).join(''), 'abcdefghij');
  });

  it('finds the matched forms as whole words, ignoring case', () => {
    const forms = matchedForms([
      {
        title: 'Coopération militaire',
        titleHighlights: [[0, 11]],
        snippet: { text: '…les coopérations du fleuve…', highlights: [[5, 17]] },
      },
    ]);
    assert.deepEqual(forms, ['Coopération', 'coopérations']);
    const hits = findHits('La coopération, les COOPÉRATIONS et la coopérationnelle.', forms);
    assert.deepEqual(hits, [
      { start: 3, end: 14 },
      { start: 20, end: 32 },
    ]);
    assert.deepEqual(findHits('anything', []), []);
  });

  it('trims a selection to the text it covers', () => {
    assert.deepEqual(trimRange('one  two\n\nthree', 3, 10), { start: 5, end: 8 });
    assert.equal(trimRange('a   b', 1, 4), null);
    assert.deepEqual(trimRange('abc', 3, 0), { start: 0, end: 3 });
  });
});
