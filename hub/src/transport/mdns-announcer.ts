import { Bonjour } from 'bonjour-service';
import type { Logger } from '../logger.ts';

/** A running announcement; `stop` says goodbye on the network (tablets forget the name at once) and closes the socket. */
export type MdnsAnnouncement = { readonly hostName: string; stop(): Promise<void> };

/**
 * Announces the hub by mDNS (#14) so that tablets can open `https://<name>.local:<port>/` without knowing its address,
 * where the salon's network passes multicast: the name's address records and an `_https._tcp` service ("Glow hub")
 * for browsers of services. Networks that block multicast (guest Wi-Fi isolation) need a fixed address instead (README).
 * A failure to announce is logged and never stops the hub.
 */
export function announceHub(options: { name: string; port: number; logger: Logger }): MdnsAnnouncement {
  const hostName = `${options.name}.local`;
  const bonjour = new Bonjour({}, (err: unknown) => options.logger.warn({ err }, 'mDNS: cannot announce the hub on this network'));
  const service = bonjour.publish({ name: 'Glow hub', type: 'https', port: options.port, host: hostName, txt: { path: '/' } });
  service.on('error', (err: unknown) => options.logger.warn({ err, hostName }, 'mDNS: the announcement failed (is the name taken?)'));
  return {
    hostName,
    stop: () =>
      new Promise<void>((resolve) => {
        bonjour.unpublishAll(() => bonjour.destroy(() => resolve()));
      }),
  };
}
