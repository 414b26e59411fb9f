import { deskDayRefusal, salonDay, searchSlots, type DeskSlotsResult } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { bookingSettingsOf, slotQuery } from './booking-access.ts';
import { decideBookingCancel, decideBookingMove } from './booking-change.service.ts';
import { decideBookingConfirm } from './booking-confirm.service.ts';
import { decideBookingHold, type HoldResult } from './booking-hold.service.ts';
import type { Decision } from './hub-engine.ts';
import type { Actor } from './visit-access.ts';

/**
 * Bookings made at the front desk (#16), for a client on the phone: the phone pages' own decisions (hold, confirm,
 * move, cancel: booking-*.service.ts) with the desk as who acts, so there is one booking path and one slot search.
 * What the desk adds is a clear reason for a day it cannot book (over, closed) before any time is searched.
 */

const dayRefusal = (state: Readonly<HubState>, now: number, day: string): Refusal | null => {
  const why = deskDayRefusal(day, now, state.meta.floor.timeZone, bookingSettingsOf(state), state.meta.salon.closedDates);
  return why === null ? null : refuse('conflict', why);
};

/** The day of a start time, refused when it is over or closed. */
const startRefusal = (state: Readonly<HubState>, now: number, startsAt: number): Refusal | null => {
  if (startsAt <= now) return refuse('conflict', 'slot_past');
  const day = salonDay(startsAt, state.meta.floor.timeZone);
  return day === null ? refuse('conflict', 'slot_taken') : dayRefusal(state, now, day);
};

/** The free times of a service on a day, with one beautician or anyone (a read: nothing changes). */
export function deskSlots(
  state: Readonly<HubState>,
  now: number,
  input: { serviceId: string; staffId: string | null; day: string },
): DeskSlotsResult | Refusal {
  const service = state.services[input.serviceId];
  if (!service || service.archived === true) return refuse('invalid_input', 'unknown_service');
  if (input.staffId !== null) {
    const member = state.staff[input.staffId];
    if (!member?.active || !member.skills.includes(service.requiredSkill)) return refuse('not_found', 'unknown_staff');
  }
  const closed = dayRefusal(state, now, input.day);
  if (closed) return closed;
  const slots = searchSlots({ ...slotQuery(state, service, input.staffId, now), day: input.day });
  return { day: input.day, slots };
}

/** The desk holds a free time for the client on the line while it confirms with them. */
export function decideDeskHold(
  state: Readonly<HubState>,
  now: number,
  who: Actor,
  input: { clientId: string; serviceId: string; staffId: string | null; startsAt: number },
  newId: () => string,
): Decision<HoldResult> | Refusal {
  if (!state.clients[input.clientId] || state.clients[input.clientId]?.mergedInto) return refuse('not_found', 'unknown_client');
  const refused = startRefusal(state, now, input.startsAt);
  if (refused) return refused;
  return decideBookingHold(state, now, input, newId, { source: 'desk', staffId: who.staffId });
}

/**
 * The desk lets go of a hold it made (#16): the dialog closed or another time was picked, so the time is free again at
 * once rather than blocked for everyone until the hold runs out. Only the staff member who made the hold (it is on
 * their dialog; no view shows holds) and only while it is a hold: a booking is cancelled with a reason, never
 * released. Anything else is unknown, so the command tells nothing about other holds.
 */
export function decideDeskRelease(state: Readonly<HubState>, who: Actor, bookingId: string): Decision<{ bookingId: string }> | Refusal {
  const held = state.bookings[bookingId];
  if (!held || held.state !== 'held' || held.source !== 'desk' || held.bookedBy !== who.staffId) return refuse('not_found', 'unknown_booking');
  return { changes: { bookings: { [bookingId]: null } }, result: { bookingId } };
}

type Booked = { bookingId: string; startsAt: number; staffId: string | null };

/** The held time becomes the booking (the same record the phone makes, with who booked it); no link is made. */
export function decideDeskBook(state: Readonly<HubState>, now: number, bookingId: string): Decision<Booked> | Refusal {
  const held = state.bookings[bookingId];
  // Only a hold made at the desk: a phone's hold is the client's own, to confirm from their phone.
  if (!held || held.source !== 'desk') return refuse('not_found', 'unknown_booking');
  const made = decideBookingConfirm(state, now, { bookingId, clientId: held.clientId }, null);
  if ('code' in made) return made;
  const booking = made.changes.bookings?.[bookingId];
  return { changes: made.changes, result: { ...made.result, staffId: booking?.staffId ?? null } };
}

/** Another free time, up to the booking's start (the phone's cutoff does not bind the desk). */
export function decideDeskMove(
  state: Readonly<HubState>,
  now: number,
  who: Actor,
  input: { bookingId: string; startsAt: number },
  tokenHash: string,
): Decision<Booked> | Refusal {
  const refused = state.bookings[input.bookingId] ? startRefusal(state, now, input.startsAt) : null;
  if (refused) return refused;
  const moved = decideBookingMove(state, now, input, { tokenHash }, { source: 'desk', staffId: who.staffId });
  if ('code' in moved) return moved;
  return { changes: moved.changes, result: { bookingId: moved.result.bookingId, startsAt: moved.result.startsAt, staffId: moved.result.staffId } };
}

/** Cancelled at the desk with the client's reason, kept on the booking with who cancelled it. */
export function decideDeskCancel(
  state: Readonly<HubState>,
  now: number,
  who: Actor,
  input: { bookingId: string; reason: string },
): Decision<{ bookingId: string }> | Refusal {
  const cancelled = decideBookingCancel(state, now, input.bookingId, { source: 'desk', staffId: who.staffId, reason: input.reason });
  if ('code' in cancelled) return cancelled;
  return { changes: cancelled.changes, result: { bookingId: input.bookingId } };
}
