import { isIP } from 'node:net';

/**
 * The names the hub answers to (DESIGN §6, DNS rebinding). A page on the internet can rebind its own DNS name to the
 * hub's LAN address: the browser then sends that name in Host and Origin alike, so the Origin check passes. Only the
 * Host name tells such a request apart, so every HTTP route and the socket handshake check it against this list.
 *
 * Always allowed: loopback names and IP literals (a rebinding page cannot make a browser send an IP address as Host:
 * that would be the hub's own origin, and the hub's address may change under DHCP without a restart). Anything else
 * must be a name the hub was told about (its hostname, `<hostname>.local`, names the salon configures).
 * A request without a Host header passes: browsers always send one, so it is not a browser page.
 */
export type HostCheck = (hostHeader: string | undefined) => boolean;

const LOOPBACK_NAMES = ['localhost'];

export function hostAllowList(names: readonly string[]): HostCheck {
  const allowed = new Set([...LOOPBACK_NAMES, ...names.map(normalise)].filter((n) => n !== ''));
  return (hostHeader) => {
    if (hostHeader === undefined) return true;
    const name = hostName(hostHeader);
    if (name === null) return false;
    return isIP(name.replace(/^\[|\]$/g, '')) !== 0 || allowed.has(name) || name.endsWith('.localhost');
  };
}

/** The name part of a Host header, lower-case, without port or trailing dot; null when it is not a valid host. */
export function hostName(hostHeader: string): string | null {
  if (hostHeader === '' || /[\s/\\?#@]/.test(hostHeader)) return null;
  try {
    return normalise(new URL(`http://${hostHeader}`).hostname);
  } catch {
    return null;
  }
}

const normalise = (name: string) => name.trim().toLowerCase().replace(/\.$/, '');
