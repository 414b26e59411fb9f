/**
 * Checks of the addresses the manager types for the outbox (#16). Pure; the hub checks them again on every command.
 */

/** A DNS name or an IPv4/IPv6 literal, as an SMTP host may be given. */
export function isHostName(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  if (/^\[?[0-9a-fA-F:]+\]?$/.test(value) && value.includes(':')) return true;
  return value.split('.').every((label) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
}

/**
 * A webhook URL: http or https, a host (name or IP, IPv6 in brackets), an optional port, an optional path and query;
 * no user name or password in it (they would be shown on the screen and logged), no fragment, no spaces. Plain http
 * is allowed for a gateway on the salon's own network. (shared has no `URL`: the hub parses it again to send.)
 */
const HTTP_URL = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?(\/[^\s#]*)?(\?[^\s#]*)?$/i;

export function isHttpUrl(value: string): boolean {
  const match = HTTP_URL.exec(value);
  if (!match) return false;
  const host = match[1]!;
  if (!host.startsWith('[') && !isHostName(host)) return false;
  const port = match[2] ? Number(match[2].slice(1)) : 80;
  return port >= 1 && port <= 65_535;
}
