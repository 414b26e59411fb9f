import type { BookingCard, StaffView, TaskCard } from '@glow/shared';
import { describe, expect, it } from 'vitest';
import { bookingsByDay, dueTasks } from './bookings.ts';

const HOUR = 3_600_000;
// Monday 23 March 2026, 22:30 in London is already Tuesday 00:30 in Shanghai: days follow the salon's zone.
const NOW = Date.parse('2026-03-23T22:30:00Z');

const view = (timeZone: string, bookings: BookingCard[] = [], tasks: TaskCard[] = []): StaffView =>
  ({
    bookings: Object.fromEntries(bookings.map((b) => [b.id, b])),
    tasks: Object.fromEntries(tasks.map((t) => [t.id, t])),
    settings: { floor: { autoAssign: true, preferredWaitLimitMin: 20, timeZone } },
  }) as unknown as StaffView;

const booking = (id: string, startsAt: number): BookingCard => ({
  id,
  serviceId: 'facial',
  staffId: 'mei',
  anyStaff: false,
  roomId: 'room-1',
  startsAt,
  endsAt: startsAt + HOUR,
  state: 'booked',
  visitId: null,
  source: 'phone',
  clientName: `Client ${id}`,
});

const task = (id: string, startsAt: number, dueAt: number, doneAt: number | null = null): TaskCard => ({
  id,
  kind: 'booking_reminder',
  bookingId: id,
  dueAt,
  doneAt,
  doneBy: doneAt === null ? null : 'grace',
  clientName: `Client ${id}`,
  clientPhone: '+4479000000',
  clientLanguage: 'en',
  serviceId: 'facial',
  staffId: 'mei',
  anyStaff: false,
  startsAt,
});

describe('bookingsByDay', () => {
  it('splits today from upcoming in the salon’s time zone, in start order', () => {
    const late = booking('late', NOW + HOUR); // 23:30 London Monday, 07:30 Shanghai Tuesday
    const early = booking('early', NOW + 10 * HOUR);
    const past = booking('past', NOW - 30 * HOUR);
    const london = bookingsByDay(view('Europe/London', [early, late, past]), NOW);
    expect(london.today.map((b) => b.id)).toEqual(['late']);
    expect(london.upcoming.map((b) => b.id)).toEqual(['early']);
    const shanghai = bookingsByDay(view('Asia/Shanghai', [early, late, past]), NOW);
    expect(shanghai.today.map((b) => b.id)).toEqual(['late', 'early']);
    expect(shanghai.upcoming).toEqual([]);
  });
});

describe('dueTasks', () => {
  it('lists due, future reminders, open first; a done one stays for the day; not-yet-due and past ones are hidden', () => {
    const open = task('open', NOW + 20 * HOUR, NOW - HOUR);
    const done = task('done', NOW + 10 * HOUR, NOW - 2 * HOUR, NOW - 10 * 60_000);
    const notYet = task('notYet', NOW + 50 * HOUR, NOW + 2 * HOUR);
    const over = task('over', NOW - HOUR, NOW - 25 * HOUR);
    const doneYesterday = task('old', NOW + 5 * HOUR, NOW - 30 * HOUR, NOW - 26 * HOUR);
    expect(dueTasks(view('Europe/London', [], [done, notYet, open, over, doneYesterday]), NOW).map((t) => t.id)).toEqual(['open', 'done']);
  });
});
