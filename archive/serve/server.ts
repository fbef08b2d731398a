import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isMethodName } from '../api/contract.ts';
import type { ApiErrorCode, Envelope } from '../api/envelope.ts';
import type { ArchiveHost } from '../service/host.ts';
import { readStatic } from './static-files.ts';

export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const MAX_BODY_BYTES = 1024 * 1024;

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const STATUS: Record<ApiErrorCode, number> = {
  invalid_argument: 400,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  internal: 500,
};

export interface ServeOptions {
  host: ArchiveHost;
  port: number;
  /** Address to listen on; loopback unless the user asks for more. */
  address?: string;
  uiDir?: string;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendEnvelope(response: ServerResponse, envelope: Envelope<unknown>): void {
  const status = envelope.ok ? 200 : STATUS[envelope.error.code];
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(envelope));
}

function fail(response: ServerResponse, code: ApiErrorCode, message: string): void {
  sendEnvelope(response, { ok: false, error: { code, message } });
}

/** The body as text, or null past MAX_BODY_BYTES; read to the end either way so the client sees an answer, not a reset. */
async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the built UI and the archive API (POST /api/<method>, JSON arguments, envelope replies)
 * over HTTP: the same contract the desktop app carries over IPC.
 */
export function startServer(options: ServeOptions): Promise<RunningServer> {
  const uiDir = options.uiDir ?? DEFAULT_UI_DIR;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const body = await readBody(request);
    // Only names that resolve to this machine, so a web page cannot reach the API by DNS rebinding.
    const hostName = (request.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (!['127.0.0.1', 'localhost', '::1', options.address ?? '127.0.0.1'].includes(hostName)) {
      fail(response, 'forbidden', 'This server only answers requests addressed to its own host name.');
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      if (request.method !== 'POST')
        return fail(response, 'invalid_argument', 'API calls are POST requests with JSON arguments.');
      if (!isMethodName(method)) return fail(response, 'unknown_method', `Unknown method: ${method}`);
      if (body === null) return fail(response, 'invalid_argument', 'The request body is larger than 1 MB.');
      let args: unknown;
      try {
        args = body.trim() === '' ? {} : JSON.parse(body);
      } catch {
        return fail(response, 'invalid_argument', 'The request body is not valid JSON.');
      }
      sendEnvelope(response, await options.host.call(method, args));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return fail(response, 'invalid_argument', 'Only GET is served here.');
    const file = await readStatic(uiDir, url.pathname);
    if (!file) {
      const message = url.pathname === '/' ? 'The user interface is not built: run "npm run build".' : 'Not found.';
      send(response, 404, 'text/plain; charset=utf-8', message);
      return;
    }
    send(response, 200, file.type, file.body);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.address ?? '127.0.0.1', () => {
      const { port, address } = server.address() as AddressInfo;
      const shown = address.includes(':') ? `[${address}]` : address;
      resolve({
        url: `http://${shown}:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
