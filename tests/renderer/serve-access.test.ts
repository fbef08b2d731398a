import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dismissRefusal,
  isWriteRefused,
  noteRefusal,
  readLaunchParams,
  withoutToken,
} from '../../renderer/src/api/serve-access.ts';

describe('the address a shared archive is opened at', () => {
  it('turns text-only reading on with ?lite and off with ?lite=0', () => {
    assert.deepEqual(readLaunchParams('?lite'), { textOnly: true });
    assert.deepEqual(readLaunchParams('?lite=1'), { textOnly: true });
    assert.deepEqual(readLaunchParams('?lite=0'), { textOnly: false });
    assert.deepEqual(readLaunchParams('?lite=off'), { textOnly: false });
    assert.deepEqual(readLaunchParams(''), {});
    assert.deepEqual(readLaunchParams('?utm_source=x'), {});
  });

  it('carries the write token, which is then taken out of the address', () => {
    assert.deepEqual(readLaunchParams('?token=abc_DEF-1&lite'), { textOnly: true, token: 'abc_DEF-1' });
    assert.deepEqual(readLaunchParams('?token='), {});
    assert.equal(withoutToken('?token=abc&lite='), '?lite=');
    assert.equal(withoutToken('?token=abc'), '');
  });
});

describe('refusals the page hears of', () => {
  it('bring up the read-only notice for a refused change, not for a local-only method tried in passing', () => {
    noteRefusal('local-only');
    assert.equal(isWriteRefused(), false);
    noteRefusal('read-only');
    assert.equal(isWriteRefused(), true);
    dismissRefusal();
    assert.equal(isWriteRefused(), false);
    noteRefusal('token');
    assert.equal(isWriteRefused(), true);
  });
});
