import { describe, expect, it } from 'vitest';
import { bookingReminder } from './booking-reminder.ts';

describe('bookingReminder', () => {
  it('is due from the start of the salon’s day before, across a clock change (London, 29 March 2026)', () => {
    // Monday 30 March 10:00 BST; the day before (Sunday) began at 00:00 GMT — the clocks changed at 01:00 that day.
    const startsAt = Date.parse('2026-03-30T09:00:00Z');
    expect(bookingReminder(startsAt, Date.parse('2026-03-20T12:00:00Z'), 'Europe/London')).toEqual({
      dueAt: Date.parse('2026-03-29T00:00:00Z'),
      doneAt: null,
      doneBy: null,
    });
    // In Shanghai the day before starts at 16:00 UTC two days earlier.
    expect(bookingReminder(startsAt, 0, 'Asia/Shanghai').dueAt).toBe(Date.parse('2026-03-28T16:00:00Z'));
  });

  it('is born done for a booking made on its own day', () => {
    const startsAt = Date.parse('2026-06-15T15:00:00Z');
    const now = Date.parse('2026-06-15T08:00:00Z');
    expect(bookingReminder(startsAt, now, 'Europe/London')).toEqual({ dueAt: Date.parse('2026-06-13T23:00:00Z'), doneAt: now, doneBy: null });
  });
});
