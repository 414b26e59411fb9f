import { Hono, type Context } from 'hono';
import type { HubCore } from '../../hub-core.ts';
import type { AftercareLink } from '../../services/aftercare.service.ts';
import { decideBookingConfirm } from '../../services/booking-confirm.service.ts';
import { decideBookingHold } from '../../services/booking-hold.service.ts';
import { sha256 } from '../../security/secrets.ts';
import { ANYONE, BOOKING_FORM_BYTES, BookQuerySchema, ConfirmFormSchema, HoldFormSchema, invalidBookingForm } from './booking-forms.ts';
import { statusOf } from './booking-picker.ts';
import { languageFrom } from './language.ts';
import { phoneRoutes } from './phone-form.ts';
import { guardPhonePages } from './phone-guards.ts';
import { rebookRender } from './rebook.render.ts';

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

  const { drawBook, drawHold } = rebookRender(reads, now);

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
