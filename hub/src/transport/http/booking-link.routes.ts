import { type Booking, type Language } from '@glow/shared';
import { Hono, type Context } from 'hono';
import QRCode from 'qrcode';
import type { HubCore } from '../../hub-core.ts';
import { canChangeOnline, type BookingLink } from '../../services/booking-access.ts';
import { decideBookingCancel, decideBookingMove } from '../../services/booking-change.service.ts';
import { BOOKING_FORM_BYTES, BookQuerySchema, CancelFormSchema, invalidBookingForm, MoveFormSchema } from './booking-forms.ts';
import { bookingPageContext } from './booking.layout.ts';
import { cancelPage, managePage, movePage, type BookingSummary } from './booking.pages.ts';
import { slotPicker, statusOf } from './booking-picker.ts';
import { languageFrom } from './language.ts';
import { phoneRoutes, type Problem } from './phone-form.ts';
import { guardPhonePages } from './phone-guards.ts';
import { phoneTranslator, type PhoneMessageKey } from './phone-messages.ts';

const NOTICES: Record<string, PhoneMessageKey> = {
  confirmed: 'phone.booking.confirmed',
  moved: 'phone.booking.moved',
  cancelled: 'phone.booking.cancelledNow',
};

/**
 * A booking's own link, `/b/<token>` (purpose `booking`, stored hashed): the booking and its check-in QR, and moving
 * or cancelling it until the salon's cutoff; after it, the page says to call the salon. Unknown, tampered, expired
 * and revoked tokens all answer the same 404 page.
 */
export function bookingLinkRoutes(core: HubCore): Hono {
  const app = new Hono();
  const { reads } = core;
  const now = () => core.deps.clock();
  guardPhonePages(app, ['*']);
  const find = (c: Context) => reads.bookingLink(c.req.param('token') ?? '', now());
  const routes = phoneRoutes<BookingLink>(app, {
    find,
    languageOf: (c, link, posted) => languageFrom(undefined, posted ?? c.req.query('lang') ?? link.client.language),
    engine: core.engine,
  });
  const base = (c: Context) => `/b/${c.req.param('token')}`;
  const sender = (link: BookingLink) => `booking:${link.booking.id}`;
  const changeable = (link: BookingLink) => canChangeOnline(link.booking, reads.bookingSettings(), now());
  const summaryOf = (b: Booking, link: BookingLink): BookingSummary => ({
    serviceName: link.service.name,
    startsAt: b.startsAt,
    staffName: b.anyStaff ? null : reads.staffName(b.staffId ?? ''),
    state: b.state,
  });

  /** The booking, its QR while there is something to check in, and what can still be done with it. */
  const drawManage = async (c: Context, link: BookingLink, lang: Language, problem: Problem | null = null) => {
    const settings = reads.bookingSettings();
    const b = link.booking;
    const done = c.req.query('done');
    // The QR is the link itself: the kiosk reads the token from it.
    const url = `${new URL(c.req.url).origin}${base(c)}`;
    const qrSvg = b.state === 'booked' ? await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) : null;
    return c.html(
      managePage(bookingPageContext(c, reads, lang), {
        firstName: link.client.firstName,
        booking: summaryOf(b, link),
        qrSvg,
        changeUntil: changeable(link) ? b.startsAt - settings.changeCutoffHours * 3_600_000 : null,
        cutoffHours: settings.changeCutoffHours,
        salonPhone: reads.aftercareSettings().contact.phone,
        moveLink: `${base(c)}/move?lang=${lang}`,
        cancelLink: `${base(c)}/cancel?lang=${lang}`,
        notice: done && NOTICES[done] ? phoneTranslator(lang)(NOTICES[done]) : null,
        error: problem?.message ?? null,
      }),
      problem?.status ?? 200,
    );
  };
  /** A refused change: the booking page, as it is now, says why. */
  const refusedOnManage = (c: Context, link: BookingLink, lang: Language, message: string, status: Problem['status']) =>
    drawManage(c, find(c) ?? link, lang, { message, status });

  routes.page('/:token', (c, link, language) => drawManage(c, link, language));

  const drawCancel = (c: Context, link: BookingLink, lang: Language, problem: Problem | null = null) =>
    c.html(
      cancelPage(bookingPageContext(c, reads, lang), {
        booking: summaryOf(link.booking, link),
        action: `${base(c)}/cancel`,
        backLink: `${base(c)}?lang=${lang}`,
        error: problem?.message ?? null,
      }),
      problem?.status ?? 200,
    );

  // Past the cutoff (or already cancelled) the booking page says what to do instead.
  routes.page('/:token/cancel', (c, link, language) => (changeable(link) ? drawCancel(c, link, language) : drawManage(c, link, language)));
  routes.form('/:token/cancel', {
    schema: CancelFormSchema,
    maxBytes: BOOKING_FORM_BYTES,
    render: (c, link, language, problem) => drawCancel(c, link, language, problem),
    invalid: invalidBookingForm,
    command: 'booking:cancel',
    sender,
    decide: (_input, link) => (state, at) => decideBookingCancel(state, at, link.booking.id),
    done: (c, _link, language) => `${base(c)}?lang=${language}&done=cancelled`,
    refused: (c, link, language, error) => refusedOnManage(c, link, language, error.message, statusOf(error.code)),
  });

  const drawMove = (c: Context, link: BookingLink, lang: Language, day: string | undefined, problem: Problem | null = null) => {
    const b = link.booking;
    // Without a chosen day, start on the booking's own day (moving is usually to another time that day).
    const picker = slotPicker(reads, link.service, b.anyStaff ? null : b.staffId, now(), { day: day ?? reads.salonDayOf(b.startsAt) ?? undefined, ignoreBookingId: b.id }, {
      action: `${base(c)}/move`,
      hidden: { lang },
      dayLink: (d) => `${base(c)}/move?${new URLSearchParams({ day: d, lang }).toString()}`,
    });
    return c.html(
      movePage(bookingPageContext(c, reads, lang), { booking: summaryOf(b, link), picker, backLink: `${base(c)}?lang=${lang}`, error: problem?.message ?? null }),
      problem?.status ?? 200,
    );
  };

  routes.page('/:token/move', (c, link, language) =>
    changeable(link) ? drawMove(c, link, language, BookQuerySchema.parse({ day: c.req.query('day') }).day) : drawManage(c, link, language),
  );
  routes.form('/:token/move', {
    schema: MoveFormSchema,
    maxBytes: BOOKING_FORM_BYTES,
    render: (c, link, language, problem) => drawMove(c, link, language, undefined, problem),
    invalid: invalidBookingForm,
    command: 'booking:move',
    sender,
    decide: ({ startsAt }, link) => (state, at) => decideBookingMove(state, at, { bookingId: link.booking.id, startsAt }, { tokenHash: link.tokenHash }),
    done: (c, _link, language) => `${base(c)}?lang=${language}&done=moved`,
    refused: (c, link, language, error) =>
      error.code === 'conflict' && (error.reason === 'change_cutoff' || error.reason === 'booking_not_active')
        ? refusedOnManage(c, link, language, error.message, 409)
        : drawMove(c, find(c) ?? link, language, undefined, { message: error.message, status: statusOf(error.code) }),
  });

  return app;
}
