import { followUpPlan, type Language } from '@glow/shared';
import type { Context } from 'hono';
import type { AftercareLink } from '../../services/aftercare.service.ts';
import { refuse, toAppError } from '../../services/app-error.ts';
import type { HubReads } from '../../services/reads.ts';
import { ANYONE } from './booking-forms.ts';
import { bookingPageContext } from './booking.layout.ts';
import { holdPage, rebookPage } from './booking.pages.ts';
import { slotPicker } from './booking-picker.ts';
import type { Problem } from './phone-form.ts';
import { linkNotFound } from './phone-routes.ts';

export type Choice = { service?: string | undefined; staff?: string | undefined; day?: string | undefined };

/**
 * What the rebooking pages show (booking.routes.ts says which page answers what): the book page with its slot picker,
 * and the held slot to confirm, each read from the records as they are now.
 */
export function rebookRender(reads: HubReads, now: () => number) {
  const base = (c: Context) => `/a/${c.req.param('token')}`;

  /** The book page, with the choices from the query (or a refused form's), and a message if a form was refused. */
  const drawBook = (c: Context, link: AftercareLink, language: Language, choice: Choice, problem: Problem | null = null) => {
    // Preselected: the treatment just done (its course's next date is recommended on the day list).
    const service = (choice.service && reads.service(choice.service)) || link.service;
    const staff = reads.qualifiedStaff(service);
    const staffId = choice.staff && choice.staff !== ANYONE && staff.some((s) => s.id === choice.staff) ? choice.staff : null;
    const closedAt = link.visit.times.closed;
    const recommendedAt =
      service.id === link.service.id && closedAt !== undefined
        ? followUpPlan(closedAt, reads.aftercareSettings(), service.aftercareGuide, reads.timeZone()).nextTreatmentAt
        : null;
    const recommendedDay = recommendedAt === null ? null : reads.salonDayOf(recommendedAt);
    const query = (day: string, lang: Language = language) =>
      `${base(c)}/book?${new URLSearchParams({ service: service.id, staff: staffId ?? ANYONE, day, lang }).toString()}`;
    const picker = slotPicker(reads, service, staffId, now(), { day: choice.day, recommendedDay }, {
      action: `${base(c)}/book/hold`,
      hidden: { service: service.id, staff: staffId ?? ANYONE, lang: language },
      dayLink: query,
    });
    // The page may answer a refused hold (a POST): its language links go to the book page with the same choices.
    const ctx = { ...bookingPageContext(c, reads, language), langLink: (l: Language) => query(picker.day, l) };
    const services = reads.servicesByName().map((s) => ({ id: s.id, name: s.name, durationMin: s.durationMin }));
    return c.html(
      rebookPage(ctx, {
        firstName: link.client.firstName,
        services,
        serviceId: service.id,
        staff: staff.map((s) => ({ id: s.id, name: s.name })),
        staffId,
        picker,
        aftercareLink: `${base(c)}?lang=${language}`,
        error: problem?.message ?? null,
      }),
      problem?.status ?? 200,
    );
  };

  /** The held slot, if it is this client's: confirm it, or (expired, released) say why and offer another time. */
  const drawHold = (c: Context, link: AftercareLink, language: Language, problem: Problem | null = null) => {
    const booking = reads.booking(c.req.param('bookingId') ?? '');
    const service = booking && booking.clientId === link.client.id ? reads.service(booking.serviceId) : undefined;
    if (!booking || !service) return linkNotFound(c);
    // Already confirmed (the browser's Back after confirming, a second tab): the booking's own page, not a dead end.
    if (booking.state === 'booked' || booking.state === 'checked_in') return c.redirect(`/b/${reads.bookingTokenFor(booking.id)}?lang=${language}`, 303);
    const t = now();
    const gone = booking.state !== 'held' ? 'booking_not_held' : booking.holdExpiresAt === null || booking.holdExpiresAt <= t ? 'hold_expired' : null;
    const message = problem?.message ?? (gone ? toAppError(refuse('conflict', gone), language).message : null);
    const back = new URLSearchParams({ service: booking.serviceId, staff: booking.anyStaff ? ANYONE : (booking.staffId ?? ANYONE), lang: language });
    const staffName = booking.anyStaff ? null : reads.staffName(booking.staffId ?? '');
    return c.html(
      holdPage(bookingPageContext(c, reads, language), {
        booking: { serviceName: service.name, startsAt: booking.startsAt, staffName, state: booking.state },
        holdExpiresAt: booking.holdExpiresAt ?? t,
        confirmAction: `${base(c)}/book/confirm/${booking.id}`,
        backLink: `${base(c)}/book?${back.toString()}`,
        error: message,
      }),
      problem?.status ?? (message ? 409 : 200),
    );
  };

  return { drawBook, drawHold };
}
