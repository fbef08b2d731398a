import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { METHOD_NAMES, type MethodName } from '../../../archive/api/contract.ts';
import type { Envelope } from '../../../archive/api/envelope.ts';
import { cleanStartup } from '../../../archive/safety/startup-check.ts';
import {
  READ_METHODS,
  accessFor,
  bearerMatches,
  isLocalOnlyMethod,
  isLoopbackAddress,
} from '../../../archive/serve/access.ts';
import { startServer, type RunningServer } from '../../../archive/serve/server.ts';
import type { ArchiveHost } from '../../../archive/service/host.ts';
import { tempDir } from '../../helpers/temp.ts';

/** A host that answers every call at once, or when released, and records what reached it. */
function fakeHost(options: { hold?: boolean } = {}) {
  const calls: MethodName[] = [];
  const held: (() => void)[] = [];
  const host: ArchiveHost = {
    startup: cleanStartup(false),
    call(method) {
      calls.push(method);
      const envelope: Envelope<unknown> = { ok: true, value: { method } };
      if (!options.hold) return Promise.resolve(envelope);
      return new Promise((resolve) => held.push(() => resolve(envelope)));
    },
    close: () => Promise.resolve(),
  };
  return { host, calls, release: () => held.splice(0).forEach((go) => go()) };
}

function post(server: RunningServer, method: string, headers: Record<string, string> = {}) {
  const url = new URL(server.url);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: url.port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { host: `127.0.0.1:${url.port}`, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

const WRITE_METHODS = METHOD_NAMES.filter((m) => !(READ_METHODS as readonly string[]).includes(m));

describe('serve access rules', () => {
  it('tell loopback addresses from others', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1']) {
      assert.equal(isLoopbackAddress(address), true, address);
    }
    for (const address of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'fe80::1', '::ffff:10.0.0.1', 'example.org']) {
      assert.equal(isLoopbackAddress(address), false, address);
    }
    assert.equal(accessFor('127.0.0.1', undefined), 'read-write');
    assert.equal(accessFor('0.0.0.0', undefined), 'read-only');
    assert.equal(accessFor('0.0.0.0', 's3cret'), 'token');
    assert.equal(accessFor('127.0.0.1', 's3cret'), 'token');
  });

  it('list the read methods; every other method, present or future, is a write', () => {
    assert.deepEqual([...READ_METHODS].sort(), [
      'citeArticles',
      'exportArticle',
      'exportLibraryCsv',
      'exportNotebook',
      'getArticle',
      'getImportProgress',
      'getImportReport',
      'getStats',
      'listArticles',
      'listCollections',
      'listHighlights',
      'listImportRuns',
      'listSavedSearches',
      'listTags',
      'search',
      'searchFacets',
    ]);
    assert.ok(READ_METHODS.every((m) => (METHOD_NAMES as readonly string[]).includes(m)));
    for (const write of ['importPaths', 'startImport', 'cancelImport', 'setBookmarked', 'setReadStatus', 'setTags']) {
      assert.ok((WRITE_METHODS as string[]).includes(write), write);
    }
    assert.equal(READ_METHODS.length + WRITE_METHODS.length, METHOD_NAMES.length);
  });

  it('compare bearer tokens exactly', () => {
    assert.equal(bearerMatches('Bearer s3cret', 's3cret'), true);
    assert.equal(bearerMatches('bearer s3cret', 's3cret'), true);
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'Bearer s3cre',
      'Bearer s3cret2',
      'Basic s3cret',
      's3cret',
    ]) {
      assert.equal(bearerMatches(header, 's3cret'), false, String(header));
    }
  });
});

describe('serve on a non-loopback address', () => {
  it('is read-only without a token', async () => {
    const { host, calls } = fakeHost();
    const server = await startServer({ host, port: 0, address: '0.0.0.0', uiDir: tempDir() });
    try {
      assert.equal(server.access, 'read-only');
      for (const method of READ_METHODS) assert.equal((await post(server, method)).status, 200, method);
      for (const method of WRITE_METHODS) {
        const response = await post(server, method, { authorization: 'Bearer anything' });
        assert.equal(response.status, 403, method);
        const reason = isLocalOnlyMethod(method)
          ? /reads files on the server's disk/
          : /read-only: it listens on 0\.0\.0\.0 without a token/;
        assert.match(JSON.parse(response.body).error.message, reason);
      }
      assert.deepEqual(calls, [...READ_METHODS], 'no write reached the archive');
    } finally {
      await server.close();
    }
  });

  it('with a token, lets writes through only with "Authorization: Bearer <token>"', async () => {
    const { host, calls } = fakeHost();
    const server = await startServer({ host, port: 0, address: '0.0.0.0', token: 'tok-123', uiDir: tempDir() });
    try {
      assert.equal(server.access, 'token');
      assert.equal((await post(server, 'search')).status, 200, 'reads need no token');
      assert.equal((await post(server, 'setTags')).status, 403);
      assert.equal((await post(server, 'setTags', { authorization: 'Bearer tok-12' })).status, 403);
      assert.equal((await post(server, 'setTags', { authorization: 'Bearer tok-1234' })).status, 403);
      assert.equal((await post(server, 'setTags', { authorization: 'Bearer tok-123' })).status, 200);
      const importing = await post(server, 'importPaths', { authorization: 'Bearer tok-123' });
      assert.equal(importing.status, 403, 'no one on the LAN may make the server read its own files');
      for (const method of ['startImport', 'cancelImport']) {
        assert.equal((await post(server, method, { authorization: 'Bearer tok-123' })).status, 403, method);
      }
      assert.deepEqual(calls, ['search', 'setTags']);
    } finally {
      await server.close();
    }
  });
});

describe('serve limits', () => {
  it('answers 503 past the cap of concurrent calls, and serves again once they end', async () => {
    const { host, release } = fakeHost({ hold: true });
    const server = await startServer({ host, port: 0, uiDir: tempDir(), maxConcurrentCalls: 3 });
    try {
      const pending = [post(server, 'search'), post(server, 'search'), post(server, 'search')];
      await new Promise((resolve) => setTimeout(resolve, 200));
      const refused = await post(server, 'search');
      assert.equal(refused.status, 503);
      assert.equal(refused.headers['retry-after'], '1');
      release();
      assert.deepEqual(
        (await Promise.all(pending)).map((r) => r.status),
        [200, 200, 200],
      );
      const after = post(server, 'search');
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      assert.equal((await after).status, 200);
    } finally {
      release();
      await server.close();
    }
  });

  it('answers 503 when the archive does not answer a read in time', async () => {
    const { host, release } = fakeHost({ hold: true });
    const server = await startServer({ host, port: 0, uiDir: tempDir(), readCallTimeoutMs: 300 });
    try {
      const response = await post(server, 'search');
      assert.equal(response.status, 503);
      assert.match(JSON.parse(response.body).error.message, /did not answer within 0\.3 s/);
    } finally {
      release();
      await server.close();
    }
  });

  it('drops a client that never finishes sending its request', async () => {
    const { host, calls } = fakeHost();
    const server = await startServer({ host, port: 0, uiDir: tempDir(), requestTimeoutMs: 500 });
    try {
      const port = Number(new URL(server.url).port);
      const started = performance.now();
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(`POST /api/search HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 100\r\n\r\n{"query":`);
        });
        let data = '';
        socket.on('data', (chunk) => (data += chunk));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      const waited = performance.now() - started;
      assert.match(answer, /^HTTP\/1\.1 408/);
      assert.ok(waited < 5000, `dropped after ${Math.round(waited)} ms`);
      assert.deepEqual(calls, []);
    } finally {
      await server.close();
    }
  });
});
