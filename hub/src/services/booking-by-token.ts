import { bookingArrival, salonDay, type KnownVisitor } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { bookingSettingsOf, findBookingLink } from './booking-access.ts';
import { knownVisitor } from './known-visitor.ts';

/**
 * `booking:confirmByToken`: the kiosk scanned a booking's QR. Holding the link proves who the client is (the one
 * proof the kiosk takes beyond a phone number), so the kiosk may learn what the client holds: their first name,
 * consents, last answers and the scanned booking as today's booking. A token that is unknown, tampered with, expired or revoked is refused alike; a booking that is not for
 * today, or cannot be checked in any more, is refused with a clear reason. Reads only: nothing is journaled.
 */
export function confirmBookingByToken(state: Readonly<HubState>, token: string, now: number): KnownVisitor | Refusal {
  const found = findBookingLink(state, token, now);
  if (!found) return refuse('not_found', 'unknown_booking_link');
  const { booking } = found;
  if (booking.state !== 'booked') return refuse('conflict', 'booking_not_checkinable');
  const timeZone = state.meta.floor.timeZone;
  if (salonDay(booking.startsAt, timeZone) !== salonDay(now, timeZone)) return refuse('conflict', 'booking_not_today');
  const visitor = knownVisitor(state, booking.clientId, now);
  if (!visitor) return refuse('not_found', 'unknown_booking_link');
  return {
    ...visitor,
    booking: {
      bookingId: booking.id,
      serviceId: booking.serviceId,
      staffId: booking.staffId,
      startsAt: booking.startsAt,
      ...bookingArrival(booking, now, bookingSettingsOf(state)),
    },
  };
}
