import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { describe, it } from 'node:test';
import type { Envelope } from '../../archive/api/envelope.ts';
import { cleanStartup } from '../../archive/safety/startup-check.ts';
import { lanAddresses } from '../../archive/serve/lan.ts';
import { startServer } from '../../archive/serve/server.ts';
import type { ArchiveHost } from '../../archive/service/host.ts';
import { LanSharing, NOT_SHARING, type LanSharingOptions } from '../../main/sharing/lan-sharing.ts';
import { tempDir } from '../helpers/temp.ts';

const host: ArchiveHost = {
  startup: cleanStartup(false),
  call: () => Promise.resolve({ ok: true, value: null } satisfies Envelope<unknown>),
  close: () => Promise.resolve(),
};

const private_ = lanAddresses(networkInterfaces());

function sharing(options: Partial<LanSharingOptions> = {}) {
  return new LanSharing({
    host,
    uiDir: tempDir(),
    interfaces: networkInterfaces,
    startServer,
    makeToken: () => 'fresh-token',
    port: 0,
    ...options,
  });
}

function post(url: string, method: string, headers: Record<string, string> = {}) {
  const target = new URL(url);
  return new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { host: target.host, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('sharing on the local network from the desktop app', () => {
  it('says so, and starts nothing, when the computer has no private address', async () => {
    const entry = (address: string) => ({ address, internal: false, family: isIP(address) === 6 ? 'IPv6' : 'IPv4' });
    const lone = sharing({
      interfaces: () => ({ eth0: [entry('203.0.113.9'), entry('2001:db8::1')] as NetworkInterfaceInfo[] }),
    });
    const state = await lone.start(false);
    assert.equal(state.running, false);
    assert.equal(state.problem, 'no_private_address');
    assert.equal(state.detail, '203.0.113.9, 2001:db8::1');
    assert.deepEqual(lone.state(), state);
  });

  it('reports a server that cannot start', async () => {
    const failing = sharing({ startServer: () => Promise.reject(new Error('permission denied')) });
    const state = await failing.start(false);
    if (private_.length === 0) return assert.equal(state.problem, 'no_private_address');
    assert.deepEqual(state, { ...NOT_SHARING, problem: 'failed', detail: 'permission denied' });
  });

  it(
    'starts read-only on the private addresses with a QR code, restarts with writes and a new token, and stops',
    { skip: private_.length === 0 && 'this machine has no private network address' },
    async () => {
      let tokens = 0;
      const lan = sharing({ makeToken: () => `token-${++tokens}` });
      const readOnly = await lan.start(false);
      try {
        assert.equal(readOnly.running, true);
        assert.equal(readOnly.writes, false);
        assert.equal(readOnly.writeLink, null);
        assert.equal(readOnly.urls.length, private_.length);
        assert.ok(
          readOnly.urls.every((url) => !/127\.0\.0\.1|\[::1\]/.test(url)),
          'never loopback',
        );
        const svg = Buffer.from(readOnly.qrCode!.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString();
        assert.match(svg, /^<svg /);
        const url = readOnly.urls[0]!;
        assert.equal(await post(url, 'search'), 200);
        assert.equal(await post(url, 'setBookmarked'), 403);

        const writable = await lan.start(true);
        assert.equal(writable.writes, true);
        assert.equal(writable.writeLink, `${writable.urls[0]}?token=token-1`);
        // Port 0 picks a new port at each start: the read-only server's address no longer answers.
        if (url !== writable.urls[0]) await assert.rejects(post(url, 'search'), 'the read-only server was closed');
        assert.equal(await post(writable.urls[0]!, 'setBookmarked'), 403);
        assert.equal(await post(writable.urls[0]!, 'setBookmarked', { authorization: 'Bearer token-1' }), 200);
        assert.equal(await post(writable.urls[0]!, 'importPaths', { authorization: 'Bearer token-1' }), 403);

        const again = await lan.start(true);
        assert.equal(again.writeLink, `${again.urls[0]}?token=token-2`, 'a new token each time sharing starts');
        assert.equal(await post(again.urls[0]!, 'setBookmarked', { authorization: 'Bearer token-1' }), 403);
      } finally {
        const stopped = await lan.stop();
        assert.deepEqual(stopped, NOT_SHARING);
      }
      await assert.rejects(post(readOnly.urls[0]!, 'search'), 'the server is gone once stopped');
    },
  );

  it(
    'takes another port when its own is in use',
    { skip: private_.length === 0 && 'this machine has no private network address' },
    async () => {
      const squatter = createServer();
      const address = private_[0]!;
      await new Promise<void>((resolve) => squatter.listen(0, address, resolve));
      const taken = (squatter.address() as { port: number }).port;
      const lan = sharing({ port: taken, interfaces: () => networkInterfaces() });
      try {
        const state = await lan.start(false);
        assert.equal(state.running, true);
        assert.notEqual(new URL(state.urls[0]!).port, String(taken));
      } finally {
        await lan.stop();
        await new Promise((resolve) => squatter.close(resolve));
      }
    },
  );

  it('queues quick switching: the last call wins and no server is left behind', async () => {
    let started = 0;
    let closed = 0;
    const counting = sharing({
      interfaces: () => ({
        eth0: [{ address: '192.168.50.5', internal: false, family: 'IPv4' } as NetworkInterfaceInfo],
      }),
      startServer: async () => {
        started++;
        return {
          url: 'http://192.168.50.5:4310/',
          access: 'read-only',
          listeners: [{ address: '192.168.50.5', url: 'http://192.168.50.5:4310/', access: 'read-only' }],
          close: async () => void closed++,
        };
      },
    });
    const states = await Promise.all([counting.start(false), counting.stop(), counting.start(true), counting.stop()]);
    assert.deepEqual(
      states.map((state) => state.running),
      [true, false, true, false],
    );
    assert.equal(started, 2);
    assert.equal(closed, 2);
    assert.deepEqual(counting.state(), NOT_SHARING);
  });
});
