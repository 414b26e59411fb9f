import type { Booking, Language } from '@glow/shared';
import type { Context } from 'hono';
import QRCode from 'qrcode';
import { canChangeOnline, type BookingLink } from '../../services/booking-access.ts';
import type { HubReads } from '../../services/reads.ts';
import { bookingPageContext } from './booking.layout.ts';
import { cancelPage, managePage, movePage, type BookingSummary } from './booking.pages.ts';
import { slotPicker } from './booking-picker.ts';
import type { Problem } from './phone-form.ts';
import { phoneTranslator, type PhoneMessageKey } from './phone-messages.ts';

const NOTICES: Record<string, PhoneMessageKey> = {
  confirmed: 'phone.booking.confirmed',
  moved: 'phone.booking.moved',
  cancelled: 'phone.booking.cancelledNow',
};

/**
 * What the pages of a booking's own link show (booking-link.routes.ts says which page answers what): the booking with
 * its check-in QR, the cancel question and the move picker, each read from the records as they are now.
 */
export function bookingLinkPages(reads: HubReads, now: () => number) {
  const base = (c: Context) => `/b/${c.req.param('token')}`;
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

  return { changeable, drawManage, drawCancel, drawMove };
}
