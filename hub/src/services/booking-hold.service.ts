import { findSlot, salonDay, type Booking } from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { bookingSettingsOf, slotQuery } from './booking-access.ts';
import { bookableOnline } from './catalogue/catalogue-rules.ts';
import type { Decision } from './hub-engine.ts';

/** How long a run-out hold is kept before a later hold tidies it away. */
const STALE_HOLD_MS = 60 * 60_000;

export type HoldInput = {
  clientId: string;
  serviceId: string;
  /** A particular beautician, or null for anyone. */
  staffId: string | null;
  startsAt: number;
};

export type HoldResult = { bookingId: string; startsAt: number; holdExpiresAt: number; staffId: string };

/**
 * Who is booking: the client on their phone, or the front desk for a client on the line (#16). The desk is the salon
 * itself, so the phone's limits (online-bookable services, a few upcoming bookings, one a day) do not bind it.
 */
export type HoldBy = { source: 'phone' } | { source: 'desk'; staffId: string };

/**
 * A client on their phone picks a time: the slot is held for a few minutes while they confirm. The slot is searched
 * again here, inside the one command path, so of two phones racing for it the second finds it taken and is told to
 * pick again. A client holds one slot at a time: picking another releases the first.
 */
export function decideBookingHold(
  state: Readonly<HubState>,
  now: number,
  input: HoldInput,
  newId: () => string,
  by: HoldBy = { source: 'phone' },
): Decision<HoldResult> | Refusal {
  const service = state.services[input.serviceId];
  const desk = by.source === 'desk';
  // A service the manager archived or keeps off online booking (#13) is not booked from a phone; the desk may book
  // any service still offered.
  if (!service || service.archived === true || (!desk && !bookableOnline(service))) return refuse('invalid_input', 'unknown_service');
  const client = state.clients[input.clientId];
  if (!client || (desk && client.mergedInto)) return refuse('not_found', desk ? 'unknown_client' : 'unknown_booking');
  if (input.staffId !== null) {
    const member = state.staff[input.staffId];
    if (!member?.active || !member.skills.includes(service.requiredSkill)) return refuse('not_found', 'unknown_staff');
  }
  if (input.startsAt <= now) return refuse('conflict', 'slot_past');
  const settings = bookingSettingsOf(state);
  // One phone must not be able to fill the calendar: a few upcoming bookings each, more by calling the salon.
  const upcoming = Object.values(state.bookings).filter((b) => b.clientId === input.clientId && b.state === 'booked' && b.startsAt > now);
  if (!desk && upcoming.length >= settings.maxUpcomingPerClient) {
    return refuse('conflict', 'too_many_bookings', { n: settings.maxUpcomingPerClient });
  }
  // The salon's rule: one booking a day from the phone. A second one the same day is most often a slip (the client
  // meant to move the first); two treatments in one day are arranged with the salon.
  const timeZone = state.meta.floor.timeZone;
  const day = salonDay(input.startsAt, timeZone);
  if (!desk && upcoming.some((b) => salonDay(b.startsAt, timeZone) === day)) return refuse('conflict', 'already_booked_that_day');
  const slot = findSlot(slotQuery(state, service, input.staffId, now), input.startsAt);
  if (!slot) return refuse('conflict', 'slot_taken');

  const bookings: NonNullable<Changes['bookings']> = {};
  // Earlier holds of this client are dropped (they were never bookings), and so is every hold that ran out over an
  // hour ago, so that holds never pile up (a recent one stays, so a late confirmation is told its hold ran out).
  for (const b of Object.values(state.bookings)) {
    if (b.state !== 'held') continue;
    if (b.clientId === input.clientId || b.holdExpiresAt === null || b.holdExpiresAt <= now - STALE_HOLD_MS) bookings[b.id] = null;
  }
  const holdExpiresAt = now + settings.holdMinutes * 60_000;
  const booking: Booking = {
    id: newId(),
    clientId: input.clientId,
    serviceId: service.id,
    staffId: slot.staffId,
    anyStaff: input.staffId === null,
    roomId: slot.roomId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    state: 'held',
    holdExpiresAt,
    source: by.source,
    ...(desk ? { bookedBy: by.staffId } : {}),
    visitId: null,
    createdAt: now,
    cancelledAt: null,
    reminder: { dueAt: slot.startsAt, doneAt: null, doneBy: null },
  };
  bookings[booking.id] = booking;
  return { changes: { bookings }, result: { bookingId: booking.id, startsAt: booking.startsAt, holdExpiresAt, staffId: slot.staffId } };
}
