import { createTranslator, salonDay, type Booking, type Language, type MessageKey } from '@glow/shared';
import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import type { HubCore } from '../../hub-core.ts';
import { aftercareSettingsOf } from '../../services/aftercare-settings.ts';
import { invalidInput } from '../../services/app-error.ts';
import { bookingSettingsOf, canChangeOnline, findBookingLink, type BookingLink } from '../../services/booking-access.ts';
import { decideBookingCancel, decideBookingMove } from '../../services/booking-change.service.ts';
import { BookQuerySchema, CancelFormSchema, MoveFormSchema, readForm } from './booking-forms.ts';
import { bookingPageContext } from './booking.layout.ts';
import { cancelPage, managePage, movePage, type BookingSummary } from './booking.pages.ts';
import { slotPicker, statusOf } from './booking-picker.ts';
import { languageFrom } from './language.ts';
import { guardPhoneForms, linkNotFound as notFound } from './phone-routes.ts';

const FORM_LIMIT = 8 * 1024;
const NOTICES: Record<string, MessageKey> = {
  confirmed: 'phone.booking.confirmed',
  moved: 'phone.booking.moved',
  cancelled: 'phone.booking.cancelledNow',
};
type Status = 200 | 400 | 404 | 409 | 503;

/**
 * A booking's own link, `/b/<token>` (purpose `booking`, stored hashed): the booking and its check-in QR, and moving
 * or cancelling it until the salon's cutoff; after it, the page says to call the salon. Unknown, tampered, expired
 * and revoked tokens all answer the same 404 page.
 */
