/**
 * The policy for the app's own pages, wherever they are served from (`serve` over HTTP, `app://`
 * in the desktop app). Scripts and styles come only from the app's files, images also from data:
 * URLs, and nothing may be fetched, embedded or posted elsewhere. renderer/index.html carries the
 * same policy in a meta tag; only frame-ancestors, which browsers ignore there, is the header's alone.
 */
export const CONTENT_SECURITY_POLICY = [
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
