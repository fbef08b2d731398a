import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRoute, routeHash } from '../../renderer/src/route.ts';

describe('the address of a view', () => {
  it('keeps the query and, unless it is relevance, the sort', () => {
    assert.equal(
      routeHash({ view: 'search', query: 'coopération lang:fr', sort: 'relevance' }),
      '#/search?q=coop%C3%A9ration+lang%3Afr',
    );
    assert.equal(routeHash({ view: 'search', query: 'niger', sort: 'newest' }), '#/search?q=niger&sort=newest');
  });

  it('reads back what it wrote', () => {
    for (const route of [
      { view: 'library' },
      { view: 'article', id: 12 },
      { view: 'search', query: 'source:"Le Sahel" -mali', sort: 'oldest' },
      { view: 'search', query: 'a&b=c', sort: 'relevance' },
    ] as const) {
      assert.deepEqual(parseRoute(routeHash(route)), route);
    }
  });

  it('reads an unknown sort as relevance and an empty query as the library', () => {
    assert.deepEqual(parseRoute('#/search?q=niger&sort=sideways'), {
      view: 'search',
      query: 'niger',
      sort: 'relevance',
    });
    assert.deepEqual(parseRoute('#/search?q=%20&sort=newest'), { view: 'library' });
  });
});
