import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../../archive/serve/server.ts';
import { startArchiveHost, type ArchiveHost } from '../../../archive/service/host.ts';
import { FIXTURES, tempArchivePath, tempDir } from '../../helpers/temp.ts';
import { writeSyntheticArticles } from '../safety/synthetic.ts';

const LONG = process.env.ARCHIVE_READER_LONG === '1';
const CLIENTS = 50;
const SECONDS = LONG ? 30 : 5;
const QUERIES = [
  'coopération',
  'harvest',
  'récolte pluie',
  '"the harvest"',
  'niger -mali',
  'sécurité OR security',
  'coop*',
  'marché village',
  'irrigation seeds',
  'festival musique',
];

describe(`serve under load (${CLIENTS} clients searching for ${SECONDS} s, loopback)`, () => {
  let host: ArchiveHost;
  let server: RunningServer;
  before(async () => {
    host = await startArchiveHost({ archivePath: tempArchivePath() });
    server = await startServer({ host, port: 0, uiDir: tempDir() });
    const imported = await host.call('importPaths', {
      paths: [FIXTURES, writeSyntheticArticles(join(tempDir(), 'a'), 1000)],
    });
    assert.equal(imported.ok, true);
  });
  after(async () => {
    await server.close();
    await host.close();
  });

  it('answers every search, with its throughput and p99', { timeout: (SECONDS + 60) * 1000 }, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const url = new URL(server.url);
    const latencies: number[] = [];
    const errors: string[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    const search = (query: string) =>
      new Promise<void>((resolve) => {
        const started = performance.now();
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: '/api/search',
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => {
              latencies.push(performance.now() - started);
              try {
                const envelope = JSON.parse(body);
                if (res.statusCode !== 200 || !envelope.ok || !Array.isArray(envelope.value.results)) {
                  errors.push(`${res.statusCode} ${body.slice(0, 200)}`);
                }
              } catch {
                errors.push(`${res.statusCode} not JSON: ${body.slice(0, 200)}`);
              }
              resolve();
            });
          },
        );
        req.on('error', (error) => {
          errors.push(error.message);
          resolve();
        });
        req.end(JSON.stringify({ query, limit: 20 }));
      });
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let n = client; performance.now() < deadline; n++) await search(QUERIES[n % QUERIES.length] as string);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] as number;
    console.log(
      `serve load: ${latencies.length} searches in ${seconds.toFixed(1)} s by ${CLIENTS} clients: ${(latencies.length / seconds).toFixed(0)} req/s, ` +
        `p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms, max ${p(1).toFixed(1)} ms, ${errors.length} errors`,
    );
    assert.deepEqual(errors.slice(0, 5), []);
    assert.ok(latencies.length >= CLIENTS * 2, `only ${latencies.length} requests completed`);
  });
});
