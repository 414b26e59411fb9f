import { followUpPlan, salonDay, type Language } from '@glow/shared';
import { Hono, type Context } from 'hono';
import type { HubCore } from '../../hub-core.ts';
import { findAftercareLink, type AftercareLink } from '../../services/aftercare.service.ts';
import { aftercareSettingsOf } from '../../services/aftercare-settings.ts';
import { invalidInput, refuse, toAppError } from '../../services/app-error.ts';
import { bookingToken, qualifiedStaff } from '../../services/booking-access.ts';
import { decideBookingConfirm } from '../../services/booking-confirm.service.ts';
import { decideBookingHold } from '../../services/booking-hold.service.ts';
import { sha256 } from '../../security/secrets.ts';
import { ANYONE, BookQuerySchema, ConfirmFormSchema, HoldFormSchema, readForm } from './booking-forms.ts';
import { bookingPageContext } from './booking.layout.ts';
import { holdPage, rebookPage } from './booking.pages.ts';
import { slotPicker, statusOf } from './booking-picker.ts';
import { languageFrom } from './language.ts';
import { guardPhoneForms, linkNotFound as notFound } from './phone-routes.ts';

/** Form posts are a few short fields. */
const FORM_LIMIT = 8 * 1024;

/**
 * Rebooking from the aftercare page (`/a/<token>/book`): the aftercare link says who the client is. Pick → hold
 * (a few minutes) → confirm → the booking's own link `/b/<token>`. Every step is a page or a form post; unknown,
 * expired and revoked links answer exactly like an unknown one.
 */
