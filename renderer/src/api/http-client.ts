import type { SendCall } from '../../../archive/api/bridge.ts';
import type { Envelope } from '../../../archive/api/envelope.ts';

/**
 * The `serve` transport: each method is a POST of its JSON arguments to /api/<method>. Error
 * statuses still carry an envelope, so the body is read whatever the status.
 */
export function httpTransport(baseUrl = '/api/'): SendCall {
  return async (method, args) => {
    const response = await fetch(baseUrl + method, {
      method: 'POST',
      // A JSON content type makes any cross-origin caller go through a CORS preflight.
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(args ?? {}),
    });
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return {
        ok: false,
        error: { code: 'internal', message: `${method}: HTTP ${response.status} without an API response` },
      };
    }
  };
}
