import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../archive/serve/server.ts';
import { resolveStaticPath } from '../../../archive/serve/static-files.ts';
import { startArchiveHost, type ArchiveHost } from '../../../archive/service/host.ts';
import { fixture, tempArchivePath, tempDir } from '../../helpers/temp.ts';

/** A raw request, so tests control the method, path and Host header exactly. */
function send(url: string, options: { method?: string; path: string; body?: string; host?: string }) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      {
        hostname: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: options.host ?? target.host, 'content-type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('serve', () => {
  let host: ArchiveHost;
  let server: RunningServer;
  const ui = tempDir();
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Archive Reader</title>');

  before(async () => {
    host = await startArchiveHost({ archivePath: tempArchivePath() });
    server = await startServer({ host, port: 0, uiDir: ui });
    await host.call('importPaths', { paths: [fixture('bamako-festival.txt')] });
  });
  after(async () => {
    await server.close();
    await host.close();
  });

  it('listens on loopback only by default', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the UI with a strict content security policy', async () => {
    const page = await send(server.url, { path: '/' });
    assert.equal(page.status, 200);
    assert.match(page.body, /Archive Reader/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'.*object-src 'none'/);
  });

  it('carries the contract over POST /api/<method>', async () => {
    const found = await send(server.url, {
      method: 'POST',
      path: '/api/search',
      body: JSON.stringify({ query: 'coopérations' }),
    });
    assert.equal(found.status, 200);
    const envelope = JSON.parse(found.body);
    assert.equal(envelope.ok, true);
    assert.equal(envelope.value.results[0].title.startsWith('À Bamako'), true);
  });

  it('answers errors in the envelope, with a fitting status', async () => {
    const invalid = await send(server.url, { method: 'POST', path: '/api/getArticle', body: '{"id": "one"}' });
    assert.equal(invalid.status, 400);
    assert.equal(JSON.parse(invalid.body).error.code, 'invalid_argument');
    const notJson = await send(server.url, { method: 'POST', path: '/api/search', body: '{query' });
    assert.equal(notJson.status, 400);
    const missing = await send(server.url, { method: 'POST', path: '/api/getArticle', body: '{"id": 404}' });
    assert.equal(missing.status, 404);
    const unknown = await send(server.url, { method: 'POST', path: '/api/constructor', body: '{}' });
    assert.equal(JSON.parse(unknown.body).error.code, 'unknown_method');
  });

  it('caps the request body at 1 MB, whatever it holds', async () => {
    // A short, valid query padded with a field the method ignores: only the body's size can refuse it.
    const padded = (bytes: number) => {
      const body = JSON.stringify({ query: 'festival', padding: '' });
      return body.replace('"padding":""', `"padding":"${'x'.repeat(bytes - body.length)}"`);
    };
    const under = await send(server.url, { method: 'POST', path: '/api/search', body: padded(1024 * 1024) });
    assert.equal(under.status, 200, `a body of exactly 1 MB is read: ${under.body.slice(0, 200)}`);
    const over = await send(server.url, { method: 'POST', path: '/api/search', body: padded(1024 * 1024 + 1) });
    assert.equal(over.status, 400, 'a body one byte over 1 MB is refused');
    assert.deepEqual(JSON.parse(over.body).error, {
      code: 'invalid_argument',
      message: 'The request body is larger than 1 MB.',
    });
  });

  it('caps a query at 1,000 characters, in a body well under the size cap', async () => {
    const ask = (query: string) =>
      send(server.url, { method: 'POST', path: '/api/search', body: JSON.stringify({ query }) });
    const longest = await ask(`festival ${'x'.repeat(991)}`);
    assert.equal(longest.status, 200, `a query of 1,000 characters is searched: ${longest.body.slice(0, 200)}`);
    const tooLong = await ask(`festival ${'x'.repeat(992)}`);
    assert.equal(tooLong.status, 400, 'a query of 1,001 characters is refused');
    const { error } = JSON.parse(tooLong.body);
    assert.equal(error.code, 'invalid_argument');
    assert.match(error.message, /^Invalid arguments for search: .*query/);
    assert.doesNotMatch(error.message, /larger than 1 MB/);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const rebound = await send(server.url, {
      method: 'POST',
      path: '/api/listArticles',
      body: '{}',
      host: 'evil.example:80',
    });
    assert.equal(rebound.status, 403);
  });

  it('never serves a file outside the UI folder', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%5cpackage.json',
      '/index.html%00.js',
    ]) {
      const response = await send(server.url, { path });
      assert.equal(response.status, 404, path);
    }
    assert.equal(resolveStaticPath(ui, '/%2e%2e/%2e%2e/etc/passwd'), null);
    assert.equal(resolveStaticPath(ui, '/a\\..\\..\\b'), null);
    assert.equal(resolveStaticPath(ui, '/%E0%A4%A'), null);
    assert.equal(resolveStaticPath(ui, '/assets/app.js'), join(ui, 'assets', 'app.js'));
  });
});