export function bookingLinkRoutes(core: HubCore): Hono {
  const app = new Hono();
  const now = () => core.deps.clock();

  guardPhoneForms(app, ['*'], FORM_LIMIT);

  const found = (c: Context): BookingLink | null => findBookingLink(core.engine.state, c.req.param('token') ?? '', now());
  const languageOf = (c: Context, link: BookingLink, posted?: unknown) =>
    languageFrom(undefined, (typeof posted === 'string' ? posted : undefined) ?? c.req.query('lang') ?? link.client.language);
  const base = (c: Context) => `/b/${c.req.param('token')}`;
  const contextFor = (c: Context, language: Language) => bookingPageContext(c, core.engine.state, language);
  const summaryOf = (b: Booking, link: BookingLink): BookingSummary => ({
    serviceName: link.service.name,
    startsAt: b.startsAt,
    staffName: b.anyStaff ? null : (core.engine.state.staff[b.staffId ?? '']?.name ?? null),
    state: b.state,
  });

  const renderManage = async (c: Context, link: BookingLink, lang: Language, error: string | null = null, status: Status = 200) => {
    const state = core.engine.state;
    const settings = bookingSettingsOf(state);
    const b = link.booking;
    const t = now();
    const done = c.req.query('done');
    const notice = done && NOTICES[done] ? createTranslator(lang)(NOTICES[done]) : null;
    // The QR is the link itself: the kiosk reads the token from it. Shown only while there is something to check in.
    const url = `${new URL(c.req.url).origin}${base(c)}`;
    const qrSvg = b.state === 'booked' ? await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null;
    return c.html(
      managePage(contextFor(c, lang), {
        firstName: link.client.firstName,
        booking: summaryOf(b, link),
        qrSvg,
        changeUntil: canChangeOnline(b, settings, t) ? b.startsAt - settings.changeCutoffHours * 3_600_000 : null,
        cutoffHours: settings.changeCutoffHours,
        salonPhone: aftercareSettingsOf(state).contact.phone,
        moveLink: `${base(c)}/move?lang=${lang}`,
        cancelLink: `${base(c)}/cancel?lang=${lang}`,
        notice,
        error,
      }),
      status,
    );
  };

  app.get('/:token', async (c) => {
    const link = found(c);
    if (!link) return notFound(c);
    return renderManage(c, link, languageOf(c, link));
  });

  const renderCancel = (c: Context, link: BookingLink, lang: Language, error: string | null = null, status: Status = 200) =>
    c.html(
      cancelPage(contextFor(c, lang), {
        booking: summaryOf(link.booking, link),
        action: `${base(c)}/cancel`,
        backLink: `${base(c)}?lang=${lang}`,
        error,
      }),
      status,
    );

  app.get('/:token/cancel', (c) => {
    const link = found(c);
    if (!link) return notFound(c);
    // Past the cutoff (or already cancelled) the booking page says what to do instead.
    if (!canChangeOnline(link.booking, bookingSettingsOf(core.engine.state), now())) return renderManage(c, link, languageOf(c, link));
    return renderCancel(c, link, languageOf(c, link));
  });

  app.post('/:token/cancel', async (c) => {
    const link = found(c);
    if (!link) return notFound(c);
    const body = await readForm(c);
    const lang = languageOf(c, link, body.lang);
    const form = CancelFormSchema.safeParse(body);
    if (!form.success) return renderCancel(c, link, lang, invalidInput(form.error.issues, lang).message, 400);
    const ack = await core.engine.execute({ command: 'booking:cancel', commandId: form.data.commandId, sender: `booking:${link.booking.id}`, language: lang }, (state, at) =>
      decideBookingCancel(state, at, link.booking.id),
    );
    if (!ack.ok) return renderManage(c, found(c) ?? link, lang, ack.error.message, statusOf(ack.error.code));
    return c.redirect(`${base(c)}?lang=${lang}&done=cancelled`, 303);
  });

  const renderMove = (c: Context, link: BookingLink, lang: Language, day: string | undefined, error: string | null = null, status: Status = 200) => {
    const b = link.booking;
    // Without a chosen day, start on the booking's own day (moving is usually to another time that day).
    const ownDay = salonDay(b.startsAt, core.engine.state.meta.floor.timeZone) ?? undefined;
    return c.html(
      movePage(contextFor(c, lang), {
        booking: summaryOf(b, link),
        picker: slotPicker(core.engine.state, link.service, b.anyStaff ? null : b.staffId, now(), { day: day ?? ownDay, ignoreBookingId: b.id }, {
          action: `${base(c)}/move`,
          hidden: { lang },
          dayLink: (d) => `${base(c)}/move?${new URLSearchParams({ day: d, lang }).toString()}`,
        }),
        backLink: `${base(c)}?lang=${lang}`,
        error,
      }),
      status,
    );
  };

  app.get('/:token/move', (c) => {
    const link = found(c);
    if (!link) return notFound(c);
    if (!canChangeOnline(link.booking, bookingSettingsOf(core.engine.state), now())) return renderManage(c, link, languageOf(c, link));
    return renderMove(c, link, languageOf(c, link), BookQuerySchema.parse({ day: c.req.query('day') }).day);
  });

  app.post('/:token/move', async (c) => {
    const link = found(c);
    if (!link) return notFound(c);
    const body = await readForm(c);
    const lang = languageOf(c, link, body.lang);
    const form = MoveFormSchema.safeParse(body);
    if (!form.success) return renderMove(c, link, lang, undefined, invalidInput(form.error.issues, lang).message, 400);
    const { commandId, startsAt } = form.data;
    const ack = await core.engine.execute({ command: 'booking:move', commandId, sender: `booking:${link.booking.id}`, language: lang }, (state, at) =>
      decideBookingMove(state, at, { bookingId: link.booking.id, startsAt }, { tokenHash: link.tokenHash }),
    );
    if (!ack.ok) {
      const fresh = found(c) ?? link;
      if (ack.error.code === 'conflict' && (ack.error.reason === 'change_cutoff' || ack.error.reason === 'booking_not_active')) {
        return renderManage(c, fresh, lang, ack.error.message, 409);
      }
      return renderMove(c, fresh, lang, undefined, ack.error.message, statusOf(ack.error.code));
    }
    return c.redirect(`${base(c)}?lang=${lang}&done=moved`, 303);
  });

  return app;
}
