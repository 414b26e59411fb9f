import type { MiddlewareHandler } from 'hono';
import type { SecurityLog } from '../../services/security-log.ts';
import { refuse, toAppError } from '../../services/app-error.ts';
import type { HostCheck } from './host-allow-list.ts';
import { languageFrom } from './language.ts';
import { remoteAddress } from './remote-address.ts';

/**
 * Refuses, before any route sees it, a request under a name the hub does not answer to (a DNS-rebinding page, or a
 * name the salon has not configured): 421 Misdirected Request with a message in the user's language that says what
 * to do; JSON on the API, plain text for a page. Each refusal goes to the security log.
 */
export function hostGuard(allowed: HostCheck, securityLog: SecurityLog): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host');
    if (allowed(host)) return next();
    securityLog.record({ kind: 'host_refused', address: remoteAddress(c), detail: (host ?? '').slice(0, 200) });
    const error = toAppError(refuse('forbidden', 'unknown_host', { host: (host ?? '').slice(0, 100) }), languageFrom(c.req.header('accept-language')));
    c.header('Cache-Control', 'no-store');
    return c.req.path.startsWith('/api/') ? c.json({ ok: false, error }, 421) : c.text(error.message, 421);
  };
}
