import type { SendCall } from '../../../archive/api/bridge.ts';
import type { Envelope } from '../../../archive/api/envelope.ts';
import { REFUSAL_HEADER, REFUSAL_KINDS, type RefusalKind } from '../../../archive/serve/refusal.ts';

/**
 * The `serve` transport: each method is a POST of its JSON arguments to /api/<method>, with the
 * write token when this browser has one; `onRefused` hears why the server refused a call. Error
 * statuses still carry an envelope, so the body is read whatever the status.
 */
export function httpTransport(
  baseUrl = '/api/',
  token: () => string | null = () => null,
  onRefused: (kind: RefusalKind) => void = () => {},
): SendCall {
  return async (method, args) => {
    const bearer = token();
    const response = await fetch(baseUrl + method, {
      method: 'POST',
      // A JSON content type makes any cross-origin caller go through a CORS preflight.
      headers: { 'Content-Type': 'application/json', ...(bearer && { Authorization: `Bearer ${bearer}` }) },
      body: JSON.stringify(args ?? {}),
    });
    const refused = response.headers.get(REFUSAL_HEADER);
    if (response.status === 403 && REFUSAL_KINDS.includes(refused as RefusalKind)) onRefused(refused as RefusalKind);
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
