/**
 * The policy for the app's own pages. Scripts and styles come only from the app's files, images
 * also from data: URLs (inlined by the build), and nothing may be fetched, embedded or posted
 * elsewhere. renderer/index.html carries the same policy in a meta tag, because a response header
 * is not guaranteed to be applied to pages loaded from file:; only frame-ancestors, which browsers
 * ignore in a meta tag, is the header's alone.
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

/** Response headers with the app's CSP added; an existing policy still applies alongside it. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  return { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}
