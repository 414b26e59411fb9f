import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { refuse, toAppError } from '../../services/app-error.ts';
import type { SecurityLog } from '../../services/security-log.ts';
import { languageFrom } from './language.ts';
import { remoteAddress } from './remote-address.ts';
import { isSameOrigin } from './same-origin.ts';

/**
 * The largest body any route takes (a problem report with its photo: 5 MB plus the form). Routes set their own,
 * smaller limits; this one is the net under every route, including routes added later without one.
 */
export const LARGEST_BODY_BYTES = 6 * 1024 * 1024;

const lang = (c: Context) => languageFrom(c.req.header('accept-language'));
const isMutating = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';

/**
 * A page from another site must not change anything through any route, whatever the route would say to the rest of
 * the request (an unknown token must not answer 404 to it first). `Origin: null` passes here: the phone pages' own
 * forms send it under `Referrer-Policy: no-referrer`, and their routes hold a secret token anyway. The API refuses
 * it as well (http-app.ts). Each refusal goes to the security log.
 */
export const foreignOriginGuard =
  (securityLog: SecurityLog): MiddlewareHandler =>
  async (c, next) => {
    const origin = c.req.header('origin');
    if (isMutating(c.req.method) && origin !== undefined && origin !== 'null' && !isSameOrigin(origin, c.req.header('host'))) {
      return refuseOrigin(c, securityLog);
    }
    return next();
  };

/** The refusal of a request from another site's page: 403 in the user's language, recorded with where it came from. */
export function refuseOrigin(c: Context, securityLog: SecurityLog): Response {
  securityLog.record({ kind: 'origin_refused', address: remoteAddress(c), detail: `${c.req.method} ${c.req.path} from ${(c.req.header('origin') ?? '').slice(0, 100)}`.slice(0, 200) });
  return c.json({ ok: false, error: toAppError(refuse('forbidden'), lang(c)) }, 403);
}

export const largestBodyLimit: MiddlewareHandler = bodyLimit({
  maxSize: LARGEST_BODY_BYTES,
  onError: (c) => {
    // The rest of the body is never read, so the connection cannot be reused.
    c.header('Connection', 'close');
    return c.json({ ok: false, error: toAppError(refuse('payload_too_large'), lang(c)) }, 413);
  },
});
