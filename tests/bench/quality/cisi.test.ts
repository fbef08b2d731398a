import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocuments, parseJudgements, parseQueries } from '../../../bench/quality/cisi.ts';

// The collection's own layout: CRLF line ends, markers with trailing spaces, repeated ".A",
// abstracts indented and wrapped, a blank line between paragraphs, ".X" cross-references.
const DOCUMENTS = [
  '.I 1',
  '.T',
  '18 Editions of the Dewey',
  'Decimal Classifications',
  '.A',
  'Comaromi, J.P.',
  '.W',
  '   The present study is a history of the DEWEY Decimal',
  'Classification.  The first edition was published',
  '  ',
  'A second paragraph.',
  '.X',
  '1\t5\t1',
  '92\t1\t1',
  '.I 2',
  '.T ',
  'Use Made of Technical Libraries',
  '.A ',
  'Slater, M.',
  '.A ',
  'Other, A.N.',
  '.W',
  'This report is an analysis of 6300 acts of use.',
  '.K ',
  'libraries, use',
  '.X',
  '2\t1\t2',
  '.I 3',
  '.T Title on the marker line',
  '.W',
  '',
].join('\r\n');

const QUERIES = [
  '.I 1',
  '.W',
  'What problems and concerns are there in making up descriptive titles?',
  'What difficulties are involved?',
  '.I 2',
  '.T',
  'Directions in Library Networking',
  '.A',
  'Avram, H.D.',
  '.W',
  '    Bibliographic control before and after MARC is reviewed.',
  '.B',
  '(JASIS, Vol. 31, No. 6, November 1980, pp. 438-444)',
  '',
].join('\r\n');

describe('CISI parsing', () => {
  it('reads documents: title and abstract, paragraphs split on blank lines, other fields ignored', () => {
    assert.deepEqual(parseDocuments(DOCUMENTS), [
      {
        id: 1,
        title: '18 Editions of the Dewey Decimal Classifications',
        paragraphs: [
          'The present study is a history of the DEWEY Decimal Classification. The first edition was published',
          'A second paragraph.',
        ],
      },
      {
        id: 2,
        title: 'Use Made of Technical Libraries',
        paragraphs: ['This report is an analysis of 6300 acts of use.'],
      },
      { id: 3, title: 'Title on the marker line', paragraphs: [] },
    ]);
  });

  it('reads queries from their ".W" text only', () => {
    assert.deepEqual(parseQueries(QUERIES), [
      {
        id: 1,
        text: 'What problems and concerns are there in making up descriptive titles? What difficulties are involved?',
      },
      { id: 2, text: 'Bibliographic control before and after MARC is reviewed.' },
    ]);
  });

  it('reads judgements into relevant sets by query, whatever the spacing', () => {
    const judgements = parseJudgements('1\t28\t0\t0.000000\r\n1 35 0 0.000000\r\n  3\t28\t0\t0.000000\r\n\r\n');
    assert.deepEqual(
      judgements,
      new Map([
        [1, new Set([28, 35])],
        [3, new Set([28])],
      ]),
    );
  });
});
