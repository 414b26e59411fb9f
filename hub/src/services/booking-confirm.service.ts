import { bookingReminder, findSlot, type Booking } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { bookingLinkExpiry, bookingSettingsOf, slotQuery } from './booking-access.ts';
import type { Decision } from './hub-engine.ts';

export type ConfirmContext = {
  /** The hash of the new booking link's token: the only form of the token the hub keeps. */
  tokenHash: string;
  /** The visit whose aftercare page the client booked from. */
  fromVisitId: string;
};

/**
 * The client confirms a held slot: it becomes a booking with its day-before reminder and its own link (manage it,
 * check in with its QR). A hold that ran out no longer counts (someone else may have the slot by now): the client
 * picks again. The slot is checked once more, so nothing that slipped past the hold can be double-booked.
 */
export function decideBookingConfirm(
  state: Readonly<HubState>,
  now: number,
  input: { bookingId: string; clientId: string },
  /** null for a booking made at the front desk: the client has no page it was booked from, so no link is made. */
  ctx: ConfirmContext | null,
): Decision<{ bookingId: string; startsAt: number }> | Refusal {
  const held = state.bookings[input.bookingId];
  if (!held || held.clientId !== input.clientId) return refuse('not_found', 'unknown_booking');
  if (held.state !== 'held') return refuse('conflict', 'booking_not_held');
  if (held.holdExpiresAt === null || held.holdExpiresAt <= now) return refuse('conflict', 'hold_expired');
  const service = state.services[held.serviceId];
  if (!service) return refuse('invalid_input', 'unknown_service');
  const slot = findSlot(slotQuery(state, service, held.anyStaff ? null : held.staffId, now, held.id), held.startsAt);
  if (!slot) return refuse('conflict', 'slot_taken');

  const settings = bookingSettingsOf(state);
  const booking: Booking = {
    ...held,
    // The held beautician and room stay if they are still free; otherwise the re-check found others.
    staffId: slot.staffId,
    roomId: slot.roomId,
    state: 'booked',
    holdExpiresAt: null,
    reminder: bookingReminder(held.startsAt, now, state.meta.floor.timeZone),
  };
  return {
    changes: {
      bookings: { [booking.id]: booking },
      links: ctx === null ? {} : {
        [ctx.tokenHash]: {
          visitId: ctx.fromVisitId,
          purpose: 'booking',
          bookingId: booking.id,
          createdAt: now,
          expiresAt: bookingLinkExpiry(booking, settings),
          revokedAt: null,
        },
      },
    },
    result: { bookingId: booking.id, startsAt: booking.startsAt },
  };
}
