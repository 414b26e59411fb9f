import { beforeAll, describe, expect, it } from 'vitest';
import { applyChanges } from '../store/apply-changes.ts';
import type { HubState } from '../store/hub-state.ts';
import { isRefusal, type Refusal } from './app-error.ts';
import { decideBookingCancel, decideBookingMove } from './booking-change.service.ts';
import { decideBookingConfirm } from './booking-confirm.service.ts';
import { decideBookingHold } from './booking-hold.service.ts';
import { decideReminderDone } from './booking-reminder.service.ts';
import type { Decision } from './hub-engine.ts';
import { demoState, sequentialIds } from './test-state.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
// Monday 15 June 2026, 08:00 UTC (the demo test salon is in UTC, open 09:00–20:00 every day).
const NOW = Date.parse('2026-06-15T08:00:00Z');
const AT = (iso: string) => Date.parse(iso);

let base: HubState;
beforeAll(async () => {
  base = await demoState();
  for (const id of ['c1', 'c2']) {
    base.clients[id] = { id, firstName: id, lastName: 'Test', phone: `+44790000000${id.slice(1)}`, language: 'en', createdAt: 0, referredBy: null };
  }
});

/** Applies an accepted decision to a copy of the state (as the engine does), or fails the test. */
function apply<T>(state: HubState, d: Decision<T> | Refusal): { state: HubState; result: T } {
  if (isRefusal(d)) throw new Error(`refused: ${d.reason}`);
  const next = structuredClone(state);
  applyChanges(next, d.changes);
  return { state: next, result: d.result };
}
const refusalOf = (d: unknown) => (isRefusal(d) ? d.reason : 'accepted');

const newId = sequentialIds();
const hold = (s: HubState, clientId: string, startsAt: number, staffId: string | null = 'mei', now = NOW) =>
  decideBookingHold(s, now, { clientId, serviceId: 'facial-classic', staffId, startsAt }, newId);
const book = (s: HubState, clientId: string, startsAt: number, hash: string, now = NOW) => {
  const held = apply(s, hold(s, clientId, startsAt, 'mei', now));
  return apply(held.state, decideBookingConfirm(held.state, now, { bookingId: held.result.bookingId, clientId }, { tokenHash: hash, fromVisitId: 'v1' }));
};

