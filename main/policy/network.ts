import { APP_HOST } from '../protocol/app-url.ts';

const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * Whether the renderer may make a request. The app is offline and imported articles must never
 * reach the network (a remote image is a read receipt), so every http(s)/ws(s) request is refused,
 * except to the dev server that serves the renderer during development. The app's files and media
 * come from `app://archive-reader/`, so file: is refused too: no page needs to read the disk
 * directly. Other local schemes (data:, blob:, devtools:) are left to the navigation policy and the CSP.
 */
export function isRequestAllowed(url: string, devServerOrigin: string | null): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.protocol === 'file:') return false;
  if (target.protocol === 'app:') return target.host === APP_HOST;
  if (!NETWORK_PROTOCOLS.has(target.protocol)) return true;
  if (devServerOrigin === null) return false;
  const devServer = new URL(devServerOrigin);
  // The dev server's hot-reload socket shares its host and port.
  const socketProtocol = devServer.protocol === 'https:' ? 'wss:' : 'ws:';
  return (
    target.host === devServer.host && (target.protocol === devServer.protocol || target.protocol === socketProtocol)
  );
}
