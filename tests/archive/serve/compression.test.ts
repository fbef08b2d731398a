import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { COMPRESS_THRESHOLD_BYTES, negotiateEncoding } from '../../../archive/serve/compression.ts';
import { DEFAULT_UI_DIR, startServer, type RunningServer } from '../../../archive/serve/server.ts';
import { startArchiveHost, type ArchiveHost } from '../../../archive/service/host.ts';
import { SHARED, tempArchivePath, tempDir } from '../../helpers/temp.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes on the wire, before any decoding. */
  raw: Buffer;
}

function fetchRaw(server: RunningServer, path: string, acceptEncoding?: string, body?: string): Promise<Reply> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          host: url.host,
          'content-type': 'application/json',
          ...(acceptEncoding !== undefined && { 'accept-encoding': acceptEncoding }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function decode(reply: Reply): Buffer {
  const encoding = reply.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(reply.raw);
  if (encoding === 'gzip') return gunzipSync(reply.raw);
  assert.equal(encoding, undefined);
  return reply.raw;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const saved = (from: number, to: number) => `${Math.round((1 - to / from) * 100)}% saved`;

describe('Accept-Encoding negotiation', () => {
  it('prefers brotli, then gzip, honours q-values and falls back to identity', () => {
    const cases: [string | undefined, string][] = [
      ['gzip, deflate, br, zstd', 'br'], // Chromium's header
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['br;q=0.1, gzip;q=0.9', 'gzip'],
      ['gzip;q=0.5, br', 'br'],
      ['*', 'br'],
      ['deflate', 'identity'],
      ['identity', 'identity'],
      ['', 'identity'],
      [undefined, 'identity'],
      ['gzip;q=0, br;q=0', 'identity'],
    ];
    for (const [header, expected] of cases) assert.equal(negotiateEncoding(header), expected, String(header));
  });
});

describe(
  'serve compresses the built UI',
  { skip: !existsSync(join(DEFAULT_UI_DIR, 'index.html')) && 'run "npm run build" first' },
  () => {
    let server: RunningServer;
    const files = readdirSync(DEFAULT_UI_DIR, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));

    before(async () => {
      const host = { startup: undefined, call: () => Promise.reject(new Error('no API here')), close: async () => {} };
      server = await startServer({ host: host as unknown as ArchiveHost, port: 0 });
    });
    after(() => server.close());

    it('sends each file in br, gzip or identity as asked, byte-identical once decoded, with Vary', async () => {
      const totals = { br: 0, gzip: 0, identity: 0 };
      for (const file of files) {
        const path = `/${relative(DEFAULT_UI_DIR, file).split('\\').join('/')}`;
        const original = readFileSync(file);
        const compressible = /\.(?:html|js|css|svg|json)$/.test(file);
        for (const [accept, expected] of [
          ['gzip, deflate, br, zstd', 'br'],
          ['gzip', 'gzip'],
          [undefined, 'identity'],
        ] as const) {
          const reply = await fetchRaw(server, path, accept);
          assert.equal(reply.status, 200, path);
          assert.equal(reply.headers.vary, 'Accept-Encoding', path);
          assert.equal(
            reply.headers['content-encoding'],
            compressible && expected !== 'identity' ? expected : undefined,
          );
          assert.equal(Number(reply.headers['content-length']), reply.raw.length);
          assert.deepEqual(decode(reply), original, `${path} decodes to the file (${accept})`);
          totals[expected] += reply.raw.length;
        }
      }
      const { br, gzip, identity } = totals;
      assert.ok(br < gzip && gzip < identity / 2, `br ${br} < gzip ${gzip} < half of ${identity}`);
      console.log(
        `Built UI (${files.length} files): identity ${kb(identity)}, gzip ${kb(gzip)} (${saved(identity, gzip)}), ` +
          `brotli ${kb(br)} (${saved(identity, br)})`,
      );
    });
  },
);

describe('serve compresses large API replies', () => {
  const corpus = join(SHARED, 'corpora', 'french-wikinews', 'frwikinews-test-1000.txt');
  let host: ArchiveHost;
  let server: RunningServer;

  before(async () => {
    host = await startArchiveHost({ archivePath: tempArchivePath() });
    server = await startServer({ host, port: 0, uiDir: tempDir() });
  });
  after(async () => {
    await server.close();
    await host.close();
  });

  it('leaves a small reply as it is, still with Vary', async () => {
    const reply = await fetchRaw(server, '/api/getStats', 'gzip, br', '{}');
    assert.equal(reply.status, 200);
    assert.ok(reply.raw.length < COMPRESS_THRESHOLD_BYTES);
    assert.equal(reply.headers['content-encoding'], undefined);
    assert.equal(reply.headers.vary, 'Accept-Encoding');
  });

  it(
    'compresses a search reply of real news text, and measures what it saves',
    { skip: !existsSync(corpus) && `no ${corpus}` },
    async () => {
      // 100 articles of 10 sentences each from French Wikinews.
      const lines = readFileSync(corpus, 'utf8').split('\n').filter(Boolean);
      const folder = tempDir();
      mkdirSync(join(folder, 'news'));
      for (let i = 0; i * 10 < lines.length; i++) {
        const sentences = lines.slice(i * 10, i * 10 + 10);
        writeFileSync(join(folder, 'news', `${i}.txt`), `${sentences[0]}\n\n${sentences.slice(1).join('\n\n')}\n`);
      }
      const report = await host.call('importPaths', { paths: [join(folder, 'news')] });
      assert.ok(report.ok && (report.value as { imported: number }).imported > 50);
      const args = JSON.stringify({ query: 'France', limit: 20 });
      const plain = await fetchRaw(server, '/api/search', undefined, args);
      const gzip = await fetchRaw(server, '/api/search', 'gzip', args);
      const br = await fetchRaw(server, '/api/search', 'gzip, deflate, br', args);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(gzip.headers['content-encoding'], 'gzip');
      assert.equal(br.headers['content-encoding'], 'br');
      for (const reply of [plain, gzip, br]) assert.equal(reply.headers.vary, 'Accept-Encoding');
      const envelope = JSON.parse(decode(plain).toString('utf8'));
      assert.equal(envelope.ok, true);
      assert.equal(envelope.value.results.length, 20);
      assert.deepEqual(JSON.parse(decode(gzip).toString('utf8')), envelope);
      assert.deepEqual(JSON.parse(decode(br).toString('utf8')), envelope);
      assert.ok(br.raw.length < plain.raw.length / 2 && gzip.raw.length < plain.raw.length / 2);
      console.log(
        `Search reply ("France", 20 results with snippets): identity ${kb(plain.raw.length)}, ` +
          `gzip ${kb(gzip.raw.length)} (${saved(plain.raw.length, gzip.raw.length)}), ` +
          `brotli ${kb(br.raw.length)} (${saved(plain.raw.length, br.raw.length)})`,
      );
    },
  );
});
