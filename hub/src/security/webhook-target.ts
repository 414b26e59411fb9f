import { hostname, networkInterfaces } from 'node:os';

/**
 * Whether a webhook URL would reach this hub itself (#16): a port the hub listens on, at an address of this machine —
 * loopback (127.0.0.0/8, ::1, localhost), the unspecified address, an address of one of its network interfaces, its
 * host name or the names it answers to. The webhook is a request the hub makes, so pointing it at the hub would let
 * the outbox post clients' messages into the hub's own routes. A gateway on this machine at another port (a local
 * SMS modem's service) stays allowed; link-local and metadata addresses are refused already by the input's schema
 * (shared/src/domain/webhook-host.ts). Node's URL parser reads the host as a browser would (one-number and hex IPv4
 * forms become dotted), so those forms cannot slip past.
 */
export function webhookReachesHub(url: string, hubPorts: readonly number[], hostNames: readonly string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
  if (!hubPorts.includes(port)) return false;
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return machineNames(hostNames).has(host) || isLoopbackOrUnspecified(host);
}

function isLoopbackOrUnspecified(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(host) || host === '0.0.0.0') return true;
  if (host === '::1' || host === '::') return true;
  // IPv4-mapped loopback as Node's URL writes it: ::ffff:7f00:1 (127.0.0.1) and the like.
  return /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host) || host === '::ffff:0:0';
}

/** This machine's addresses and names, as a URL's host would write them (lower case, IPv6 without zone). */
function machineNames(hostNames: readonly string[]): Set<string> {
  const names = new Set<string>(hostNames.map((n) => n.toLowerCase()));
  const own = hostname().toLowerCase();
  names.add(own);
  names.add(`${own}.local`);
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) names.add(address.address.toLowerCase().replace(/%.*$/, ''));
  }
  return names;
}
