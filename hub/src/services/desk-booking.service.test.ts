import { beforeAll, describe, expect, it } from 'vitest';
import { applyChanges } from '../store/apply-changes.ts';
import type { HubState } from '../store/hub-state.ts';
import { isRefusal, toAppError, type Refusal } from './app-error.ts';
import { decideBookingHold } from './booking-hold.service.ts';
import { decideDeskBook, decideDeskCancel, decideDeskHold, decideDeskMove, deskSlots } from './desk-booking.service.ts';
import type { Decision } from './hub-engine.ts';
import { demoState, sequentialIds } from './test-state.ts';

// Monday 15 June 2026, 08:00 UTC (the demo test salon is in UTC, open 09:00–20:00 every day).
const NOW = Date.parse('2026-06-15T08:00:00Z');
const AT = (iso: string) => Date.parse(iso);
const GRACE = { staffId: 'grace', role: 'front_desk' as const };

let base: HubState;
beforeAll(async () => {
  base = await demoState();
  base.clients.c1 = { id: 'c1', firstName: 'Li', lastName: 'Na', phone: '+447900000001', language: 'zh-CN', createdAt: 0, referredBy: null };
});

function apply<T>(state: HubState, d: Decision<T> | Refusal): { state: HubState; result: T } {
  if (isRefusal(d)) throw new Error(`refused: ${d.reason}`);
  const next = structuredClone(state);
  applyChanges(next, d.changes);
  return { state: next, result: d.result };
}
const reasonOf = (d: unknown) => (isRefusal(d) ? d.reason : 'accepted');
const newId = sequentialIds();
const deskBook = (s: HubState, startsAt: number, staffId: string | null = 'anna') => {
  const held = apply(s, decideDeskHold(s, NOW, GRACE, { clientId: 'c1', serviceId: 'facial-classic', staffId, startsAt }, newId));
  return apply(held.state, decideDeskBook(held.state, NOW, held.result.bookingId));
};

describe('desk booking decisions', () => {
  it('books through the phone’s hold and confirm, with who booked it and no link', () => {
    const { state, result } = deskBook(base, AT('2026-06-16T10:00:00Z'));
    expect(state.bookings[result.bookingId]).toMatchObject({ state: 'booked', source: 'desk', bookedBy: 'grace', staffId: 'anna', holdExpiresAt: null });
    expect(Object.values(state.links)).toHaveLength(Object.values(base.links).length);
  });

  it('is not bound by the phone’s one-a-day and upcoming limits', () => {
    let s = base;
    for (const h of ['10', '12', '14', '16']) s = deskBook(s, AT(`2026-06-16T${h}:30:00Z`)).state;
    expect(Object.values(s.bookings).filter((b) => b.state === 'booked')).toHaveLength(4);
    // The phone would refuse the client a second booking that day.
    expect(reasonOf(decideBookingHold(s, NOW, { clientId: 'c1', serviceId: 'facial-classic', staffId: 'mei', startsAt: AT('2026-06-16T18:00:00Z') }, newId))).toBe(
      'too_many_bookings',
    );
  });

  it('never confirms a phone’s hold, and refuses a taken, past or closed time', () => {
    const phone = apply(base, decideBookingHold(base, NOW, { clientId: 'c1', serviceId: 'facial-classic', staffId: 'mei', startsAt: AT('2026-06-16T10:00:00Z') }, newId));
    expect(reasonOf(decideDeskBook(phone.state, NOW, phone.result.bookingId))).toBe('unknown_booking');
    const hold = (s: HubState, startsAt: number) => decideDeskHold(s, NOW, GRACE, { clientId: 'c1', serviceId: 'facial-classic', staffId: 'mei', startsAt }, newId);
    expect(reasonOf(hold(phone.state, AT('2026-06-16T10:00:00Z')))).toBe('slot_taken');
    expect(reasonOf(hold(base, NOW - 60_000))).toBe('slot_past');
    const closed = structuredClone(base);
    closed.meta.salon.closedDates = ['2026-06-17'];
    expect(reasonOf(hold(closed, AT('2026-06-17T10:00:00Z')))).toBe('day_closed');
    expect(reasonOf(deskSlots(closed, NOW, { serviceId: 'facial-classic', staffId: null, day: '2026-06-17' }))).toBe('day_closed');
    expect(reasonOf(decideDeskHold(base, NOW, GRACE, { clientId: 'nobody', serviceId: 'facial-classic', staffId: null, startsAt: AT('2026-06-16T10:00:00Z') }, newId))).toBe(
      'unknown_client',
    );
  });

  it('says why in the desk’s language', () => {
    const closed = structuredClone(base);
    closed.meta.salon.closedDates = ['2026-06-17'];
    const refused = deskSlots(closed, NOW, { serviceId: 'facial-classic', staffId: null, day: '2026-06-17' }) as Refusal;
    expect(toAppError(refused, 'zh-CN').message).toBe('门店当天休息，请选择其他日期。');
    expect(toAppError(refused, 'en').message).toBe('The salon is closed that day. Please pick another day.');
  });

  it('moves inside the phone’s cutoff and cancels with the reason; not once it has started', () => {
    const booked = deskBook(base, AT('2026-06-15T10:00:00Z'));
    const id = booked.result.bookingId;
    // Two hours ahead: a phone could not change it any more (24 h cutoff), the desk can.
    const moved = apply(booked.state, decideDeskMove(booked.state, NOW, GRACE, { bookingId: id, startsAt: AT('2026-06-15T14:00:00Z') }, 'h'));
    expect(moved.state.bookings[id]).toMatchObject({ startsAt: AT('2026-06-15T14:00:00Z'), state: 'booked' });
    const cancelled = apply(moved.state, decideDeskCancel(moved.state, NOW, GRACE, { bookingId: id, reason: 'ill' }));
    expect(cancelled.state.bookings[id]).toMatchObject({ state: 'cancelled', cancelledBy: 'grace', cancelReason: 'ill', cancelledAt: NOW });
    const later = AT('2026-06-15T14:10:00Z');
    expect(reasonOf(decideDeskCancel(moved.state, later, GRACE, { bookingId: id, reason: 'late' }))).toBe('booking_started');
  });
});
