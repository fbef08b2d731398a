import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { METHOD_NAMES } from '../../../archive/api/contract.ts';
import { dispatch } from '../../../archive/api/dispatch.ts';
import { createHandlers } from '../../../archive/service/handlers.ts';
import { createTestArchive } from '../../helpers/archive.ts';
import { fixture } from '../../helpers/temp.ts';

describe('the contract, dispatched', async () => {
  const archive = await createTestArchive();
  const handlers = createHandlers(archive.db);

  it('has a handler for every method', () => {
    assert.deepEqual(Object.keys(handlers).sort(), [...METHOD_NAMES].sort());
  });

  it('validates arguments and applies defaults', async () => {
    await dispatch(handlers, 'importPaths', { paths: [fixture('solar-cooperation.txt')] });
    const ok = await dispatch(handlers, 'search', { query: 'solar' });
    assert.ok(ok.ok && (ok.value as { results: unknown[] }).results.length === 1);
    const bad = await dispatch(handlers, 'search', { query: 'solar', limit: 'ten' });
    assert.deepEqual(bad.ok, false);
    assert.equal(!bad.ok && bad.error.code, 'invalid_argument');
    assert.match(!bad.ok ? bad.error.message : '', /limit/);
  });

  it('keeps the kind of an error across the envelope', async () => {
    const missing = await dispatch(handlers, 'getArticle', { id: 999 });
    assert.deepEqual(missing, {
      ok: false,
      error: { code: 'not_found', message: 'There is no article 999 in this archive.' },
    });
    const unknown = await dispatch(handlers, 'dropEverything', {});
    assert.equal(!unknown.ok && unknown.error.code, 'unknown_method');
    const prototype = await dispatch(handlers, '__proto__', {});
    assert.equal(!prototype.ok && prototype.error.code, 'unknown_method');
  });
});
