import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, request } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { describe, it } from 'node:test';
import { METHOD_NAMES, type MethodName, type Output } from '../../../archive/api/contract.ts';
import type { Envelope } from '../../../archive/api/envelope.ts';
import { cleanStartup } from '../../../archive/safety/startup-check.ts';
import { LOCAL_ONLY_METHODS, READ_METHODS } from '../../../archive/serve/access.ts';
import { isPrivateAddress, lanAddresses, urlFor } from '../../../archive/serve/lan.ts';
import { startServer, type Listener } from '../../../archive/serve/server.ts';
import { startArchiveHost, type ArchiveHost } from '../../../archive/service/host.ts';
import { BIN, runCli } from '../../helpers/cli.ts';
import { tempArchivePath, tempDir } from '../../helpers/temp.ts';

const entry = (address: string, internal = false): NetworkInterfaceInfo =>
  (isIP(address) === 6
    ? { address, family: 'IPv6', internal, netmask: 'ffff:ffff:ffff:ffff::', mac: '', cidr: null, scopeid: 0 }
    : { address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '', cidr: null }) as NetworkInterfaceInfo;

describe('the addresses serve --lan listens on', () => {
  it('are the private ones: RFC 1918, IPv4 link-local and IPv6 unique local', () => {
    for (const address of [
      '10.0.0.7',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.1.20',
      '169.254.3.4',
      'fd00::2',
      'fc12::1',
    ]) {
      assert.equal(isPrivateAddress(address), true, address);
    }
    for (const address of [
      '8.8.8.8',
      '172.15.0.1',
      '172.32.0.1',
      '192.0.2.2',
      '100.64.0.1', // a carrier's NAT: shared with other customers
      '127.0.0.1',
      '0.0.0.0',
      '2001:db8::1', // global IPv6: reachable from the Internet
      'fe80::1', // link-local IPv6: a browser cannot open it
      '::1',
      'localhost',
    ]) {
      assert.equal(isPrivateAddress(address), false, address);
    }
  });

  it('skip loopback and public interfaces, IPv4 first', () => {
    const interfaces = {
      lo: [entry('127.0.0.1', true), entry('::1', true)],
      eth0: [entry('203.0.113.9'), entry('2001:db8::5'), entry('fd00::2'), entry('fe80::fc:ff:fe00:1')],
      wlan0: [entry('192.168.1.20')],
      docker0: [entry('172.17.0.1')],
    };
    assert.deepEqual(lanAddresses(interfaces), ['192.168.1.20', '172.17.0.1', 'fd00::2']);
    assert.deepEqual(lanAddresses({ lo: [entry('127.0.0.1', true)], eth0: [entry('203.0.113.9')] }), []);
  });

  it('write IPv6 addresses in brackets in the URL', () => {
    assert.equal(urlFor('192.168.1.20', 4310), 'http://192.168.1.20:4310/');
    assert.equal(urlFor('fd00::2', 4310, '?lite'), 'http://[fd00::2]:4310/?lite');
  });
});

/** This machine's first non-loopback address that a listener can bind, private or not. */
const machineAddress = Object.values(networkInterfaces())
  .flat()
  .find((info) => info && !info.internal && !info.address.startsWith('fe80'))?.address;

function fakeHost() {
  const calls: MethodName[] = [];
  const host: ArchiveHost = {
    startup: cleanStartup(false),
    call(method) {
      calls.push(method);
      return Promise.resolve({ ok: true, value: null } satisfies Envelope<unknown>);
    },
    close: () => Promise.resolve(),
  };
  return { host, calls };
}

