import { describe, expect, it } from 'vitest';
import { addSalonDays as addDays, type BookingCard, type StaffView } from '@glow/shared';
import { dayColumns, itemsOn, weekGrid } from './calendar.ts';

const TZ = 'Asia/Shanghai';
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).getTime();
const booking = (id: string, day: string, hhmm: string, staffId: string | null, roomId: string | null, extra: Partial<BookingCard> = {}): BookingCard => ({
  id,
  serviceId: 'facial',
  staffId,
  anyStaff: staffId === null,
  roomId,
  startsAt: at(day, hhmm),
  endsAt: at(day, hhmm) + 3_600_000,
  state: 'booked',
  visitId: null,
  source: 'desk',
  clientName: `Client ${id}`,
  ...extra,
});
const view = (bookings: BookingCard[]) =>
  ({
    settings: { floor: { timeZone: TZ } },
    bookings: Object.fromEntries(bookings.map((b) => [b.id, b])),
    visits: {},
    services: {},
    staff: {
      anna: { id: 'anna', name: 'Anna', role: 'beautician', active: true },
      mei: { id: 'mei', name: 'Mei', role: 'beautician', active: true },
      grace: { id: 'grace', name: 'Grace', role: 'front_desk', active: true },
    },
    rooms: { r1: { id: 'r1', name: 'Room 1' }, r2: { id: 'r2', name: 'Room 2' } },
  }) as unknown as StaffView;

describe('calendar', () => {
  it('steps calendar days across a month end', () => {
    expect(addDays('2026-12-31', 1, TZ)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1, TZ)).toBe('2026-02-28');
  });

  it('lists one day in order and gives each beautician a column (the desk has none), the unplaced apart', () => {
    const v = view([booking('b2', '2026-12-04', '14:00', 'mei', 'r1'), booking('b1', '2026-12-04', '10:00', 'anna', 'r2'), booking('b3', '2026-12-05', '10:00', 'anna', 'r1'), booking('b4', '2026-12-04', '11:00', null, null)]);
    expect(itemsOn(v, '2026-12-04').map((i) => i.id)).toEqual(['b1', 'b4', 'b2']);
    const cols = dayColumns(v, '2026-12-04', 'staff', 'Not assigned');
    expect(cols.map((c) => [c.name, c.items.map((i) => i.id)])).toEqual([
      ['Anna', ['b1']],
      ['Mei', ['b2']],
      ['Not assigned', ['b4']],
    ]);
    const rooms = dayColumns(v, '2026-12-04', 'room', 'Not assigned');
    expect(rooms.map((c) => [c.name, c.items.map((i) => i.id)])).toEqual([
      ['Room 1', ['b2']],
      ['Room 2', ['b1']],
      ['Not assigned', ['b4']],
    ]);
  });

  it('shows a week of seven days by beautician', () => {
    const v = view([booking('b1', '2026-12-04', '10:00', 'anna', 'r1'), booking('b2', '2026-12-10', '09:00', 'anna', 'r1'), booking('b3', '2026-12-11', '09:00', 'anna', 'r1')]);
    const week = weekGrid(v, '2026-12-04', 'staff', 'Not assigned');
    expect(week.days).toHaveLength(7);
    expect(week.days[6]).toBe('2026-12-10');
    const anna = week.rows.find((r) => r.id === 'anna')!;
    expect(anna.cells.map((c) => c.length)).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});
