import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';

/**
 * Whether an address belongs to a private network, where `serve --lan` may listen: IPv4's private
 * ranges (RFC 1918) and link-local range (two machines cabled together without DHCP), and IPv6
 * unique local addresses (fc00::/7). Not 100.64.0.0/10: a carrier's NAT shares it between its
 * customers. Not IPv6 link-local (fe80::/10): browsers cannot open an address with a zone.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.toLowerCase();
  if (isIP(bare) === 6) return /^f[cd][0-9a-f]{2}:/.test(bare);
  if (isIP(bare) !== 4) return false;
  const [a = 0, b = 0] = bare.split('.').map(Number);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/**
 * The addresses `serve --lan` listens on: every private address of this machine's network
 * interfaces, IPv4 first. Listening on these rather than on 0.0.0.0 (or ::) keeps the archive off
 * any public address the machine also has: a global IPv6 address, a cable straight to a modem,
 * a VPN. An address that changes (a new DHCP lease) needs `serve --lan` started again.
 */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  const found = new Set<string>();
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      if (!entry.internal && isPrivateAddress(entry.address)) found.add(entry.address);
    }
  }
  return [...found].sort((a, b) => isIP(a) - isIP(b));
}

/** Every non-loopback address of this machine, to say which were passed over when none is private. */
export function otherAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  return Object.values(interfaces).flatMap((entries) =>
    (entries ?? []).filter((entry) => !entry.internal).map((entry) => entry.address),
  );
}

/** The address as a browser types it in a URL (IPv6 in brackets). */
export function urlFor(address: string, port: number, query = ''): string {
  return `http://${isIP(address) === 6 ? `[${address}]` : address}:${port}/${query}`;
}

/** A token for writes over the LAN: 144 random bits, URL-safe, so it fits in the write link as it is. */
export function generateToken(): string {
  return randomBytes(18).toString('base64url');
}
