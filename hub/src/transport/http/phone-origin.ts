import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as TlsServer } from 'node:tls';

/**
 * Where a client's phone reaches the hub: the hub's own network address (deps.phoneHost) with the port and scheme it
 * listens on. Links the phone opens (the aftercare QR) are built from it, never from the name a tablet happened to
 * use: a tablet opened at `localhost` would otherwise encode `localhost`, which no phone can open. Null when the hub
 * has no network address to give (tests on loopback): the tablet then uses its own origin.
 */
export function phoneOriginOf(server: HttpServer, phoneHost: string | undefined): string | null {
  const address = server.address() as AddressInfo | null;
  if (!phoneHost || !address) return null;
  const host = phoneHost.includes(':') ? `[${phoneHost}]` : phoneHost;
  return `${server instanceof TlsServer ? 'https' : 'http'}://${host}:${address.port}`;
}
