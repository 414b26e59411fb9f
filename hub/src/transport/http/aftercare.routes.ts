import { Hono } from 'hono';
import type { HubCore } from '../../hub-core.ts';
import { findAftercareSheet } from '../../services/aftercare.service.ts';
import { aftercarePage, linkNotFoundPage } from './aftercare.page.ts';
import { languageFrom } from './language.ts';

/** The client's aftercare sheet behind the QR code. Unknown, expired and revoked links answer exactly alike. */
export function aftercareRoutes(core: HubCore): Hono {
  return new Hono().get('/:token', (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Robots-Tag', 'noindex');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    const sheet = findAftercareSheet(core.engine.state, c.req.param('token'), core.deps.clock());
    const override = c.req.query('lang');
    if (!sheet) return c.html(linkNotFoundPage(languageFrom(c.req.header('accept-language'), override)), 404);
    return c.html(aftercarePage(sheet, languageFrom(undefined, override ?? sheet.language)));
  });
}
