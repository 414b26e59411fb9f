import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { MAX_PAYLOAD_BYTES } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { refuse, toAppError } from '../../services/app-error.ts';
import { aftercareRoutes } from './aftercare.routes.ts';
import { bookingLinkRoutes } from './booking-link.routes.ts';
import { rebookRoutes } from './booking.routes.ts';
import { deviceRoutes } from './devices.routes.ts';
import { setupRoutes } from './setup.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { languageFrom } from './language.ts';
import { CSP_DIRECTIVES } from './csp.ts';
import { hostAllowList } from './host-allow-list.ts';
import { hostGuard } from './host-guard.ts';
import { foreignOriginGuard, largestBodyLimit, limitBody } from './request-guards.ts';
import { linkNotFound, withoutLinkToken } from './phone-routes.ts';
import { spa } from './static.routes.ts';

/** Every HTTP route of the hub: the API, the phone pages and the two built apps. */
export function createHttpApp(core: HubCore): Hono {
  const app = new Hono();
  const lang = (c: { req: { header: (n: string) => string | undefined } }) => languageFrom(c.req.header('accept-language'));

  // First of all: a request under a name that is not the hub's (DNS rebinding) gets nothing, not even headers' worth.
  app.use('*', hostGuard(hostAllowList(core.deps.hostNames ?? []), core.securityLog));

  app.use(
    '*',
    secureHeaders({
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: false,
      // A route that sets its own header keeps it: the phone pages set a stricter CSP (no script at all).
      overwrite: false,
      // No inline scripts anywhere; the apps' pages add the hashes of their own (static.routes.ts, csp.ts).
      contentSecurityPolicy: { ...CSP_DIRECTIVES },
    }),
  );

  // The API takes small JSON bodies, and never a request from another site's page (nor an `Origin: null` one).
  app.use('/api/*', limitBody(MAX_PAYLOAD_BYTES));
  app.use('/api/*', foreignOriginGuard(core.securityLog, 'refuse'));
  // Every other route (phone pages, booking links) refuses other sites too, and a size limit is under all of them.
  app.use('*', foreignOriginGuard(core.securityLog, 'allow'));
  app.use('*', largestBodyLimit);

  app.route('/api/health', healthRoutes(core));
  app.route('/api/devices', deviceRoutes(core));
  app.route('/api/setup', setupRoutes(core));
  app.all('/api/*', (c) => c.json({ ok: false, error: toAppError(refuse('not_found'), lang(c)) }, 404));
  // Rebooking (`/a/<token>/book…`) is mounted first so its paths are never taken for an aftercare sub-page.
  app.route('/a', rebookRoutes(core));
  app.route('/a', aftercareRoutes(core));
  app.route('/b', bookingLinkRoutes(core));
  // A phone link no route knows (an empty or mangled token) is a link not found, not the kiosk app under a phone
  // page's CSP (found by the route fuzzing in tests/security).
  app.all('/a/*', linkNotFound);
  app.all('/b/*', linkNotFound);

  const dirs = core.deps.staticDirs;
  if (dirs) {
    app.get('/staff', (c) => c.redirect('/staff/'));
    app.use('/staff/*', spa(dirs.staff, '/staff'));
    // The kiosk has one page: any other path is a mistyped link, answered with the phone pages' styled 404.
    app.use('/*', spa(dirs.kiosk, '', linkNotFound));
  }

  app.onError((err, c) => {
    core.deps.logger.error({ err, path: withoutLinkToken(c.req.path) }, 'HTTP route failed');
    return c.json({ ok: false, error: toAppError(refuse('internal'), lang(c)) }, 500);
  });
  return app;
}
