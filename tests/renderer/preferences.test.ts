import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECENT_LIMIT, readRecent, withRecent } from '../../renderer/src/recent-searches.ts';
import { DEFAULT_SETTINGS, readSettings, resolvedTheme } from '../../renderer/src/settings.ts';
import { filtersOf, isFilterOnly, withoutFilterText } from '../../renderer/src/query-edit.ts';

describe('stored preferences', () => {
  it('reads settings, replacing anything missing, unknown or damaged by its default', () => {
    assert.deepEqual(readSettings(null), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings('{not json'), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings(JSON.stringify({ theme: 'sepia', fontSize: 22, language: 'French', font: 7 })), {
      ...DEFAULT_SETTINGS,
      theme: 'sepia',
      fontSize: 22,
    });
    // Any language code is kept: which ones have a locale file is the i18n module's to say (it falls back to automatic).
    assert.equal(readSettings(JSON.stringify({ language: 'de' })).language, 'de');
  });

  it('follows the system for the "system" theme only', () => {
    assert.equal(resolvedTheme('system', true), 'dark');
    assert.equal(resolvedTheme('system', false), 'light');
    assert.equal(resolvedTheme('sepia', true), 'sepia');
  });

  it('keeps recent searches newest first, once each, and only so many', () => {
    assert.deepEqual(withRecent(['a', 'b'], 'b'), ['b', 'a']);
    assert.deepEqual(withRecent(['a'], '  '), ['a']);
    const many = Array.from({ length: 20 }, (_, i) => `q${i}`);
    assert.equal(withRecent(many, 'new').length, RECENT_LIMIT);
    assert.deepEqual(readRecent('["x", 3, "", "y"]'), ['x', 'y']);
    assert.deepEqual(readRecent('oops'), []);
  });
});

describe('the library’s filters as query text', () => {
  it('lists the filters, removes one as written, and tells a filter-only query', () => {
    const query = 'lang:fr tag:"food security" -is:read';
    assert.deepEqual(
      filtersOf(query).map((f) => f.text),
      ['lang:fr', 'tag:"food security"', '-is:read'],
    );
    assert.equal(withoutFilterText(query, 'tag:"food security"'), 'lang:fr -is:read');
    assert.equal(isFilterOnly(query), true);
    assert.equal(isFilterOnly('niger lang:fr'), false);
    assert.equal(isFilterOnly('title:niger'), false);
    assert.equal(isFilterOnly('foo:bar'), false);
    assert.equal(isFilterOnly(''), false);
  });
});
