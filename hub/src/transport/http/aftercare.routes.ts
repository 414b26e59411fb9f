import { CommandIdSchema, ProblemReportInputSchema, reportWindowOpen, type Language } from '@glow/shared';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import QRCode from 'qrcode';
import type { HubCore } from '../../hub-core.ts';
import { sha256 } from '../../security/secrets.ts';
import { decideMarketingOptOut } from '../../services/aftercare-opt-out.service.ts';
import { cleanPhoto, MAX_PHOTO_BYTES } from '../../services/aftercare-photo.ts';
import { aftercareSettingsOf } from '../../services/aftercare-settings.ts';
import { buildAftercareSheet, findAftercareLink, type AftercareLink } from '../../services/aftercare.service.ts';
import { decideReportProblem, MAX_REPORTS_PER_VISIT } from '../../services/complaint.service.ts';
import { bookingsFromVisit } from '../../services/visit-bookings.ts';
import { phoneTranslator, type PhoneMessageKey, type PhoneTranslate } from './aftercare.messages.ts';
import {
  aftercarePage,
  optOutPage,
  printPage,
  reportPage,
  type PaperSize,
  type ReportValues,
} from './aftercare.page.ts';
import { languageFrom } from './language.ts';
import { phonePageHeaders } from './phone-page.ts';
import { foreignFormPage, isForeignForm, linkNotFound as notFound } from './phone-routes.ts';

/** The report form carries a photo of up to 5 MB; the rest of the form is small. Only that route gets this limit. */
const REPORT_BODY_LIMIT = MAX_PHOTO_BYTES + 64 * 1024;
const SMALL_FORM_LIMIT = 4 * 1024;

/**
 * The client's phone pages behind the aftercare QR code: the sheet, its print view, the problem report and the
 * marketing opt-out. No JavaScript; every answer is `no-store` with no referrer. Unknown, malformed, expired and
 * revoked links answer exactly alike (status, body, headers). `/a/<token>/book` belongs to the booking routes.
 */
