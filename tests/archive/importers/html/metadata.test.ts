import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseDate } from '../../../../archive/importers/html/metadata/dates.ts';
import { normaliseLang } from '../../../../archive/importers/html/metadata/lang.ts';
import { stripSiteName, trimTitleSuffix } from '../../../../archive/importers/html/metadata/title.ts';
import { cleanUrl } from '../../../../archive/importers/html/metadata/url.ts';

describe('page metadata', () => {
  it('normalises dates to ISO 8601, keeping the time zone the page gave', () => {
    assert.equal(normaliseDate('2015-05-04T13:36:31+02:00'), '2015-05-04T13:36:31+02:00');
    assert.equal(normaliseDate('2015-05-04 13:36'), '2015-05-04T13:36:00');
    assert.equal(normaliseDate('2015-05-04T11:36:31.123Z'), '2015-05-04T11:36:31Z');
    assert.equal(normaliseDate('20150504T1336+0200'), '2015-05-04T13:36:00+02:00');
    assert.equal(normaliseDate('2015-05-04'), '2015-05-04');
    assert.equal(normaliseDate('2015/5/4'), '2015-05-04');
    assert.equal(normaliseDate('May 4, 2015'), '2015-05-04');
    assert.equal(normaliseDate('Mon, 04 May 2015 11:36:31 GMT'), '2015-05-04T11:36:31Z');
    for (const bad of ['', 'yesterday', '2015-02-30', '4/5/2015', '0000-00-00']) assert.equal(normaliseDate(bad), null);
  });

  it('keeps an article address without tracking parameters or fragment, absolute and http(s) only', () => {
    assert.equal(
      cleanUrl(
        'https://a.example/p?id=3&utm_source=nl&utm_medium=mail&fbclid=x&gclid=y&mc_cid=1&mc_eid=2&igshid=z#top',
      ),
      'https://a.example/p?id=3',
    );
    assert.equal(cleanUrl('/news/1?ref_src=twsrc&xtor=RSS-1', 'https://a.example/x/y'), 'https://a.example/news/1');
    assert.equal(cleanUrl('https://a.example/search?q=a+b&page=2'), 'https://a.example/search?q=a+b&page=2');
    assert.equal(cleanUrl('javascript:alert(1)'), null);
    assert.equal(cleanUrl('/relative/only'), null);
  });

  it('normalises languages to ISO 639-1', () => {
    assert.equal(normaliseLang('fr-FR'), 'fr');
    assert.equal(normaliseLang('en_GB'), 'en');
    assert.equal(normaliseLang('AR'), 'ar');
    assert.equal(normaliseLang('de, en'), 'de');
    assert.equal(normaliseLang('français'), null);
    assert.equal(normaliseLang(''), null);
  });

  it('removes the site name from a title only where it is the site name', () => {
    const sites = ['Le Monde.fr', 'lemonde.fr', 'lemonde'];
    assert.equal(stripSiteName('Le projet de loi est adopté | Le Monde', sites), 'Le projet de loi est adopté');
    assert.equal(stripSiteName('Le Monde.fr - Le projet de loi est adopté', sites), 'Le projet de loi est adopté');
    assert.equal(stripSiteName('Paris - Dakar : le dernier rallye', sites), 'Paris - Dakar : le dernier rallye');
    assert.equal(
      stripSiteName('How we designed Dropbox’s ATF - an async task framework', ['Dropbox', 'dropbox.com']),
      'How we designed Dropbox’s ATF - an async task framework',
    );
  });

  it('trims an unknown suffix as Readability does, with the dashes it misses', () => {
    assert.equal(trimTitleSuffix('Lorem ipsum dolor sit amet – My website'), 'Lorem ipsum dolor sit amet');
    assert.equal(trimTitleSuffix('Short – Title'), 'Short – Title');
    assert.equal(trimTitleSuffix('No separator here'), null);
    assert.equal(trimTitleSuffix('Niger : la saison des pluies commence'), null);
  });
});
