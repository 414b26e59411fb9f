import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOKING_SETTINGS, type Booking, type BookingSettings } from '../schemas/booking.schema.ts';
import { bookableDays, findSlot, searchSlots, type SlotSearch } from './slot-search.ts';
import { at, beautician, everyDay, MIN, room, service, shift } from './test-floor.ts';

const LONDON = 'Europe/London';
const OPEN_9_TO_12: BookingSettings = {
  ...DEFAULT_BOOKING_SETTINGS,
  openingHours: Array.from({ length: 7 }, (_, d) => (d === 0 ? null : { start: '09:00', end: '12:00' })),
  slotStepMin: 30,
};
// Monday 15 June 2026, 07:00 in London (BST): the whole morning is ahead.
const MONDAY_EARLY = at('2026-06-15T06:00:00Z');
const facial = service('facial', 'facial', 60, ['bed']);

const booking = (id: string, startIso: string, durationMin: number, extra: Partial<Booking> = {}): Booking => ({
  id,
  clientId: 'c',
  serviceId: 'facial',
  staffId: 'mei',
  anyStaff: false,
  roomId: 'r1',
  startsAt: at(startIso),
  endsAt: at(startIso) + durationMin * MIN,
  state: 'booked',
  holdExpiresAt: null,
  source: 'phone',
  visitId: null,
  createdAt: 0,
  cancelledAt: null,
  reminder: { dueAt: 0, doneAt: null, doneBy: null },
  ...extra,
});

const query = (extra: Partial<SlotSearch> = {}): SlotSearch => ({
  service: facial,
  staff: [beautician('mei', ['facial'])],
  rooms: [room('r1', ['bed'], 'free', { cleaningBufferMin: 0 })],
  bookings: [],
  settings: OPEN_9_TO_12,
  timeZone: LONDON,
  day: '2026-06-15',
  staffId: null,
  now: MONDAY_EARLY,
  ...extra,
});

/** Local start times ("HH:MM" in London) of the slots found. */
const times = (q: SlotSearch): string[] =>
  searchSlots(q).map((s) =>
    new Date(s.startsAt).toLocaleTimeString('en-GB', { timeZone: q.timeZone, hour: '2-digit', minute: '2-digit' }),
  );

