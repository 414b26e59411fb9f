import { describe, expect, it } from 'vitest';
import type { Booking, Complaint, OutboxMessage } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { testTask } from '../follow-ups/follow-up-test-builders.ts';
import { demoState } from '../test-state.ts';
import type { ViewChange, ViewInputs } from '../view-projections.ts';
import { recordChangesView } from './record-changes-view.ts';

const NOW = Date.UTC(2026, 11, 3, 10);
const DAY = 86_400_000;
const booking = (id: string, over: Partial<Booking>): Booking =>
  ({ id, clientId: 'c1', state: 'booked', startsAt: NOW + DAY, createdAt: NOW - 5 * DAY, cancelledAt: null, staffId: 'anna', roomId: null, serviceId: 's', reminder: { dueAt: 0, doneAt: null, doneBy: null }, ...over }) as Booking;
const message = (id: string, over: Partial<OutboxMessage>): OutboxMessage =>
  ({ id, clientId: 'c1', state: 'sent', attempts: 1, createdAt: NOW - 5 * DAY, sentAt: NOW - 5 * DAY, settledAt: NOW - 5 * DAY, ...over }) as OutboxMessage;
const complaint = (id: string, over: Partial<Complaint>): Complaint =>
  ({ id, clientId: 'c1', status: 'received', createdAt: NOW - 5 * DAY, acknowledgedAt: null, resolvedAt: null, ...over }) as Complaint;

async function salon(): Promise<HubState> {
  const state = await demoState();
  state.meta.floor = { ...state.meta.floor, timeZone: 'Etc/UTC' };
  state.clients.c1 = { id: 'c1', firstName: 'A', lastName: 'B', phone: '+447700900001', language: 'en', createdAt: 0, referredBy: null };
  state.clients.c0 = { id: 'c0', firstName: 'A', lastName: 'B', phone: '+447700900000', language: 'en', createdAt: 0, referredBy: null, mergedInto: 'c1' };
  state.bookings = {
    ahead: booking('ahead', {}),
    past: booking('past', { startsAt: NOW - 3 * DAY, state: 'checked_in' }),
    cancelledToday: booking('cancelledToday', { startsAt: NOW - 3 * DAY, state: 'cancelled', cancelledAt: NOW - 3_600_000 }),
    held: booking('held', { state: 'held' }),
    merged: booking('merged', { clientId: 'c0' }),
  };
  state.followUpTasks = { t1: testTask({ id: 't1', clientId: 'c1', dueDate: '2026-12-03' }) };
  state.outbox = { old: message('old', {}), waiting: message('waiting', { state: 'queued', sentAt: null, settledAt: null }) };
  state.complaints = { open: complaint('open', {}), closed: complaint('closed', { status: 'resolved', resolvedAt: NOW - 4 * DAY }) };
  return state;
}
const inputs = (state: HubState): ViewInputs => ({ state, derived: { at: NOW } as ViewInputs['derived'], active: [] });

describe('recordChangesView', () => {
  it("names the desk's today: bookings to come or changed today, calls shown, messages waiting or today, complaints open", async () => {
    const state = await salon();
    const ids = [...recordChangesView.ids({ kind: 'floor' }, inputs(state))].sort();
    expect(ids).toEqual(['b-ahead', 'b-cancelledToday', 'b-merged', 'k-open', 'm-waiting', 't-t1']);
    expect([...recordChangesView.ids({ kind: 'beautician', staffId: 'anna' }, inputs(state))]).toEqual([]);
    expect(recordChangesView.card({ kind: 'beautician', staffId: 'anna' }, 'b-ahead', inputs(state))).toBeNull();
    // A booking of a record merged into another names both.
    expect(recordChangesView.card({ kind: 'manager' }, 'b-merged', inputs(state))).toMatchObject({ about: 'booking', clientIds: ['c0', 'c1'] });
  });

  it("moves a thing's version with each change (a booking moved in place has no timestamp of its own) and drops it when gone", async () => {
    const state = await salon();
    const before = recordChangesView.card({ kind: 'floor' }, 'b-ahead', inputs(state))!;
    state.bookings.ahead = { ...state.bookings.ahead!, startsAt: NOW + 2 * DAY };
    const change = { changes: { bookings: { ahead: state.bookings.ahead } } } as unknown as ViewChange;
    expect([...recordChangesView.changed({ kind: 'floor' }, change, inputs(state))]).toEqual(['b-ahead']);
    const after = recordChangesView.card({ kind: 'floor' }, 'b-ahead', inputs(state))!;
    expect(after.version).not.toBe(before.version);
    expect(recordChangesView.card({ kind: 'floor' }, 'b-ahead', inputs(state))).toEqual(after);
    delete state.bookings.ahead;
    expect(recordChangesView.card({ kind: 'floor' }, 'b-ahead', inputs(state))).toBeNull();
    expect(recordChangesView.card({ kind: 'floor' }, 'b-held', inputs(state))).toBeNull();
    expect(recordChangesView.card({ kind: 'floor' }, 'x-nothing', inputs(state))).toBeNull();
  });
});

describe('recordChangesView keys', () => {
  it('names a thing whose id is too long for a key by a hash of it, and finds it again', async () => {
    const state = await salon();
    const long = 'x'.repeat(64);
    state.bookings = { [long]: booking(long, {}) };
    const ids = [...recordChangesView.ids({ kind: 'floor' }, inputs(state))];
    expect(ids.filter((id) => id.startsWith('B-'))).toHaveLength(1);
    expect(ids).not.toContain(`b-${long}`);
    const key = ids.find((id) => id.startsWith('B-'))!;
    expect(key.length).toBeLessThanOrEqual(64);
    expect(recordChangesView.card({ kind: 'floor' }, key, inputs(state))).toMatchObject({ about: 'booking', clientIds: ['c1'] });
  });
});
