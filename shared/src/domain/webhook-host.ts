/**
 * Where a salon's webhook may point (#16). The webhook is a request the hub makes on the manager's word, so an address
 * must not turn the hub into a way to places no SMS or WeChat gateway lives: link-local addresses (169.254.0.0/16 and
 * fe80::/10, where cloud metadata services answer), the unspecified address (0.0.0.0, ::, which reach the machine
 * itself), cloud metadata names, and IPv4 addresses written in a form no one types for a gateway (one number, hex or
 * octal parts, fewer than four parts — the usual way round a block list). A gateway on the salon's network (10.x,
 * 192.168.x, a .local name, plain http) and a service on the Internet are what a salon needs, and stay allowed.
 * (The hub refuses its own port as well: only it knows where it listens, hub/src/security/webhook-target.ts.)
 * Pure: shared has no URL parser, so the host is read with the same pattern as isHttpUrl.
 */

const HOST_OF_URL = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)/i;

/** Cloud metadata services reached by name. */
const METADATA_NAMES = new Set(['metadata', 'metadata.google.internal', 'instance-data', 'instance-data.ec2.internal', 'metadata.azure.internal']);

/** The four octets of a dotted IPv4 address typed the ordinary way (four decimal parts, no leading zeros), else null. */
function plainIpv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** Whether a host's last label is a number: a URL parser then reads the whole host as an IPv4 address. */
const readAsIpv4 = (host: string): boolean => /^(0x[0-9a-f]*|\d+)$/i.test(host.split('.').filter(Boolean).at(-1) ?? '');

const linkLocalOrUnspecified4 = ([a, b]: number[]): boolean => (a === 169 && b === 254) || a === 0;

/** An IPv6 literal's eight 16-bit groups, or null when it is not one (an embedded dotted IPv4 tail is read too). */
function ipv6Groups(literal: string): number[] | null {
  let text = literal.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const octets = plainIpv4(dotted[1]!);
    if (!octets) return null;
    text = `${text.slice(0, -dotted[1]!.length)}${((octets[0]! << 8) | octets[1]!).toString(16)}:${((octets[2]! << 8) | octets[3]!).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const read = (s: string) => (s === '' ? [] : s.split(':'));
  const head = read(halves[0]!);
  const tail = halves.length === 2 ? read(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

/**
 * Why a webhook URL may not be used, or null when it may: 'url_internal' for a link-local, unspecified or metadata
 * address, or an IPv4 address in an unusual form. (Whether it is an http(s) URL at all is isHttpUrl's question.)
 */
export function webhookHostProblem(url: string): 'url_internal' | null {
  const match = HOST_OF_URL.exec(url.trim());
  if (!match) return null;
  const host = match[1]!.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) {
    const groups = ipv6Groups(host.slice(1, -1));
    if (!groups) return 'url_internal';
    if (groups.every((g) => g === 0)) return 'url_internal';
    if ((groups[0]! & 0xffc0) === 0xfe80) return 'url_internal';
    // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d, not ::1) addresses are their IPv4 address.
    const mapped = groups[5] === 0xffff || (groups[5] === 0 && groups[6] !== 0);
    if (groups.slice(0, 5).every((g) => g === 0) && mapped) {
      const v4 = [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff];
      if (linkLocalOrUnspecified4(v4)) return 'url_internal';
    }
    return null;
  }
  if (METADATA_NAMES.has(host)) return 'url_internal';
  if (!readAsIpv4(host)) return null;
  const octets = plainIpv4(host);
  if (!octets) return 'url_internal';
  return linkLocalOrUnspecified4(octets) ? 'url_internal' : null;
}

/** The same question for the SMTP server the manager names (a DNS name or an IP literal, IPv6 without brackets). */
export const isAllowedSmtpHost = (host: string): boolean =>
  webhookHostProblem(`http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}/`) === null;

/** Whether the hub may send to this webhook URL (see webhookHostProblem). */
export const isAllowedWebhookHost = (url: string): boolean => webhookHostProblem(url) === null;