export function aftercareRoutes(core: HubCore): Hono {
  const app = new Hono();

  app.use('*', phonePageHeaders);

  /** The language of the page: `?lang=` when the client picked one, else the visit's, else the browser's. */
  const languageOf = (c: Context, found: AftercareLink): Language =>
    languageFrom(c.req.header('accept-language'), c.req.query('lang') ?? found.visit.language);
  const lookUp = (c: Context) => findAftercareLink(core.engine.state, c.req.param('token') ?? '', core.deps.clock());
  const base = (c: Context) => `/a/${c.req.param('token')}`;
  type Page = Response | Promise<Response>;
  /**
   * A body limit for a link's form; a larger post gets the form again with the message, or the 404 of an unknown
   * link. The rest of the body is never read, so the connection cannot be reused.
   */
  const formLimit = (maxSize: number, form: (c: Context, found: AftercareLink, error: string) => Page) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        c.header('Connection', 'close');
        const found = lookUp(c);
        return found ? form(c, found, phoneTranslator(languageOf(c, found))('error.too_large')) : notFound(c);
      },
    });
  type Post = { found: AftercareLink; language: Language; t: PhoneTranslate; body: Record<string, string | File> };
  /**
   * What every form post on a link's page does first: the link (or the 404), the client's language, refusing a form
   * from another site, and reading the body (an unreadable one answers `unreadable`).
   */
  const readPost = async (c: Context, unreadable: (post: Omit<Post, 'body'>) => Page): Promise<Post | Response> => {
    const found = lookUp(c);
    if (!found) return notFound(c);
    const language = languageOf(c, found);
    const t = phoneTranslator(language);
    if (isForeignForm(c)) return foreignFormPage(c, language);
    try {
      return { found, language, t, body: await c.req.parseBody() };
    } catch {
      return unreadable({ found, language, t });
    }
  };

  app.get('/:token', (c) => {
    const found = lookUp(c);
    if (!found) return notFound(c);
    const language = languageOf(c, found);
    const sheet = buildAftercareSheet(core.engine.state, found, core.deps.clock());
    const notice = c.req.query('reported') ? 'reported' : c.req.query('optedOut') ? 'optedOut' : null;
    const reportWindowDays = aftercareSettingsOf(core.engine.state).reportWindowDays;
    const bookings = bookingsFromVisit(core.engine.state, found.visit.id, found.client.id, core.deps.clock());
    return c.html(aftercarePage(sheet, { base: base(c), language, notice, reportWindowDays, bookings }));
  });

  app.get('/:token/print', async (c) => {
    const found = lookUp(c);
    if (!found) return notFound(c);
    const language = languageOf(c, found);
    const size: PaperSize = c.req.query('size') === 'A4' ? 'A4' : 'A5';
    const url = `${new URL(c.req.url).origin}${base(c)}`;
    // An inline SVG: crisp at any print size, and no image request (the CSP allows none from elsewhere anyway).
    const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
    const sheet = buildAftercareSheet(core.engine.state, found, core.deps.clock());
    return c.html(printPage(sheet, { base: base(c), language, size, qrSvg, expiresAt: found.link.expiresAt }));
  });

  const reportForm = (c: Context, found: AftercareLink, error: string | null, values: ReportValues, status: 200 | 400 | 409 | 413 | 503) => {
    const state = core.engine.state;
    const reports = Object.values(state.complaints).filter((x) => x.visitId === found.visit.id).length;
    return c.html(
      reportPage(buildAftercareSheet(state, found, core.deps.clock()), {
        base: base(c),
        language: languageOf(c, found),
        commandId: core.deps.newId(),
        error,
        values,
        reportWindowDays: aftercareSettingsOf(state).reportWindowDays,
        limitReached: reports >= MAX_REPORTS_PER_VISIT,
      }),
      status,
    );
  };

  app.get('/:token/report', (c) => {
    const found = lookUp(c);
    return found ? reportForm(c, found, null, {}, 200) : notFound(c);
  });

  app.post(
    '/:token/report',
    formLimit(REPORT_BODY_LIMIT, (c, found, error) => reportForm(c, found, error, {}, 413)),
    async (c) => {
      const post = await readPost(c, ({ found, t }) => reportForm(c, found, t('error.form', { fields: t('report.title') }), {}, 400));
      if (post instanceof Response) return post;
      const { found, language, t, body } = post;
      const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
      const values: ReportValues = { kind: text('kind'), since: text('since'), description: text('description'), contact: text('contact') };
      const input = ProblemReportInputSchema.safeParse(values);
      const commandId = CommandIdSchema.safeParse(text('commandId'));
      if (!input.success || !commandId.success) {
        const labels: Record<string, PhoneMessageKey> = {
          kind: 'report.kind',
          since: 'report.since',
          description: 'report.description',
          contact: 'report.contact',
        };
        const fields = input.success ? [t('report.title')] : [...new Set(input.error.issues.map((i) => t(labels[String(i.path[0])] ?? 'report.title')))];
        return reportForm(c, found, t('error.form', { fields: fields.join(', ') }), values, 400);
      }
      // A form sent twice (a double tap, a reload after a slow answer) counts once.
      if (core.engine.answered(commandId.data, linkSender(c.req.param('token')))) return c.redirect(`${base(c)}?lang=${language}&reported=1#problems-list`, 303);

      const file = body.photo;
      let photo = null;
      let blobId: string | null = null;
      if (file instanceof File && file.size > 0) {
        const clean = await cleanPhoto(new Uint8Array(await file.arrayBuffer()));
        if (typeof clean === 'string') return reportForm(c, found, t(`error.${clean}`), values, clean === 'photo_too_large' ? 413 : 400);
        blobId = core.deps.newId();
        // On disk (fsync'd) before the command that names it is journaled.
        await core.deps.store.putBlob(blobId, clean.bytes);
        photo = { blobId, type: 'image/jpeg' as const, width: clean.width, height: clean.height, bytes: clean.bytes.byteLength };
      }
      const token = c.req.param('token');
      const complaintId = core.deps.newId();
      const ack = await core.engine.execute({ command: 'problem:report', commandId: commandId.data, sender: linkSender(token), language }, (s, now) =>
        decideReportProblem(s, now, token, input.data, {
          complaintId,
          photo,
          reportOpen: (closedAt) => reportWindowOpen(closedAt, aftercareSettingsOf(s), s.meta.floor.timeZone, now),
        }),
      );
      // A refused report, or a retry answered with the first report, leaves no photo behind.
      if (blobId && (!ack.ok || ack.data.complaintId !== complaintId)) await core.deps.store.deleteBlob(blobId).catch(() => {});
      if (!ack.ok) {
        const reason = ack.error.reason;
        if (reason === 'unknown_link') return notFound(c);
        if (reason === 'report_window_closed' || reason === 'too_many_reports') return reportForm(c, found, t(`error.${reason}`), values, 409);
        return reportForm(c, found, t('error.unavailable'), values, 503);
      }
      return c.redirect(`${base(c)}?lang=${language}&reported=1#problems-list`, 303);
    },
  );

  const optOutForm = (c: Context, found: AftercareLink, error: string | null, status: 200 | 400 | 503) => {
    const state = core.engine.state;
    const sheet = buildAftercareSheet(state, found, core.deps.clock());
    const last = (found.client.consents ?? []).filter((x) => x.kind === 'marketing').at(-1);
    const doneAt = sheet.marketingOptedOut && last ? last.at : null;
    return c.html(optOutPage(sheet, { base: base(c), language: languageOf(c, found), commandId: core.deps.newId(), doneAt, error }), status);
  };

  app.get('/:token/opt-out', (c) => {
    const found = lookUp(c);
    return found ? optOutForm(c, found, null, 200) : notFound(c);
  });

  app.post(
    '/:token/opt-out',
    formLimit(SMALL_FORM_LIMIT, (c, found, error) => optOutForm(c, found, error, 400)),
    async (c) => {
      const post = await readPost(c, ({ found, t }) => optOutForm(c, found, t('error.form', { fields: t('optOut.title') }), 400));
      if (post instanceof Response) return post;
      const { found, language, t, body } = post;
      const commandId = CommandIdSchema.safeParse(body.commandId);
      if (!commandId.success) return optOutForm(c, found, t('error.form', { fields: t('optOut.title') }), 400);
      const token = c.req.param('token');
      const ack = await core.engine.execute({ command: 'marketing:optOut', commandId: commandId.data, sender: linkSender(token), language }, (s, now) =>
        decideMarketingOptOut(s, now, token),
      );
      if (!ack.ok) return ack.error.reason === 'unknown_link' ? notFound(c) : optOutForm(c, found, t('error.unavailable'), 503);
      return c.redirect(`${base(c)}/opt-out?lang=${language}`, 303);
    },
  );

  return app;
}

/** Whom a page's form speaks for, for the command record: the aftercare link it was sent from (its hash, not the token). */
const linkSender = (token: string): string => `aftercare:${sha256(token)}`;
