import { bookingReminder, findSlot, type Booking } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { bookingLinkExpiry, bookingSettingsOf, canChangeOnline, slotQuery } from './booking-access.ts';
import type { Decision } from './hub-engine.ts';

type Changed = { bookingId: string; state: Booking['state']; startsAt: number; staffId: string | null };

/**
 * Who changes it: the client from the link (before the salon's cutoff), or the front desk (#16), which may change a
 * booking up to its start — the salon itself agreed to it on the phone.
 */
export type ChangeBy = { source: 'link' } | { source: 'desk'; staffId: string; reason?: string };

/** A booking the client (or the desk) may still change, or why not. */
function changeable(state: Readonly<HubState>, now: number, bookingId: string, by: ChangeBy): Booking | Refusal {
  const booking = state.bookings[bookingId];
  if (!booking) return refuse('not_found', 'unknown_booking');
  if (booking.state !== 'booked') return refuse('conflict', 'booking_not_active');
  if (by.source === 'desk') return booking.startsAt > now ? booking : refuse('conflict', 'booking_started');
  const settings = bookingSettingsOf(state);
  if (!canChangeOnline(booking, settings, now)) return refuse('conflict', 'change_cutoff', { hours: settings.changeCutoffHours });
  return booking;
}

/** The client cancels from the booking link, before the salon's cutoff; the slot is free again at once. */
export function decideBookingCancel(
  state: Readonly<HubState>,
  now: number,
  bookingId: string,
  by: ChangeBy = { source: 'link' },
): Decision<Changed> | Refusal {
  const found = changeable(state, now, bookingId, by);
  if ('code' in found) return found;
  const who = by.source === 'desk' ? { cancelledBy: by.staffId, cancelReason: by.reason ?? null } : {};
  const booking: Booking = { ...found, state: 'cancelled', cancelledAt: now, ...who };
  return { changes: { bookings: { [booking.id]: booking } }, result: { bookingId, state: booking.state, startsAt: booking.startsAt, staffId: booking.staffId } };
}

/**
 * The client moves the booking to another free time, before the cutoff. The new slot is searched inside the command
 * (its own old slot does not count as taken); the link follows the booking and the reminder is due anew.
 */
export function decideBookingMove(
  state: Readonly<HubState>,
  now: number,
  input: { bookingId: string; startsAt: number },
  ctx: { tokenHash: string },
  by: ChangeBy = { source: 'link' },
): Decision<Changed> | Refusal {
  const found = changeable(state, now, input.bookingId, by);
  if ('code' in found) return found;
  if (input.startsAt <= now) return refuse('conflict', 'slot_past');
  const service = state.services[found.serviceId];
  if (!service) return refuse('invalid_input', 'unknown_service');
  const slot = findSlot(slotQuery(state, service, found.anyStaff ? null : found.staffId, now, found.id), input.startsAt);
  if (!slot) return refuse('conflict', 'slot_taken');
  const booking: Booking = {
    ...found,
    staffId: slot.staffId,
    roomId: slot.roomId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    reminder: bookingReminder(slot.startsAt, now, state.meta.floor.timeZone),
  };
  const link = state.links[ctx.tokenHash];
  const links = link ? { [ctx.tokenHash]: { ...link, expiresAt: bookingLinkExpiry(booking, bookingSettingsOf(state)) } } : {};
  return {
    changes: { bookings: { [booking.id]: booking }, links },
    result: { bookingId: booking.id, state: booking.state, startsAt: booking.startsAt, staffId: booking.staffId },
  };
}