describe('searchSlots', () => {
  it('offers nothing on one of the salon’s closed days, though its weekday is open', () => {
    expect(times(query({ closedDates: ['2026-06-15'] }))).toEqual([]);
    expect(times(query({ closedDates: ['2026-06-16'] }))).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
  });

  it('offers the step grid inside opening hours, the service ending by closing time', () => {
    expect(times(query())).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
    const [first] = searchSlots(query());
    expect(first).toEqual({ startsAt: at('2026-06-15T08:00:00Z'), endsAt: at('2026-06-15T09:00:00Z'), staffId: 'mei', roomId: 'r1' });
  });

  it('offers nothing on a day the salon is closed (Sunday here) or outside the booking horizon', () => {
    expect(searchSlots(query({ day: '2026-06-14' }))).toEqual([]);
    expect(searchSlots(query({ day: '2026-06-13' }))).toEqual([]); // yesterday
    const farAway = query({ day: '2026-08-03', settings: { ...OPEN_9_TO_12, horizonDays: 28 } });
    expect(searchSlots(farAway)).toEqual([]);
    expect(searchSlots({ ...farAway, settings: { ...OPEN_9_TO_12, horizonDays: 60 } })).not.toEqual([]);
  });

  it('excludes slots that have started or passed', () => {
    expect(times(query({ now: at('2026-06-15T09:00:00Z') }))).toEqual(['10:30', '11:00']); // 10:00 local: started
    expect(times(query({ now: at('2026-06-15T09:10:00Z') }))).toEqual(['10:30', '11:00']);
  });

  it('keeps to the beautician’s shift and breaks', () => {
    const mei = beautician('mei', ['facial'], {
      weeklyShifts: everyDay(shift('09:30', '17:00', [{ start: '11:00', end: '11:30' }])),
    });
    // 09:00 is before the shift; 10:30 and 11:00 would run into or start in the break.
    expect(times(query({ staff: [mei] }))).toEqual(['09:30', '10:00']);
    const dayOff = beautician('mei', ['facial'], { weeklyShifts: everyDay(shift('09:00', '17:00'), [1]) });
    expect(searchSlots(query({ staff: [dayOff] }))).toEqual([]);
  });

  it('needs the skill, an active beautician, and the chosen beautician when one is asked for', () => {
    expect(searchSlots(query({ staff: [beautician('mei', ['nails'])] }))).toEqual([]);
    expect(searchSlots(query({ staff: [beautician('mei', ['facial'], { active: false })] }))).toEqual([]);
    const staff = [beautician('anna', ['facial']), beautician('mei', ['facial'])];
    expect(new Set(searchSlots(query({ staff, staffId: 'mei' })).map((s) => s.staffId))).toEqual(new Set(['mei']));
    expect(searchSlots(query({ staff, staffId: 'nobody' }))).toEqual([]);
  });

  it('needs a room with the service’s equipment', () => {
    expect(searchSlots(query({ rooms: [room('r1', ['chair'])] }))).toEqual([]);
    const slots = searchSlots(query({ rooms: [room('r0', ['chair']), room('r2', ['bed', 'steamer'])] }));
    expect(new Set(slots.map((s) => s.roomId))).toEqual(new Set(['r2']));
  });

  it('skips a room out of service today but not on later days', () => {
    const broken = [room('r1', ['bed'], 'out_of_service')];
    expect(searchSlots(query({ rooms: broken }))).toEqual([]);
    expect(searchSlots(query({ rooms: broken, day: '2026-06-16' }))).not.toEqual([]);
  });

  it('does not double-book a beautician, and gives "anyone" to another one who is free', () => {
    const taken = [booking('b1', '2026-06-15T09:00:00Z', 60, { roomId: 'elsewhere' })]; // 10:00–11:00 local
    expect(times(query({ bookings: taken }))).toEqual(['09:00', '11:00']);
    const staff = [beautician('mei', ['facial']), beautician('anna', ['facial'])];
    const rooms = [room('r1', ['bed'], 'free', { cleaningBufferMin: 0 }), room('r2', ['bed'], 'free', { cleaningBufferMin: 0 })];
    const slots = searchSlots(query({ bookings: taken, staff, rooms }));
    expect(slots.map((s) => s.staffId)).toEqual(['anna', 'anna', 'anna', 'anna', 'anna']);
  });

  it('keeps a room free for its cleaning buffer after each booking, and asks the same of the new one', () => {
    const rooms = [room('r1', ['bed'], 'free', { cleaningBufferMin: 15 })];
    const staff = [beautician('mei', ['facial']), beautician('anna', ['facial'])];
    const taken = [booking('b1', '2026-06-15T09:00:00Z', 60, { staffId: 'anna' })]; // 10:00–11:00, then cleaning to 11:15
    // 09:00–10:00 + 15 min buffer runs into 10:00; 11:00 is inside the previous buffer; 11:30 is too late to finish.
    expect(times(query({ bookings: taken, rooms, staff }))).toEqual([]);
    const shorter = service('facial', 'facial', 30, ['bed']);
    expect(times(query({ bookings: taken, rooms, staff, service: shorter }))).toEqual(['09:00', '11:30']);
  });

  it('counts holds until they expire, and ignores cancelled bookings and the booking being moved', () => {
    const hold = booking('h', '2026-06-15T08:00:00Z', 60, { state: 'held', holdExpiresAt: MONDAY_EARLY + 5 * MIN });
    expect(times(query({ bookings: [hold] }))).toEqual(['10:00', '10:30', '11:00']);
    expect(times(query({ bookings: [hold], now: MONDAY_EARLY + 5 * MIN }))).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
    const cancelled = booking('x', '2026-06-15T08:00:00Z', 60, { state: 'cancelled', cancelledAt: 1 });
    expect(times(query({ bookings: [cancelled] }))).toHaveLength(5);
    const mine = booking('m', '2026-06-15T08:00:00Z', 60);
    expect(times(query({ bookings: [mine] }))).toEqual(['10:00', '10:30', '11:00']);
    expect(times(query({ bookings: [mine], ignoreBookingId: 'm' }))).toHaveLength(5);
  });

  it('spreads "anyone" bookings to the beautician with the fewest bookings that day', () => {
    const staff = [beautician('anna', ['facial']), beautician('mei', ['facial'])];
    const rooms = [room('r1', ['bed'], 'free', { cleaningBufferMin: 0 }), room('r2', ['bed'], 'free', { cleaningBufferMin: 0 })];
    const annasDay = [booking('b1', '2026-06-15T10:00:00Z', 60, { staffId: 'anna', roomId: 'r2' })];
    expect(searchSlots(query({ staff, rooms, bookings: annasDay }))[0]?.staffId).toBe('mei');
  });

  it('reads opening hours in local time across the spring-forward day (Europe/London, 29 March 2026)', () => {
    // Sunday 29 March: open it for this test. 01:00 GMT jumps to 02:00 BST.
    const openSunday: BookingSettings = {
      ...OPEN_9_TO_12,
      openingHours: Array.from({ length: 7 }, () => ({ start: '00:30', end: '04:00' })),
      slotStepMin: 30,
    };
    const now = at('2026-03-28T12:00:00Z');
    const q = query({ settings: openSunday, day: '2026-03-29', now });
    const slots = searchSlots(q);
    // 00:30 GMT to 04:00 BST is 2.5 real hours: 60-minute services start every half hour until 02:00 UTC.
    expect(slots.map((s) => new Date(s.startsAt).toISOString())).toEqual([
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ]);
    // A normal 09:00 opening on that day is 08:00 UTC, the day before it is 09:00 UTC.
    const nineToNoon = query({ day: '2026-03-30', now });
    expect(new Date(searchSlots(nineToNoon)[0]!.startsAt).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(new Date(searchSlots(query({ day: '2026-03-28', now: at('2026-03-28T06:00:00Z') }))[0]!.startsAt).toISOString()).toBe(
      '2026-03-28T09:00:00.000Z',
    );
  });

  it('lists bookable days in local calendar days, across a DST change', () => {
    const days = bookableDays(at('2026-03-28T23:30:00Z'), LONDON, { ...OPEN_9_TO_12, horizonDays: 3 });
    expect(days).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(bookableDays(at('2026-10-24T23:30:00Z'), LONDON, { ...OPEN_9_TO_12, horizonDays: 3 })).toEqual([
      '2026-10-25',
      '2026-10-26',
      '2026-10-27',
    ]);
  });
});

describe('findSlot', () => {
  it('finds a free start and refuses a taken one', () => {
    const { day: _day, ...q } = query();
    expect(findSlot(q, at('2026-06-15T08:00:00Z'))?.staffId).toBe('mei');
    expect(findSlot({ ...q, bookings: [booking('b', '2026-06-15T08:30:00Z', 60)] }, at('2026-06-15T08:00:00Z'))).toBeNull();
    expect(findSlot(q, at('2026-06-15T08:10:00Z'))).toBeNull(); // not on the grid
  });
});
