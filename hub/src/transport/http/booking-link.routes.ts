import type { Language } from '@glow/shared';
import { Hono, type Context } from 'hono';
import type { HubCore } from '../../hub-core.ts';
import type { BookingLink } from '../../services/booking-access.ts';
import { decideBookingCancel, decideBookingMove } from '../../services/booking-change.service.ts';
import { BOOKING_FORM_BYTES, BookQuerySchema, CancelFormSchema, invalidBookingForm, MoveFormSchema } from './booking-forms.ts';
import { bookingLinkPages } from './booking-link.render.ts';
import { statusOf } from './booking-picker.ts';
import { languageFrom } from './language.ts';
import { phoneRoutes, type Problem } from './phone-form.ts';
import { guardPhonePages } from './phone-guards.ts';

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
  const { changeable, drawManage, drawCancel, drawMove } = bookingLinkPages(reads, now);
  /** A refused change: the booking page, as it is now, says why. */
  const refusedOnManage = (c: Context, link: BookingLink, lang: Language, message: string, status: Problem['status']) =>
    drawManage(c, find(c) ?? link, lang, { message, status });

  routes.page('/:token', (c, link, language) => drawManage(c, link, language));

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
