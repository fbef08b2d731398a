import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isMethodName, type MethodName } from '../api/contract.ts';
import type { ApiErrorCode, Envelope } from '../api/envelope.ts';
import type { ArchiveHost } from '../service/host.ts';
import {
  accessFor,
  allowedHostNames,
  bearerMatches,
  isLocalOnlyMethod,
  isLoopbackAddress,
  isReadMethod,
  withoutLocalPaths,
  type Access,
} from './access.ts';
import { COMPRESS_THRESHOLD_BYTES, compress, negotiateEncoding, StaticCompressionCache } from './compression.ts';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.ts';
import { REFUSAL_HEADER, type RefusalKind } from './refusal.ts';
import { readStatic } from './static-files.ts';

export const DEFAULT_UI_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
const MAX_BODY_BYTES = 1024 * 1024;
/** API calls answered at once; past this a request gets 503 at once rather than queueing without end. */
const MAX_CONCURRENT_CALLS = 128;
/** Time a client has to send a whole request (slow clients hold no connection for ever). */
const REQUEST_TIMEOUT_MS = 30_000;
/** A read call not answered in this time gets 503 (the archive is busy, e.g. with a long import). */
const READ_CALL_TIMEOUT_MS = 30_000;

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
  /**
   * Address to listen on; loopback unless the user asks for more. Several addresses (`serve --lan`)
   * get one listener each, on the same port, each with the access its own address allows.
   */
  address?: string | readonly string[];
  uiDir?: string;
  /** Write methods then need "Authorization: Bearer <token>"; without one, a non-loopback server is read-only. */
  token?: string;
  maxConcurrentCalls?: number;
  requestTimeoutMs?: number;
  readCallTimeoutMs?: number;
  /** gzip/brotli by Accept-Encoding (default on); off only to measure what it saves. */
  compression?: boolean;
}

interface Refusal {
  kind: RefusalKind;
  message: string;
}

export interface Listener {
  address: string;
  url: string;
  /** Who may call write methods through this address (see accessFor). */
  access: Access;
}

export interface RunningServer {
  /** The first listener's address and access (the only one unless several addresses were given). */
  url: string;
  access: Access;
  listeners: Listener[];
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...extra,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendEnvelope(
  response: ServerResponse,
  envelope: Envelope<unknown>,
  status = envelope.ok ? 200 : STATUS[envelope.error.code],
  extra: Record<string, string> = {},
): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(envelope), extra);
}

/** An API reply, compressed when the client accepts it and the reply is large enough to gain from it. */
async function sendCompressedEnvelope(
  request: IncomingMessage,
  response: ServerResponse,
  envelope: Envelope<unknown>,
  enabled: boolean,
): Promise<void> {
  const body = Buffer.from(JSON.stringify(envelope), 'utf8');
  const status = envelope.ok ? 200 : STATUS[envelope.error.code];
  const encoding = enabled ? negotiateEncoding(request.headers['accept-encoding']) : 'identity';
  const vary: Record<string, string> = enabled ? { Vary: 'Accept-Encoding' } : {};
  if (encoding === 'identity' || body.length < COMPRESS_THRESHOLD_BYTES) {
    return send(response, status, 'application/json; charset=utf-8', body, vary);
  }
  const compressed = await compress(body, encoding, false);
  send(response, status, 'application/json; charset=utf-8', compressed, { ...vary, 'Content-Encoding': encoding });
}

function fail(response: ServerResponse, code: ApiErrorCode, message: string): void {
  sendEnvelope(response, { ok: false, error: { code, message } });
}

