import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { estimatePublishedDate, readTextDates } from '../../../archive/text/dates.ts';
import { SHARED, fixture } from '../../helpers/temp.ts';

describe('estimated publication dates', () => {
  const zone = process.env.TZ;
  after(() => {
    process.env.TZ = zone;
  });

  it('takes the latest full date written in the text', () => {
    const text = 'Le 10 avril 2024, un avion est arrivé, après un appel le 26 mars 2024 et un accord en décembre 2023.';
    assert.equal(estimatePublishedDate(text, 'fr', new Date('2025-01-01')), '2024-04-10');
    assert.equal(estimatePublishedDate(readFileSync(fixture('bamako-festival.txt'), 'utf8'), 'fr'), '2024-01-12');
  });

  it('ignores dates after the import and partial dates', () => {
    const text = 'On 3 May 2031 the dam opens. It was approved on 1 June 2020, after talks in March 2021.';
    assert.equal(estimatePublishedDate(text, 'en', new Date('2025-01-01T00:00:00Z')), '2020-06-01');
    assert.equal(estimatePublishedDate('Talks resumed in March 2021.', 'en'), null);
    assert.equal(estimatePublishedDate('The talks are happening now, and today again.', 'en'), null);
  });

  it('gives the same date in every time zone', () => {
    const text = 'The vote took place on 31 December 2023.';
    for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Adak']) {
      process.env.TZ = tz;
      assert.equal(estimatePublishedDate(text, 'en', new Date('2024-06-01T00:00:00Z')), '2023-12-31', tz);
    }
  });

  it('lists every day and month written with its year, once each, in the order of first mention', () => {
    const text =
      'Le 10 avril 2024, un avion est arrivé, après un appel le 26 mars 2024, la fin de l’accord en mars 2024 ' +
      'et une visite en décembre 2023. Le 10 avril 2024 encore. Réunion jeudi, puis le 12 mai.';
    assert.deepEqual(readTextDates(text, 'fr', new Date('2025-01-01')), {
      mentioned: [
        { date: '2024-04-10', precision: 'day', phrase: '10 avril 2024' },
        { date: '2024-03-26', precision: 'day', phrase: '26 mars 2024' },
        { date: '2024-03', precision: 'month', phrase: 'mars 2024' },
        { date: '2023-12', precision: 'month', phrase: 'décembre 2023' },
      ],
      estimatedPublished: '2024-04-10',
    });
    const english = readTextDates(
      'Talks began in March 2021; the deal came on 3 May 2031.',
      'en',
      new Date('2025-01-01'),
    );
    assert.deepEqual(
      english.mentioned.map(({ date, precision }) => [date, precision]),
      [
        ['2021-03', 'month'],
        ['2031-05-03', 'day'],
      ],
    );
    assert.equal(english.estimatedPublished, null, 'a date after the import dates no publication');
  });

  const seed = join(SHARED, 'seed', '000_2283bb8bfe7f1538.txt');
  it('dates the seed article from its text', { skip: !existsSync(seed) && 'needs ../shared/seed' }, () => {
    assert.equal(estimatePublishedDate(readFileSync(seed, 'utf8'), 'fr'), '2024-04-10');
  });
});
