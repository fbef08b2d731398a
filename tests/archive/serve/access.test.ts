import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withoutLocalPaths } from '../../../archive/serve/access.ts';

describe('answers to another device', () => {
  it('name the files articles came from without the folders, which name the server’s user', () => {
    const answer = {
      ok: true as const,
      value: {
        total: 2,
        results: [
          { id: 1, title: 'A', sourcePath: '/home/ana/saved/niger.html' },
          { id: 2, title: 'B', sourcePath: 'C:\\Users\\ana\\crawl.warc.gz#record 12', copies: [{ sourcePath: null }] },
        ],
      },
    };
    assert.deepEqual(withoutLocalPaths('search', answer), {
      ok: true,
      value: {
        total: 2,
        results: [
          { id: 1, title: 'A', sourcePath: 'niger.html' },
          { id: 2, title: 'B', sourcePath: 'crawl.warc.gz#record 12', copies: [{ sourcePath: null }] },
        ],
      },
    });
  });

  it('leave the archive’s location out of its statistics, and errors as they are', () => {
    const stats = withoutLocalPaths('getStats', { ok: true, value: { articles: 3, location: '/home/ana/a.sqlite' } });
    assert.deepEqual(stats, { ok: true, value: { articles: 3, location: null } });
    const error = { ok: false as const, error: { code: 'not_found', message: 'There is no article 9.' } };
    assert.equal(withoutLocalPaths('getArticle', error as never), error);
  });
});
