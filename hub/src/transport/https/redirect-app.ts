import { Hono } from 'hono';
import QRCode from 'qrcode';
import type { SecurityLog } from '../../services/security-log.ts';
import { hostName, type HostCheck } from '../http/host-allow-list.ts';
import { hostGuard } from '../http/host-guard.ts';
import { languageFrom } from '../http/language.ts';
import { phonePageHeaders } from '../http/phone-page.ts';
import { caMadeAt } from './stale-trust.ts';
import type { TlsMaterial } from './tls-source.ts';
import { trustPage } from './trust.page.ts';

export type RedirectAppOptions = {
  allowedHost: HostCheck;
  securityLog: SecurityLog;
  /** The port the HTTPS server listens on. */
  httpsPort: () => number;
  /** What the HTTPS server serves now (null before it has started). */
  material: () => TlsMaterial | null;
  /** The LAN address a tablet can reach, for the QR code when this page is opened on the hub itself (localhost). */
  lanHost: () => string | null;
  /** The hub's own app, which answers the phone pages here too. */
  phonePages: (request: Request, env: unknown) => Response | Promise<Response>;
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The plain-HTTP side of the hub (#14): every request is redirected to the same address over HTTPS, except the page a
 * new tablet needs before it can trust HTTPS (/trust), the CA certificate it downloads there, and the client's phone
 * pages (/a/…, /b/…): a client's phone never trusts the hub's CA, the pages need no secure context (no script), and
 * their links carry their own secret token, so they are answered here rather than behind a certificate warning. The
 * Host allow-list holds here too: a redirect to an attacker's name would be no better than an answer.
 */
export function createRedirectApp(o: RedirectAppOptions): Hono {
  const app = new Hono();
  app.use('*', hostGuard(o.allowedHost, o.securityLog));
  const nameOf = (host: string | undefined) => hostName(host ?? '') ?? 'localhost';
  const httpsOrigin = (name: string) => `https://${name}${o.httpsPort() === 443 ? '' : `:${o.httpsPort()}`}`;

  app.use('/trust', phonePageHeaders);
  app.get('/trust', async (c) => {
    const material = o.material();
    if (!material) return c.text('Starting…', 503);
    const name = nameOf(c.req.header('host'));
    const language = languageFrom(c.req.header('accept-language'), c.req.query('lang'));
    // A page opened on the hub machine itself (localhost) shows a QR code a tablet can actually reach.
    const qrHost = LOOPBACK.has(name) ? (o.lanHost() ?? c.req.header('host') ?? name) : (c.req.header('host') ?? name);
    const qrSvg = await QRCode.toString(`http://${qrHost}/trust`, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return c.html(trustPage({ language, caAvailable: material.caCertPem !== null, caMadeAt: material.caCertPem ? caMadeAt(material.caCertPem) : null, fingerprint: material.fingerprint, appUrl: `${httpsOrigin(name)}/`, qrSvg }));
  });
  app.get('/trust/glow-hub-ca.crt', (c) => {
    const ca = o.material()?.caCertPem;
    if (!ca) return c.text('Not found', 404);
    c.header('Content-Type', 'application/x-x509-ca-cert');
    c.header('Content-Disposition', 'attachment; filename="glow-hub-ca.crt"');
    c.header('Cache-Control', 'no-cache');
    return c.body(ca);
  });
  app.all('/a/*', (c) => o.phonePages(c.req.raw, c.env));
  app.all('/b/*', (c) => o.phonePages(c.req.raw, c.env));
  app.all('*', (c) => {
    const url = new URL(c.req.url);
    return c.redirect(`${httpsOrigin(nameOf(c.req.header('host')))}${url.pathname}${url.search}`, 308);
  });
  return app;
}
