import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { refuse, toAppError } from '../../services/app-error.ts';
import type { SecurityLog } from '../../services/security-log.ts';
import { languageFrom } from './language.ts';
import { remoteAddress } from './remote-address.ts';
import { isSameOrigin } from './same-origin.ts';

/**
 * The one set of request guards of every HTTP route: where a request may come from (Origin, Fetch Metadata) and how
 * large its body may be. The Host allow-list runs before all of them (host-guard.ts); the pairing route adds its
 * per-address failure limit (failure-limiter.ts); phone forms put these together in phone-guards.ts.
 */

/**
 * The largest body any route takes (a problem report with its photo: 5 MB plus the form). Routes set their own,
 * smaller limits; this one is the net under every route, including routes added later without one.
 */
export const LARGEST_BODY_BYTES = 6 * 1024 * 1024;

const lang = (c: Context) => languageFrom(c.req.header('accept-language'));
const isMutating = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';

/**
 * Whether a request comes from another site's page. `Origin: null` passes only where `nullOrigin` says so: the phone
 * pages' own forms send it under `Referrer-Policy: no-referrer` (their routes hold a secret token anyway); the API
 * refuses it.
 */
export function isForeignOrigin(c: Context, nullOrigin: 'allow' | 'refuse'): boolean {
  const origin = c.req.header('origin');
  if (origin === 'null' && nullOrigin === 'allow') return false;
  return !isSameOrigin(origin, c.req.header('host'));
}

/**
 * A form from another site, for the phone pages: the pages say `no-referrer`, so the browser sends `Origin: null`
 * even for their own forms; Fetch Metadata (`Sec-Fetch-Site`) tells where the form really came from, and a real
 * Origin must be ours.
 */
export function isCrossSiteForm(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  return isForeignOrigin(c, 'allow');
}

/**
 * A page from another site must not change anything through the routes under this guard, whatever the route would
 * say to the rest of the request (an unknown token must not answer 404 to it first). Each refusal goes to the
 * security log.
 */
export const foreignOriginGuard =
  (securityLog: SecurityLog, nullOrigin: 'allow' | 'refuse'): MiddlewareHandler =>
  async (c, next) => (isMutating(c.req.method) && isForeignOrigin(c, nullOrigin) ? refuseOrigin(c, securityLog) : next());

/** The refusal of a request from another site's page: 403 in the user's language, recorded with where it came from. */
function refuseOrigin(c: Context, securityLog: SecurityLog): Response {
  securityLog.record({ kind: 'origin_refused', address: remoteAddress(c), detail: `${c.req.method} ${c.req.path} from ${(c.req.header('origin') ?? '').slice(0, 100)}`.slice(0, 200) });
  return c.json({ ok: false, error: toAppError(refuse('forbidden'), lang(c)) }, 403);
}

/**
 * A body limit whose refusal is `tooLarge` (JSON by default; a phone page answers with a page). The rest of the body
 * is never read, so the connection cannot be reused: the answer says so.
 */
export function limitBody(maxSize: number, tooLarge: (c: Context) => Response | Promise<Response> = jsonTooLarge): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      c.header('Connection', 'close');
      return tooLarge(c);
    },
  });
}

const jsonTooLarge = (c: Context) => c.json({ ok: false, error: toAppError(refuse('payload_too_large'), lang(c)) }, 413);

export const largestBodyLimit: MiddlewareHandler = limitBody(LARGEST_BODY_BYTES);
