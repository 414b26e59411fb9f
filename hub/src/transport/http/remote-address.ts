import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** The peer's address when the request came over a real socket (absent under `app.request()` in tests). */
export function remoteAddress(c: Context): string | null {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? null;
}
