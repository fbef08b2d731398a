import type { NetworkInterfaceInfo } from 'node:os';
import type { LanSharingState } from '../../preload/desktop-api.ts';
import { lanAddresses, otherAddresses, urlFor } from '../../archive/serve/lan.ts';
import { qrSvg } from '../../archive/serve/qr.ts';
import type { RunningServer, ServeOptions } from '../../archive/serve/server.ts';
import type { ArchiveHost } from '../../archive/service/host.ts';

/** The port phones are told, as for `archive-reader serve`; another is picked when it is taken. */
export const SHARING_PORT = 4310;

export const NOT_SHARING: LanSharingState = {
  running: false,
  urls: [],
  qrCode: null,
  writes: false,
  writeLink: null,
  problem: null,
  detail: null,
};

export interface LanSharingOptions {
  host: ArchiveHost;
  /** The built UI the phones are served (the desktop app's own). */
  uiDir: string;
  interfaces: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
  startServer: (options: ServeOptions) => Promise<RunningServer>;
  makeToken: () => string;
  port?: number;
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/**
 * The desktop app's "Share on the local network": one LAN server at a time on main's own archive
 * host, listening on this computer's private addresses only (never loopback: the desktop window
 * has IPC), read-only unless the user allowed writes, which then need a fresh token each time.
 * Calls are queued so that quick switching never leaves two servers or a stale state.
 */
export class LanSharing {
  private readonly options: LanSharingOptions;
  private server: RunningServer | null = null;
  private current: LanSharingState = NOT_SHARING;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: LanSharingOptions) {
    this.options = options;
  }

  state(): LanSharingState {
    return this.current;
  }

  /** Starts sharing (again, when the writes setting changes) and answers the new state. */
  start(writes: boolean): Promise<LanSharingState> {
    return this.enqueue(async () => {
      await this.close();
      const interfaces = this.options.interfaces();
      const addresses = lanAddresses(interfaces);
      if (addresses.length === 0) {
        const others = otherAddresses(interfaces);
        return { ...NOT_SHARING, problem: 'no_private_address', detail: others.join(', ') || null };
      }
      const token = writes ? this.options.makeToken() : undefined;
      try {
        this.server = await this.listen(addresses, token);
      } catch (error) {
        return { ...NOT_SHARING, problem: 'failed', detail: error instanceof Error ? error.message : String(error) };
      }
      const urls = this.server.listeners.map((listener) => listener.url);
      const [first] = this.server.listeners as [RunningServer['listeners'][number]];
      const port = Number(new URL(first.url).port);
      return {
        running: true,
        urls,
        qrCode: svgDataUrl(await qrSvg(first.url)),
        writes,
        writeLink: token ? urlFor(first.address, port, `?token=${token}`) : null,
        problem: null,
        detail: null,
      };
    });
  }

  stop(): Promise<LanSharingState> {
    return this.enqueue(async () => {
      await this.close();
      return NOT_SHARING;
    });
  }

  private async listen(addresses: string[], token: string | undefined): Promise<RunningServer> {
    const { host, uiDir, startServer } = this.options;
    const port = this.options.port ?? SHARING_PORT;
    try {
      return await startServer({ host, uiDir, port, address: addresses, token });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
      return startServer({ host, uiDir, port: 0, address: addresses, token });
    }
  }

  private async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.current = NOT_SHARING;
    await server?.close();
  }

  private enqueue(run: () => Promise<LanSharingState>): Promise<LanSharingState> {
    const next = this.queue.then(run).then((state) => (this.current = state));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
