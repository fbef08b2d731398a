import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contract, type MethodName } from '../../archive/api/contract.ts';
import type { Envelope } from '../../archive/api/envelope.ts';
import { answerArchiveCall, archiveChangeOf } from '../../main/ipc/archive-call.ts';

function recordingHost(answer: (method: MethodName, args: unknown) => Promise<Envelope<unknown>>) {
  const calls: { method: MethodName; args: unknown }[] = [];
  return {
    calls,
    call(method: MethodName, args: unknown) {
      calls.push({ method, args });
      return answer(method, args);
    },
  };
}

const okHost = () => recordingHost(async () => ({ ok: true, value: 'from the worker' }));

describe('answerArchiveCall', () => {
  it('refuses an untrusted sender with a forbidden envelope, without reaching the worker', async () => {
    const host = okHost();
    const answer = await answerArchiveCall(host, { trusted: false, method: 'getStats', args: {} });
    assert.equal(answer.ok, false);
    assert.equal(!answer.ok && answer.error.code, 'forbidden');
    assert.deepEqual(host.calls, []);
  });

  it('refuses an unknown method before the worker sees it', async () => {
    const host = okHost();
    for (const method of ['dropEverything', 'constructor', '__proto__', 42, null]) {
      const answer = await answerArchiveCall(host, { trusted: true, method, args: {} });
      assert.equal(!answer.ok && answer.error.code, 'unknown_method', String(method));
    }
    assert.deepEqual(host.calls, []);
  });

  it('refuses invalid arguments before the worker sees them', async () => {
    const host = okHost();
    const answer = await answerArchiveCall(host, {
      trusted: true,
      method: 'search',
      args: { query: 'x', limit: 'ten' },
    });
    assert.equal(!answer.ok && answer.error.code, 'invalid_argument');
    assert.match(!answer.ok ? answer.error.message : '', /limit/);
    const noId = await answerArchiveCall(host, { trusted: true, method: 'getArticle', args: { id: -1 } });
    assert.equal(!noId.ok && noId.error.code, 'invalid_argument');
    assert.deepEqual(host.calls, []);
  });

  it('forwards a valid call with its parsed arguments and returns the worker’s envelope', async () => {
    const host = okHost();
    const answer = await answerArchiveCall(host, { trusted: true, method: 'search', args: { query: 'solar' } });
    assert.deepEqual(answer, { ok: true, value: 'from the worker' });
    // The contract's defaults filled in, whatever they are.
    const parsed = contract.search.input.parse({ query: 'solar' });
    assert.equal(parsed.limit, 20);
    assert.deepEqual(host.calls, [{ method: 'search', args: parsed }]);
  });

  it('passes the worker’s error envelopes through unchanged', async () => {
    const notFound: Envelope<unknown> = { ok: false, error: { code: 'not_found', message: 'There is no article 9.' } };
    const host = recordingHost(async () => notFound);
    assert.deepEqual(await answerArchiveCall(host, { trusted: true, method: 'getArticle', args: { id: 9 } }), notFound);
  });

  it('turns a failing host into an internal error envelope rather than a rejection', async () => {
    const host = recordingHost(async () => {
      throw new Error('worker gone');
    });
    const answer = await answerArchiveCall(host, { trusted: true, method: 'getStats', args: {} });
    assert.deepEqual(answer, { ok: false, error: { code: 'internal', message: 'worker gone' } });
  });
});

describe('archiveChangeOf', () => {
  const report = (imported: number) => ({
    ok: true as const,
    value: { imported, duplicates: 1, skipped: 0, failed: 0, items: [] },
  });

  it('reports an import that stored new articles', () => {
    assert.deepEqual(archiveChangeOf('importPaths', report(3)), { reason: 'import', imported: 3 });
  });

  it('reports nothing for an import of duplicates only, a failed call, or any other method', () => {
    assert.equal(archiveChangeOf('importPaths', report(0)), null);
    assert.equal(archiveChangeOf('importPaths', { ok: false, error: { code: 'internal', message: 'x' } }), null);
    assert.equal(archiveChangeOf('importPaths', { ok: true, value: null }), null);
    assert.equal(archiveChangeOf('search', report(3)), null);
    assert.equal(archiveChangeOf('getStats', report(3)), null);
  });
});
