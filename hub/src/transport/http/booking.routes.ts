import { followUpPlan, type Language } from '@glow/shared';
import { Hono, type Context } from 'hono';
import type { HubCore } from '../../hub-core.ts';
import type { AftercareLink } from '../../services/aftercare.service.ts';
import { refuse, toAppError } from '../../services/app-error.ts';
import { decideBookingConfirm } from '../../services/booking-confirm.service.ts';
import { decideBookingHold } from '../../services/booking-hold.service.ts';
import { sha256 } from '../../security/secrets.ts';
import { ANYONE, BOOKING_FORM_BYTES, BookQuerySchema, ConfirmFormSchema, HoldFormSchema, invalidBookingForm } from './booking-forms.ts';
import { bookingPageContext } from './booking.layout.ts';
import { holdPage, rebookPage } from './booking.pages.ts';
import { slotPicker, statusOf } from './booking-picker.ts';
import { languageFrom } from './language.ts';
import { phoneRoutes, type Problem } from './phone-form.ts';
import { guardPhonePages } from './phone-guards.ts';
import { linkNotFound } from './phone-routes.ts';

type Choice = { service?: string | undefined; staff?: string | undefined; day?: string | undefined };

/**
 * Rebooking from the aftercare page (`/a/<token>/book`): the aftercare link says who the client is. Pick → hold
 * (a few minutes) → confirm → the booking's own link `/b/<token>`. Every step is a page or a form post; unknown,
 * expired and revoked links answer exactly like an unknown one.
 */
export function rebookRoutes(core: HubCore): Hono {
  const app = new Hono();
  const { reads } = core;
  const now = () => core.deps.clock();
  guardPhonePages(app, ['/:token/book', '/:token/book/*']);
  const routes = phoneRoutes<AftercareLink>(app, {
    find: (c) => reads.aftercareLink(c.req.param('token') ?? '', now()),
    languageOf: (c, link, posted) => languageFrom(undefined, posted ?? c.req.query('lang') ?? link.visit.language),
    engine: core.engine,
  });
  const base = (c: Context) => `/a/${c.req.param('token')}`;
  const sender = (link: AftercareLink) => `visit:${link.visit.id}`;

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

  routes.page('/:token/book', (c, link, language) =>
    drawBook(c, link, language, BookQuerySchema.parse({ service: c.req.query('service'), staff: c.req.query('staff'), day: c.req.query('day') })),
  );

  routes.form('/:token/book/hold', {
    schema: HoldFormSchema,
    maxBytes: BOOKING_FORM_BYTES,
    render: (c, link, language, problem, fields) => drawBook(c, link, language, { service: fields.service, staff: fields.staff }, problem),
    invalid: invalidBookingForm,
    command: 'booking:hold',
    sender,
    decide: ({ service, staff, startsAt }, link) => (state, at) =>
      decideBookingHold(state, at, { clientId: link.client.id, serviceId: service, staffId: staff === ANYONE ? null : staff, startsAt }, core.deps.newId),
    done: (c, _link, language, held) => `${base(c)}/book/confirm/${held.bookingId}?lang=${language}`,
    // A refused slot: the same day again, with its free times.
    refused: (c, link, language, error, fields) =>
      drawBook(c, link, language, { service: fields.service, staff: fields.staff, day: reads.salonDayOf(Number(fields.startsAt)) ?? undefined }, {
        message: error.message,
        status: statusOf(error.code),
      }),
  });

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

  routes.page('/:token/book/confirm/:bookingId', (c, link, language) => drawHold(c, link, language));

  routes.form('/:token/book/confirm/:bookingId', {
    schema: ConfirmFormSchema,
    maxBytes: BOOKING_FORM_BYTES,
    render: (c, link, language, problem) => drawHold(c, link, language, problem),
    invalid: invalidBookingForm,
    command: 'booking:confirm',
    sender,
    decide: (_input, link, c) => {
      const bookingId = c.req.param('bookingId') ?? '';
      const ctx = { tokenHash: sha256(reads.bookingTokenFor(bookingId)), fromVisitId: link.visit.id };
      return (state, at) => decideBookingConfirm(state, at, { bookingId, clientId: link.client.id }, ctx);
    },
    done: (c, _link, language) => `/b/${reads.bookingTokenFor(c.req.param('bookingId') ?? '')}?lang=${language}&done=confirmed`,
  });

  return app;
}
