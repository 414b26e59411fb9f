import { describe, expect, it } from 'vitest';
import { bookingEveKey, bookingReminder, type Booking, type OutboxMessage } from '@glow/shared';
import { applyChanges } from '../../store/apply-changes.ts';
import { decideOutcome } from './delivery-decisions.ts';
import { decideEnqueueMessage, messageIdFor } from './enqueue-message.ts';
import { outboxTestState, testClient } from './test-outbox-state.ts';

// 10:00 in Shanghai, the day before the booking.
const NOW = Date.parse('2026-12-03T10:00:00+08:00');
const STARTS = Date.parse('2026-12-04T11:00:00+08:00');
const ID = messageIdFor(bookingEveKey('b1'));

/** Booking b1 tomorrow for c1, its day-before message claimed (`sending`) through `channel`. */
function sending(channel: OutboxMessage['channel'], booking: Partial<Booking> = {}) {
  const state = outboxTestState([testClient('c1', { email: 'mei@example.com' })]);
  state.bookings.b1 = {
    id: 'b1', clientId: 'c1', serviceId: 's1', staffId: null, anyStaff: true, roomId: null, startsAt: STARTS, endsAt: STARTS + 3_600_000,
    state: 'booked', holdExpiresAt: null, source: 'phone', visitId: null, createdAt: 0, cancelledAt: null,
    reminder: bookingReminder(STARTS, 0, 'Asia/Shanghai'),
    ...booking,
  };
  applyChanges(state, decideEnqueueMessage(state, NOW - 1000, { clientId: 'c1', purpose: 'service', kind: 'booking_eve', language: 'zh-CN', subject: 's', body: 'b', dedupeKey: bookingEveKey('b1'), notBefore: 0 }));
  state.outbox[ID] = { ...state.outbox[ID]!, state: 'sending', attempts: 1, channel, to: 'x' };
  return state;
}

describe('the day-before message and the desk’s reminder call', () => {
  it('a message that reached the client by e-mail or webhook closes the call, by nobody', () => {
    for (const channel of ['email', 'webhook'] as const) {
      const changes = decideOutcome(sending(channel), NOW, ID, { ok: true, detail: '250' });
      expect(changes.bookings?.b1?.reminder, channel).toEqual({ dueAt: bookingReminder(STARTS, 0, 'Asia/Shanghai').dueAt, doneAt: NOW, doneBy: null });
      expect(changes.outbox?.[ID]?.state).toBe('sent');
    }
  });

  it('leaves the call: a file in the outbox folder, a failure, a retry, a reminder done already, a booking no longer booked', () => {
    expect(decideOutcome(sending('file'), NOW, ID, { ok: true, detail: 'outbox/x.eml' }).bookings).toBeUndefined();
    expect(decideOutcome(sending('email'), NOW, ID, { ok: false, code: 'refused_permanent', temporary: false, detail: '550' }).bookings).toBeUndefined();
    expect(decideOutcome(sending('email'), NOW, ID, { ok: false, code: 'timeout', temporary: true, detail: '' }).bookings).toBeUndefined();
    const done = { dueAt: 0, doneAt: NOW - 60_000, doneBy: 'grace' };
    expect(decideOutcome(sending('email', { reminder: done }), NOW, ID, { ok: true, detail: '250' }).bookings).toBeUndefined();
    expect(decideOutcome(sending('email', { state: 'cancelled' }), NOW, ID, { ok: true, detail: '250' }).bookings).toBeUndefined();
  });
});