/** 503: the server is busy; the client may try again shortly. */
function busy(response: ServerResponse, message: string): void {
  sendEnvelope(response, { ok: false, error: { code: 'internal', message } }, 503, { 'Retry-After': '1' });
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
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const uiDir = options.uiDir ?? DEFAULT_UI_DIR;
  const addresses = typeof options.address === 'string' ? [options.address] : [...(options.address ?? ['127.0.0.1'])];
  if (addresses.length === 0) throw new Error('startServer needs at least one address to listen on.');
  const compression = options.compression ?? true;
  const compressed = new StaticCompressionCache(uiDir);
  // In the background: zlib works in its own threads, and a file asked for meanwhile is compressed on the spot.
  if (compression) void compressed.warm();
  const maxCalls = options.maxConcurrentCalls ?? MAX_CONCURRENT_CALLS;
  const readTimeout = options.readCallTimeoutMs ?? READ_CALL_TIMEOUT_MS;
  let calls = 0;

  const call = async (method: MethodName, args: unknown): Promise<Envelope<unknown> | null> => {
    if (!isReadMethod(method)) return options.host.call(method, args);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), readTimeout)));
    try {
      return await Promise.race([options.host.call(method, args), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const serverOptions = {
    requestTimeout,
    headersTimeout: Math.min(requestTimeout, 10_000),
    // How often Node looks for requests past their timeout (its default, 30 s, would let them run on).
    connectionsCheckingInterval: Math.min(1000, requestTimeout),
  };

  /** The request handler of the listener on `address`: its access and host names are its own. */
  const handlerFor = (address: string) => {
    const access = accessFor(address, options.token);
    const hostNames = allowedHostNames(address);

    // The listener's address says which network may reach it; the remote address says who did (a
    // client of a 0.0.0.0 listener may be on this machine or on the LAN).
    const onThisMachine = (request: IncomingMessage) =>
      isLoopbackAddress(address) && isLoopbackAddress(request.socket.remoteAddress ?? '');

    /** Null when the caller may use the method, else why not (the kind goes out as REFUSAL_HEADER). */
    const refusal = (method: MethodName, request: IncomingMessage): Refusal | null => {
      if (isLocalOnlyMethod(method) && !onThisMachine(request)) {
        return {
          kind: 'local-only',
          message: `${method} reads files on the server's disk, so it is refused to a server listening on ${address}: use the desktop app or the CLI there.`,
        };
      }
      if (isReadMethod(method) || access === 'read-write') return null;
      if (access === 'read-only') {
        return {
          kind: 'read-only',
          message: `${method} changes the archive, and this server is read-only: it listens on ${address} without a token.`,
        };
      }
      const header = request.headers.authorization;
      return bearerMatches(header, options.token as string)
        ? null
        : {
            kind: 'token',
            message: `${method} changes the archive: it needs the header "Authorization: Bearer <token>" with this server's token.`,
          };
    };

    return async (request: IncomingMessage, response: ServerResponse) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const body = await readBody(request);
      // Only names that resolve to this machine, so a web page cannot reach the API by DNS rebinding.
      const hostName = (request.headers.host ?? '')
        .replace(/:\d+$/, '')
        .replace(/^\[|\]$/g, '')
        .toLowerCase();
      if (!hostNames.has(hostName)) {
        fail(response, 'forbidden', 'This server only answers requests addressed to its own host name.');
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        const method = url.pathname.slice('/api/'.length);
        if (request.method !== 'POST')
          return fail(response, 'invalid_argument', 'API calls are POST requests with JSON arguments.');
        if (!isMethodName(method)) return fail(response, 'unknown_method', `Unknown method: ${method}`);
        const refused = refusal(method, request);
        if (refused) {
          const envelope: Envelope<unknown> = { ok: false, error: { code: 'forbidden', message: refused.message } };
          return sendEnvelope(response, envelope, 403, { [REFUSAL_HEADER]: refused.kind });
        }
        if (body === null) return fail(response, 'invalid_argument', 'The request body is larger than 1 MB.');
        let args: unknown;
        try {
          args = body.trim() === '' ? {} : JSON.parse(body);
        } catch {
          return fail(response, 'invalid_argument', 'The request body is not valid JSON.');
        }
        if (calls >= maxCalls) return busy(response, `The server is answering ${calls} calls; try again in a moment.`);
        calls++;
        try {
          const answer = await call(method, args);
          const envelope = answer && !onThisMachine(request) ? withoutLocalPaths(method, answer) : answer;
          if (envelope) await sendCompressedEnvelope(request, response, envelope, compression);
          else busy(response, `The archive did not answer within ${readTimeout / 1000} s (busy with an import?).`);
        } finally {
          calls--;
        }
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
      const encoding = compression ? negotiateEncoding(request.headers['accept-encoding']) : 'identity';
      const encoded = encoding === 'identity' ? null : await compressed.get(file.path, encoding);
      if (encoded === null)
        return send(response, 200, file.type, file.body, compression ? { Vary: 'Accept-Encoding' } : undefined);
      send(response, 200, file.type, encoded, { Vary: 'Accept-Encoding', 'Content-Encoding': encoding });
    };
  };

  const servers: Server[] = [];
  const listeners: Listener[] = [];
  const closeAll = () => Promise.all(servers.map((server) => new Promise<void>((done) => server.close(() => done()))));
  let port = options.port;
  try {
    for (const address of addresses) {
      const handle = handlerFor(address);
      const server = createServer(serverOptions, (request, response) => {
        // A client that goes away (or times out) mid-request ends its own request, never the server.
        handle(request, response).catch(() => {
          if (!response.headersSent && !response.destroyed)
            fail(response, 'invalid_argument', 'The request was cut short.');
          else response.destroy();
        });
      });
      server.maxConnections = 512;
      // Port 0 picks a free port for the first listener; the others take the same one.
      const bound = await new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, () => resolve(server.address() as AddressInfo));
      });
      servers.push(server);
      port = bound.port;
      const shown = bound.address.includes(':') ? `[${bound.address}]` : bound.address;
      listeners.push({ address, url: `http://${shown}:${bound.port}/`, access: accessFor(address, options.token) });
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  const [first] = listeners as [Listener, ...Listener[]];
  return { url: first.url, access: first.access, listeners, close: async () => void (await closeAll()) };
}