export function rebookRoutes(core: HubCore): Hono {
  const app = new Hono();
  const now = () => core.deps.clock();

  guardPhoneForms(app, ['/:token/book', '/:token/book/*'], FORM_LIMIT);

  const found = (c: Context): AftercareLink | null => findAftercareLink(core.engine.state, c.req.param('token') ?? '', now());
  const languageOf = (c: Context, link: AftercareLink, posted?: string) =>
    languageFrom(undefined, posted ?? c.req.query('lang') ?? link.visit.language);
  const base = (c: Context) => `/a/${c.req.param('token')}`;

  /** The book page, with the choices from the query (or a refused form's), and a message if a form was refused. */
  const renderBook = (
    c: Context,
    link: AftercareLink,
    language: Language,
    choice: { service?: string | undefined; staff?: string | undefined; day?: string | undefined },
    error: string | null = null,
    status: 200 | 400 | 404 | 409 | 503 = 200,
  ) => {
    const state = core.engine.state;
    const services = Object.values(state.services).sort((a, b) => a.name.en.localeCompare(b.name.en));
    // Preselected: the treatment just done (its course's next date is recommended on the day list).
    const service = (choice.service && state.services[choice.service]) || link.service;
    const staff = qualifiedStaff(state, service);
    const staffId = choice.staff && choice.staff !== ANYONE && staff.some((s) => s.id === choice.staff) ? choice.staff : null;
    const timeZone = state.meta.floor.timeZone;
    const recommendedAt =
      service.id === link.service.id && link.visit.times.closed !== undefined
        ? followUpPlan(link.visit.times.closed, aftercareSettingsOf(state), service.aftercareGuide, timeZone).nextTreatmentAt
        : null;
    const recommendedDay = recommendedAt === null ? null : salonDay(recommendedAt, timeZone);
    const query = (day: string, lang: Language = language) => {
      const q = new URLSearchParams({ service: service.id, staff: staffId ?? ANYONE, day, lang });
      return `${base(c)}/book?${q.toString()}`;
    };
    const picker = slotPicker(state, service, staffId, now(), { day: choice.day, recommendedDay }, {
      action: `${base(c)}/book/hold`,
      hidden: { service: service.id, staff: staffId ?? ANYONE, lang: language },
      dayLink: query,
    });
    // The page may answer a refused hold (a POST): its language links go to the book page with the same choices.
    const ctx = { ...bookingPageContext(c, state, language), langLink: (l: Language) => query(picker.day, l) };
    return c.html(
      rebookPage(ctx, {
        firstName: link.client.firstName,
        services: services.map((s) => ({ id: s.id, name: s.name, durationMin: s.durationMin })),
        serviceId: service.id,
        staff: staff.map((s) => ({ id: s.id, name: s.name })),
        staffId,
        picker,
        aftercareLink: `${base(c)}?lang=${language}`,
        error,
      }),
      status,
    );
  };

  app.get('/:token/book', (c) => {
    const link = found(c);
    if (!link) return notFound(c);
    const q = BookQuerySchema.parse({ service: c.req.query('service'), staff: c.req.query('staff'), day: c.req.query('day') });
    return renderBook(c, link, languageOf(c, link), q);
  });

  app.post('/:token/book/hold', async (c) => {
    const link = found(c);
    if (!link) return notFound(c);
    const body = await readForm(c);
    const lang = languageOf(c, link, typeof body.lang === 'string' ? body.lang : undefined);
    const form = HoldFormSchema.safeParse(body);
    const choice = { service: str(body.service), staff: str(body.staff) };
    if (!form.success) return renderBook(c, link, lang, choice, invalidInput(form.error.issues, lang).message, 400);
    const { commandId, service, staff, startsAt } = form.data;
    const ack = await core.engine.execute({ command: 'booking:hold', commandId, sender: `visit:${link.visit.id}`, language: lang }, (state, at) =>
      decideBookingHold(state, at, { clientId: link.client.id, serviceId: service, staffId: staff === ANYONE ? null : staff, startsAt }, core.deps.newId),
    );
    if (!ack.ok) {
      const day = salonDay(startsAt, core.engine.state.meta.floor.timeZone) ?? undefined;
      return renderBook(c, link, lang, { ...choice, day }, ack.error.message, statusOf(ack.error.code));
    }
    return c.redirect(`${base(c)}/book/confirm/${ack.data.bookingId}?lang=${lang}`, 303);
  });

  /** The held slot, if it is this client's. */
  const heldOf = (link: AftercareLink, bookingId: string) => {
    const booking = core.engine.state.bookings[bookingId];
    return booking && booking.clientId === link.client.id ? booking : null;
  };

  const renderHold = (c: Context, link: AftercareLink, lang: Language, error: string | null, status: 200 | 400 | 404 | 409 | 503 = 200) => {
    const state = core.engine.state;
    const booking = heldOf(link, c.req.param('bookingId') ?? '');
    if (!booking) return notFound(c);
    const service = state.services[booking.serviceId];
    if (!service) return notFound(c);
    // Already confirmed (the browser's Back after confirming, a second tab): the booking's own page, not a dead end.
    if (booking.state === 'booked' || booking.state === 'checked_in') {
      return c.redirect(`/b/${bookingToken(state.meta.sessionKey, booking.id)}?lang=${lang}`, 303);
    }
    const t = now();
    const problem =
      error ??
      (booking.state !== 'held'
        ? invalidReason(lang, 'booking_not_held')
        : booking.holdExpiresAt === null || booking.holdExpiresAt <= t
          ? invalidReason(lang, 'hold_expired')
          : null);
    const back = new URLSearchParams({ service: booking.serviceId, staff: booking.anyStaff ? ANYONE : (booking.staffId ?? ANYONE), lang });
    return c.html(
      holdPage(bookingPageContext(c, state, lang), {
        booking: {
          serviceName: service.name,
          startsAt: booking.startsAt,
          staffName: booking.anyStaff ? null : (state.staff[booking.staffId ?? '']?.name ?? null),
          state: booking.state,
        },
        holdExpiresAt: booking.holdExpiresAt ?? t,
        confirmAction: `${base(c)}/book/confirm/${booking.id}`,
        backLink: `${base(c)}/book?${back.toString()}`,
        error: problem,
      }),
      problem && status === 200 ? 409 : status,
    );
  };

  app.get('/:token/book/confirm/:bookingId', (c) => {
    const link = found(c);
    if (!link) return notFound(c);
    return renderHold(c, link, languageOf(c, link), null);
  });

  app.post('/:token/book/confirm/:bookingId', async (c) => {
    const link = found(c);
    if (!link) return notFound(c);
    const body = await readForm(c);
    const lang = languageOf(c, link, typeof body.lang === 'string' ? body.lang : undefined);
    const form = ConfirmFormSchema.safeParse(body);
    if (!form.success) return renderHold(c, link, lang, invalidInput(form.error.issues, lang).message, 400);
    const bookingId = c.req.param('bookingId');
    const token = bookingToken(core.engine.state.meta.sessionKey, bookingId);
    const ctx = { tokenHash: sha256(token), fromVisitId: link.visit.id };
    const ack = await core.engine.execute({ command: 'booking:confirm', commandId: form.data.commandId, sender: `visit:${link.visit.id}`, language: lang }, (state, at) =>
      decideBookingConfirm(state, at, { bookingId, clientId: link.client.id }, ctx),
    );
    if (!ack.ok) return renderHold(c, link, lang, ack.error.message, statusOf(ack.error.code));
    return c.redirect(`/b/${token}?lang=${lang}&done=confirmed`, 303);
  });

  return app;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const invalidReason = (lang: Language, reason: string): string => toAppError(refuse('conflict', reason), lang).message;