describe('booking decisions', () => {
  it('holds a free slot for the salon’s hold minutes; a second hold by the same client releases the first', () => {
    const first = apply(base, hold(base, 'c1', AT('2026-06-15T10:00:00Z')));
    expect(first.result.holdExpiresAt).toBe(NOW + base.meta.booking.holdMinutes * MIN);
    expect(first.state.bookings[first.result.bookingId]).toMatchObject({ state: 'held', staffId: 'mei', anyStaff: false, roomId: 'room-1' });
    const second = apply(first.state, hold(first.state, 'c1', AT('2026-06-15T11:00:00Z')));
    expect(Object.keys(second.state.bookings)).toEqual([second.result.bookingId]);
  });

  it('refuses a taken, past, off-grid or unknown slot, and a beautician without the skill', () => {
    const held = apply(base, hold(base, 'c1', AT('2026-06-15T10:00:00Z'))).state;
    expect(refusalOf(hold(held, 'c2', AT('2026-06-15T10:30:00Z')))).toBe('slot_taken');
    expect(refusalOf(hold(held, 'c2', NOW - HOUR))).toBe('slot_past');
    expect(refusalOf(hold(held, 'c2', AT('2026-06-15T10:07:00Z'), null))).toBe('slot_taken');
    expect(refusalOf(hold(held, 'c2', AT('2026-06-15T10:00:00Z'), 'sofia'))).toBe('unknown_staff');
    // Anyone: Anna is free at 10:00 in the other facial room.
    expect(refusalOf(hold(held, 'c2', AT('2026-06-15T10:00:00Z'), null))).toBe('accepted');
  });

  it('confirms a live hold with its reminder and a hashed link; an expired hold is told to pick again', () => {
    const tomorrow = AT('2026-06-16T10:00:00Z');
    const { state, result } = book(base, 'c1', tomorrow, 'HASH');
    expect(state.bookings[result.bookingId]).toMatchObject({
      state: 'booked',
      holdExpiresAt: null,
      reminder: { dueAt: AT('2026-06-15T00:00:00Z'), doneAt: null, doneBy: null },
    });
    expect(state.links.HASH).toMatchObject({ purpose: 'booking', bookingId: result.bookingId, visitId: 'v1' });
    expect(state.links.HASH!.expiresAt).toBe(tomorrow + HOUR + base.meta.booking.linkDaysAfter * 24 * HOUR);

    const held = apply(base, hold(base, 'c2', tomorrow));
    const late = NOW + base.meta.booking.holdMinutes * MIN;
    const confirm = decideBookingConfirm(held.state, late, { bookingId: held.result.bookingId, clientId: 'c2' }, { tokenHash: 'H2', fromVisitId: 'v1' });
    expect(refusalOf(confirm)).toBe('hold_expired');
    const notMine = decideBookingConfirm(held.state, NOW, { bookingId: held.result.bookingId, clientId: 'c1' }, { tokenHash: 'H3', fromVisitId: 'v1' });
    expect(refusalOf(notMine)).toBe('unknown_booking');
  });

  it('a same-day booking needs no reminder call', () => {
    const { state, result } = book(base, 'c1', AT('2026-06-15T15:00:00Z'), 'H');
    expect(state.bookings[result.bookingId]!.reminder).toEqual({ dueAt: AT('2026-06-14T00:00:00Z'), doneAt: NOW, doneBy: null });
  });

  it('limits how many upcoming bookings one client makes', () => {
    let s = base;
    for (let i = 0; i < base.meta.booking.maxUpcomingPerClient; i++) s = book(s, 'c1', AT(`2026-06-1${6 + i}T10:00:00Z`), `H${i}`).state;
    expect(refusalOf(hold(s, 'c1', AT('2026-06-20T10:00:00Z')))).toBe('too_many_bookings');
  });

  it('cancels and moves only before the cutoff; moving re-checks the new slot and takes the link along', () => {
    const startsAt = AT('2026-06-17T10:00:00Z');
    const { state, result } = book(base, 'c1', startsAt, 'HASH');
    const cutoff = startsAt - base.meta.booking.changeCutoffHours * HOUR;
    expect(refusalOf(decideBookingCancel(state, cutoff, result.bookingId))).toBe('change_cutoff');
    const other = book(state, 'c2', AT('2026-06-17T13:15:00Z'), 'OTHER').state;
    expect(refusalOf(decideBookingMove(other, NOW, { bookingId: result.bookingId, startsAt: AT('2026-06-17T13:15:00Z') }, { tokenHash: 'HASH' }))).toBe(
      'slot_taken',
    );
    const moved = apply(other, decideBookingMove(other, NOW, { bookingId: result.bookingId, startsAt: AT('2026-06-18T10:00:00Z') }, { tokenHash: 'HASH' }));
    expect(moved.state.bookings[result.bookingId]).toMatchObject({ startsAt: AT('2026-06-18T10:00:00Z'), staffId: 'mei' });
    expect(moved.state.links.HASH!.expiresAt).toBe(AT('2026-06-18T11:00:00Z') + base.meta.booking.linkDaysAfter * 24 * HOUR);
    const cancelled = apply(moved.state, decideBookingCancel(moved.state, NOW, result.bookingId)).state;
    expect(cancelled.bookings[result.bookingId]).toMatchObject({ state: 'cancelled', cancelledAt: NOW });
    expect(refusalOf(decideBookingCancel(cancelled, NOW, result.bookingId))).toBe('booking_not_active');
  });

  it('marks a reminder done once, with who and when', () => {
    const { state, result } = book(base, 'c1', AT('2026-06-16T10:00:00Z'), 'H');
    const done = apply(state, decideReminderDone(state, NOW, { staffId: 'grace', role: 'front_desk' }, result.bookingId)).state;
    expect(done.bookings[result.bookingId]!.reminder).toMatchObject({ doneAt: NOW, doneBy: 'grace' });
    expect(refusalOf(decideReminderDone(done, NOW, { staffId: 'grace', role: 'front_desk' }, result.bookingId))).toBe('reminder_done');
    expect(refusalOf(decideReminderDone(done, NOW, { staffId: 'grace', role: 'front_desk' }, 'nope'))).toBe('unknown_booking');
  });
});
