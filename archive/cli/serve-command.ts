import { networkInterfaces } from 'node:os';
import { generateToken, lanAddresses, otherAddresses, urlFor } from '../serve/lan.ts';
import { qrTerminal } from '../serve/qr.ts';
import { startServer, type Listener } from '../serve/server.ts';
import { isLoopbackAddress } from '../serve/access.ts';
import { startArchiveHost } from '../service/host.ts';
import { describeStartup } from '../safety/startup-check.ts';
import type { CommandContext } from './commands.ts';
import { UsageError } from './usage-error.ts';

function portOption(value: string | undefined): number {
  if (value === undefined) return 4310;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port takes a port number (0 to 65535), not "${value}"`);
  }
  return port;
}

/** The addresses to listen on: --host's, or with --lan loopback (this machine) and every private address. */
function addressesFor(context: CommandContext): string[] {
  if (!context.lan) return [context.host ?? '127.0.0.1'];
  if (context.host) {
    throw new UsageError(
      '--lan and --host cannot be used together: --lan listens on this machine’s private addresses, --host on one you name',
    );
  }
  const interfaces = networkInterfaces();
  const lan = lanAddresses(interfaces);
  if (lan.length === 0) {
    const others = otherAddresses(interfaces);
    throw new UsageError(
      `this machine has no private network address to share the archive on (${others.length ? `its addresses, ${others.join(', ')}, are not private` : 'it has no network address'}): connect to a local network, or name an address with --host ADDR`,
    );
  }
  return ['127.0.0.1', ...lan];
}

/** What the LAN needs to know: the addresses as text and a QR code, read-only or how to write, text-only mode. */
export async function describeLan(lan: Listener[], writeLink: string | null): Promise<string> {
  const [first] = lan;
  if (!first) return '';
  const lines = [
    '',
    `On the local network (${first.access === 'read-only' ? 'read-only' : 'changes only with the token'}):`,
    ...lan.map((listener) => `  ${listener.url}`),
    '',
    await qrTerminal(first.url, process.stdout.isTTY === true),
    `Text only, without images, for slow or costly links: ${first.url}?lite`,
  ];
  if (writeLink) {
    lines.push(
      '',
      'Write link, shown only this once; anyone who has it can change the archive (it is kept by the browser that opens it):',
      `  ${writeLink}`,
    );
  } else if (first.access === 'token') {
    lines.push('', `Changes need the token: open ${first.url}?token=TOKEN once on each device that may make them.`);
  }
  return `${lines.join('\n')}\n`;
}

/** `archive-reader serve`: the app and its API over HTTP, on loopback, --host ADDR or --lan. */
export async function serveCommand(context: CommandContext): Promise<number> {
  const port = portOption(context.port);
  if (context.writeToken && context.token) throw new UsageError('give --token TOKEN or --write-token, not both');
  const addresses = addressesFor(context);
  const token = context.writeToken ? generateToken() : context.token;
  const host = await startArchiveHost({ archivePath: context.archivePath });
  for (const line of describeStartup(host.startup)) process.stderr.write(`${line}\n`);
  let server;
  try {
    server = await startServer({ host, port, address: addresses, token });
  } catch (error) {
    await host.close();
    const { code, address } = error as NodeJS.ErrnoException & { address?: string };
    if (code === 'EADDRINUSE') {
      throw new UsageError(
        `port ${port} is already in use on ${address ?? addresses.join(', ')} (another serve?): choose another with --port N, or --port 0 for any free one`,
      );
    }
    if (code === 'EADDRNOTAVAIL')
      throw new UsageError(`${address ?? addresses.join(', ')} is not an address of this machine`);
    throw error;
  }
  process.stdout.write(`Archive Reader is serving ${context.archivePath} at ${server.url}\n`);
  const lan = server.listeners.filter((listener) => !isLoopbackAddress(listener.address));
  if (context.lan) {
    const [first] = lan;
    const writeLink =
      context.writeToken && token && first
        ? urlFor(first.address, Number(new URL(first.url).port), `?token=${token}`)
        : null;
    process.stdout.write(await describeLan(lan, writeLink));
  } else if (context.writeToken && token) {
    process.stdout.write(`Write token, shown only this once: ${token}\n`);
  }
  if (server.listeners.some((listener) => listener.access === 'read-only')) {
    process.stderr.write(
      'The API is read-only off this machine (search and reading only): give --token TOKEN or --write-token to allow ' +
        'changes with "Authorization: Bearer TOKEN".\n',
    );
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await host.close();
  return 0;
}
