import { CONTENT_SECURITY_POLICY } from '../../archive/serve/content-security-policy.ts';

export { CONTENT_SECURITY_POLICY };

/** Response headers with the app's CSP added; an existing policy still applies alongside it. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  return { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}
