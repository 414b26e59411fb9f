import { CommandIdSchema, type Language } from '@glow/shared';
import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { HubCore } from '../../hub-core.ts';
import { decideMarketingOptOut } from '../../services/aftercare-opt-out.service.ts';
import type { AftercareLink } from '../../services/aftercare.service.ts';
import { MAX_REPORTS_PER_VISIT } from '../../services/complaint.service.ts';
import { aftercareSender, reportForm } from './aftercare-report.form.ts';
import { aftercarePage, optOutPage, printPage, reportPage, type PaperSize } from './aftercare.page.ts';
import { languageFrom } from './language.ts';
import { phoneRoutes, type Fields, type Problem } from './phone-form.ts';
import { guardPhonePages } from './phone-guards.ts';
import { phoneTranslator } from './phone-messages.ts';

const OptOutFormSchema = z.object({ commandId: CommandIdSchema });

/**
 * The client's phone pages behind the aftercare QR code: the sheet, its print view, the problem report and the
 * marketing opt-out. No JavaScript; every answer is `no-store` with no referrer. Unknown, malformed, expired and
 * revoked links answer exactly alike (status, body, headers). `/a/<token>/book` belongs to the booking routes.
 */
export function aftercareRoutes(core: HubCore): Hono {
  const app = new Hono();
  const { reads } = core;
  const now = () => core.deps.clock();
  guardPhonePages(app, ['*']);
  const routes = phoneRoutes<AftercareLink>(app, {
    find: (c) => reads.aftercareLink(c.req.param('token') ?? '', now()),
    /** The language of the page: `?lang=` when the client picked one, else the visit's, else the browser's. */
    languageOf: (c, link) => languageFrom(c.req.header('accept-language'), c.req.query('lang') ?? link.visit.language),
    engine: core.engine,
  });
  const base = (c: Context) => `/a/${c.req.param('token')}`;

  routes.page('/:token', (c, link, language) => {
    const notice = c.req.query('reported') ? 'reported' : c.req.query('optedOut') ? 'optedOut' : null;
    const reportWindowDays = reads.aftercareSettings().reportWindowDays;
    const bookings = reads.bookingsFromVisit(link.visit.id, link.client.id, now());
    return c.html(aftercarePage(reads.aftercareSheet(link, now()), { base: base(c), language, notice, reportWindowDays, bookings }));
  });

  routes.page('/:token/print', async (c, link, language) => {
    const size: PaperSize = c.req.query('size') === 'A4' ? 'A4' : 'A5';
    const url = `${new URL(c.req.url).origin}${base(c)}`;
    // An inline SVG: crisp at any print size, and no image request (the CSP allows none from elsewhere anyway).
    const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
    return c.html(printPage(reads.aftercareSheet(link, now()), { base: base(c), language, size, qrSvg, expiresAt: link.link.expiresAt }));
  });

  /** The report form, blank or again with a problem and what the client typed. */
  const drawReport = (c: Context, link: AftercareLink, language: Language, problem: Problem | null, values: Fields) =>
    c.html(
      reportPage(reads.aftercareSheet(link, now()), {
        base: base(c),
        language,
        commandId: core.deps.newId(),
        error: problem?.message ?? null,
        values,
        reportWindowDays: reads.aftercareSettings().reportWindowDays,
        limitReached: reads.reportsOnVisit(link.visit.id) >= MAX_REPORTS_PER_VISIT,
      }),
      problem?.status ?? 200,
    );
  routes.page('/:token/report', (c, link, language) => drawReport(c, link, language, null, {}));
  routes.form('/:token/report', reportForm(core, core.photos, drawReport));

  /** The opt-out page; once done, it says when. */
  const drawOptOut = (c: Context, link: AftercareLink, language: Language, problem: Problem | null) => {
    const sheet = reads.aftercareSheet(link, now());
    const last = (link.client.consents ?? []).filter((x) => x.kind === 'marketing').at(-1);
    const doneAt = sheet.marketingOptedOut && last ? last.at : null;
    return c.html(optOutPage(sheet, { base: base(c), language, commandId: core.deps.newId(), doneAt, error: problem?.message ?? null }), problem?.status ?? 200);
  };
  routes.page('/:token/opt-out', (c, link, language) => drawOptOut(c, link, language, null));
  routes.form('/:token/opt-out', {
    schema: OptOutFormSchema,
    maxBytes: 4 * 1024,
    render: drawOptOut,
    invalid: (_issues, language) => phoneTranslator(language)('error.form', { fields: phoneTranslator(language)('optOut.title') }),
    tooLarge: (language) => phoneTranslator(language)('error.too_large'),
    command: 'marketing:optOut',
    sender: aftercareSender,
    decide: (_input, _link, c) => (s, at) => decideMarketingOptOut(s, at, c.req.param('token') ?? ''),
    done: (c, _link, language) => `${base(c)}/opt-out?lang=${language}`,
    refused: (c, link, language) => drawOptOut(c, link, language, { message: phoneTranslator(language)('error.unavailable'), status: 503 }),
  });

  return app;
}
