import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bridgeFrom, clientFromBridge } from '../../../archive/api/bridge.ts';
import { METHOD_NAMES, type MethodName } from '../../../archive/api/contract.ts';
import { ApiError, type Envelope } from '../../../archive/api/envelope.ts';

describe('the bridge every transport carries', () => {
  it('has exactly the contract’s methods', () => {
    const bridge = bridgeFrom(async () => ({ ok: true, value: null }));
    assert.deepEqual(Object.keys(bridge).sort(), [...METHOD_NAMES].sort());
    assert.deepEqual(Object.keys(clientFromBridge(bridge)).sort(), [...METHOD_NAMES].sort());
  });

  it('sends the method name and arguments, and the client resolves with the value', async () => {
    const sent: { method: MethodName; args: unknown }[] = [];
    const client = clientFromBridge(
      bridgeFrom(async (method, args) => {
        sent.push({ method, args });
        return { ok: true, value: { total: 0, results: [], notice: null } };
      }),
    );
    assert.deepEqual(await client.search({ query: 'solar' }), { total: 0, results: [], notice: null });
    assert.deepEqual(sent, [{ method: 'search', args: { query: 'solar' } }]);
  });

  it('keeps an error’s kind: the bridge answers the envelope, the client rethrows it typed', async () => {
    const refused: Envelope<unknown> = { ok: false, error: { code: 'not_found', message: 'There is no article 9.' } };
    const bridge = bridgeFrom(async () => refused);
    assert.deepEqual(await bridge.getArticle({ id: 9 }), refused);
    await assert.rejects(clientFromBridge(bridge).getArticle({ id: 9 }), (error: unknown) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.code, 'not_found');
      assert.equal(error.message, 'There is no article 9.');
      return true;
    });
  });
});
