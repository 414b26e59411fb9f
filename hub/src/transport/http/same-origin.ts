/**
 * True when a request may change things: it has no Origin (not sent by a browser page: curl, a test, a native
 * client) or its Origin is this very host. Used for mutating routes and the socket handshake.
 */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
