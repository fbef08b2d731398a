import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../main/policy/content-security.ts';

function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const directives = parsePolicy(CONTENT_SECURITY_POLICY);

// Browsers ignore these in a <meta> policy, so only the header can carry them.
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

describe('content security policy', () => {
  it('allows only the app’s own scripts, styles and connections', () => {
    assert.deepEqual(directives.get('default-src'), ["'self'"]);
    assert.deepEqual(directives.get('script-src'), ["'self'"]);
    assert.deepEqual(directives.get('style-src'), ["'self'"]);
    assert.deepEqual(directives.get('img-src'), ["'self'", 'data:']);
    assert.deepEqual(directives.get('connect-src'), ["'self'"]);
    assert.deepEqual(directives.get('object-src'), ["'none'"]);
    assert.deepEqual(directives.get('base-uri'), ["'none'"]);
    assert.deepEqual(directives.get('form-action'), ["'none'"]);
    assert.deepEqual(directives.get('frame-ancestors'), ["'none'"]);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-|\*|https?:/);
  });

  it('agrees with the meta tag in renderer/index.html', async () => {
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    assert.ok(meta?.[1], 'renderer/index.html has a CSP meta tag');
    const headerPart = [...directives].filter(([name]) => !HEADER_ONLY.has(name));
    assert.deepEqual([...parsePolicy(meta[1])], headerPart);
  });

  it('adds the policy to response headers, keeping the others', () => {
    const headers = withContentSecurityPolicy({ 'Content-Type': ['text/html'] });
    assert.deepEqual(headers, { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    assert.deepEqual(withContentSecurityPolicy(undefined), { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