function post(listener: Listener, method: string, headers: Record<string, string> = {}) {
  const url = new URL(listener.url);
  return new Promise<{ status: number; message: string; refusal: unknown }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { host: url.host, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            message: (JSON.parse(body) as { error?: { message: string } }).error?.message ?? '',
            refusal: res.headers['x-archive-refusal'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

const WRITES = METHOD_NAMES.filter(
  (m) => !(READ_METHODS as readonly string[]).includes(m) && !(LOCAL_ONLY_METHODS as readonly string[]).includes(m),
);

describe(
  'a server on loopback and a LAN address',
  { skip: !machineAddress && 'this machine has no non-loopback address' },
  () => {
    const address = machineAddress as string;

    it('gives each listener its own access: read-write on loopback, read-only on the LAN', async () => {
      const { host, calls } = fakeHost();
      const server = await startServer({ host, port: 0, address: ['127.0.0.1', address], uiDir: tempDir() });
      try {
        const [local, lan] = server.listeners as [Listener, Listener];
        assert.equal(local.access, 'read-write');
        assert.equal(lan.access, 'read-only');
        assert.equal(new URL(local.url).port, new URL(lan.url).port, 'one port for every address');
        assert.equal(lan.url, urlFor(address, Number(new URL(lan.url).port)));
        for (const method of READ_METHODS) assert.equal((await post(lan, method)).status, 200, method);
        for (const method of WRITES) {
          const refused = await post(lan, method, { authorization: 'Bearer guess' });
          assert.equal(refused.status, 403, method);
          assert.match(refused.message, /this server is read-only/);
          assert.equal(refused.refusal, 'read-only');
        }
        for (const method of LOCAL_ONLY_METHODS) {
          const refused = await post(lan, method);
          assert.equal(refused.status, 403, method);
          assert.match(refused.message, /reads files on the server's disk/);
          assert.equal(refused.refusal, 'local-only');
        }
        assert.deepEqual(calls, [...READ_METHODS], 'nothing but reads reached the archive from the LAN');
        calls.length = 0;
        assert.equal((await post(local, 'setBookmarked')).status, 200);
        assert.equal((await post(local, 'importPaths')).status, 200, 'this machine’s own user may import');
        assert.deepEqual(calls, ['setBookmarked', 'importPaths']);
      } finally {
        await server.close();
      }
    });

    it('tells the archive’s location to this machine only; the LAN gets its size', async () => {
      const archivePath = tempArchivePath();
      const host = await startArchiveHost({ archivePath });
      const server = await startServer({ host, port: 0, address: ['127.0.0.1', address], uiDir: tempDir() });
      try {
        const stats = async (listener: Listener) => {
          const reply = await fetch(`${listener.url}api/getStats`, { method: 'POST', body: '{}' });
          return ((await reply.json()) as { value: Output<'getStats'> }).value;
        };
        const [local, lan] = server.listeners as [Listener, Listener];
        const [here, there] = [await stats(local), await stats(lan)];
        assert.equal(here.location, archivePath);
        assert.equal(there.location, null, 'a path names the server’s user');
        assert.equal(there.bytes, here.bytes);
        assert.ok(there.bytes > 0);
      } finally {
        await server.close();
        await host.close();
      }
    });

    it('with a token, lets the LAN write with it but never call local-only methods', async () => {
      const { host, calls } = fakeHost();
      const server = await startServer({
        host,
        port: 0,
        address: ['127.0.0.1', address],
        token: 't0k',
        uiDir: tempDir(),
      });
      try {
        const lan = server.listeners[1] as Listener;
        assert.equal(lan.access, 'token');
        const noToken = await post(lan, 'setBookmarked');
        assert.deepEqual([noToken.status, noToken.refusal], [403, 'token']);
        assert.equal((await post(lan, 'setBookmarked', { authorization: 'Bearer t0k' })).status, 200);
        for (const method of LOCAL_ONLY_METHODS) {
          assert.equal((await post(lan, method, { authorization: 'Bearer t0k' })).status, 403, method);
        }
        assert.deepEqual(calls, ['setBookmarked']);
      } finally {
        await server.close();
      }
    });

    it('closes every listener it opened when one address cannot be bound', async () => {
      const { host } = fakeHost();
      const first = await startServer({ host, port: 0, address: address, uiDir: tempDir() });
      const port = Number(new URL(first.url).port);
      try {
        // 127.0.0.1 binds, then the machine address is taken: the loopback listener must not stay open.
        await assert.rejects(
          startServer({ host, port, address: ['127.0.0.1', address], uiDir: tempDir() }),
          /EADDRINUSE/,
        );
        const again = await startServer({ host, port, address: '127.0.0.1', uiDir: tempDir() });
        await again.close();
      } finally {
        await first.close();
      }
    });
  },
);

describe('archive-reader serve --lan on the command line', () => {
  it('refuses contradictory options before opening anything', () => {
    const archive = tempArchivePath();
    const both = runCli(['serve', '--lan', '--host', '0.0.0.0', '--archive', archive]);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--lan and --host cannot be used together/);
    const tokens = runCli(['serve', '--lan', '--token', 'abc', '--write-token', '--archive', archive]);
    assert.equal(tokens.status, 2);
    assert.match(tokens.stderr, /give --token TOKEN or --write-token, not both/);
    const port = runCli(['serve', '--lan', '--port', '70000', '--archive', archive]);
    assert.equal(port.status, 2);
    assert.match(port.stderr, /--port takes a port number/);
  });

  it('says plainly when the port is taken or the address is not this machine’s', async () => {
    const archive = tempArchivePath();
    assert.equal(runCli(['import', tempDir(), '--archive', archive]).status, 0);
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as { port: number };
    try {
      const taken = await runCliAsync(['serve', '--lan', '--port', String(port), '--archive', archive]);
      assert.equal(taken.status, 2);
      assert.match(
        taken.stderr,
        new RegExp(`port ${port} is already in use on 127\\.0\\.0\\.1 \\(another serve\\?\\)`),
      );
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
    const foreign = runCli(['serve', '--host', '203.0.113.77', '--port', '0', '--archive', archive]);
    assert.equal(foreign.status, 2);
    assert.match(foreign.stderr, /203\.0\.113\.77 is not an address of this machine/);
  });
});

/** runCli without blocking this process's event loop (which holds the port being tested). */
function runCliAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { timeout: 60_000 }, (error, _stdout, stderr) =>
      resolve({ status: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
    );
  });
}
