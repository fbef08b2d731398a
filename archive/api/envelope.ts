/** Error kinds that cross a transport unchanged, so the UI can tell them apart. */
export type ApiErrorCode = 'invalid_argument' | 'not_found' | 'unknown_method' | 'forbidden' | 'internal';

export interface ApiErrorShape {
  code: ApiErrorCode;
  message: string;
}

/** Every transport answers with this envelope, so errors keep their kind end to end. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** The client side of a transport: the value, or the error rethrown with its kind. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiError(envelope.error.code, envelope.error.message);
}

/** The failure envelope for anything thrown: an ApiError keeps its kind, anything else is internal. */
export function errorEnvelope(error: unknown): Envelope<never> {
  if (error instanceof ApiError) return { ok: false, error: { code: error.code, message: error.message } };
  return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}
