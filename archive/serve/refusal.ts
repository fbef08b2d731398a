/**
 * Why `serve` refused a call, sent beside the 403 envelope as a response header so that the UI can
 * tell "this device may only read" (read-only, token) from a method for the server's own user that
 * it merely tried in passing (local-only). Plain values, no Node: the renderer imports this file.
 */
export type RefusalKind = 'local-only' | 'read-only' | 'token';

export const REFUSAL_HEADER = 'X-Archive-Refusal';

export const REFUSAL_KINDS: readonly RefusalKind[] = ['local-only', 'read-only', 'token'];
