import { describe, expect, it } from 'vitest';
import type { Booking } from '../schemas/booking.schema.ts';
import { bookingArrival, todayBooking } from './booking-arrival.ts';

const MIN = 60_000;
const START = Date.UTC(2026, 10, 23, 14, 0);
const windows = { earlyMin: 30, lateMin: 15 };

const booking = (over: Partial<Booking>): Booking => ({
  id: 'b1',
  clientId: 'c1',
  serviceId: 'facial-classic',
  staffId: 'mei',
  anyStaff: false,
  roomId: null,
  startsAt: START,
  endsAt: START + 60 * MIN,
  state: 'booked',
  holdExpiresAt: null,
  source: 'phone',
  visitId: null,
  createdAt: 0,
  cancelledAt: null,
  reminder: { dueAt: 0, doneAt: null, doneBy: null },
  ...over,
});

describe('bookingArrival', () => {
  it('is early more than the early window before the start, late more than the late window after', () => {
    expect(bookingArrival({ startsAt: START }, START - 31 * MIN, windows)).toEqual({ arrival: 'early', checkInFrom: START - 30 * MIN });
    expect(bookingArrival({ startsAt: START }, START - 30 * MIN, windows).arrival).toBe('on_time');
    expect(bookingArrival({ startsAt: START }, START, windows).arrival).toBe('on_time');
    expect(bookingArrival({ startsAt: START }, START + 15 * MIN, windows).arrival).toBe('on_time');
    expect(bookingArrival({ startsAt: START }, START + 15 * MIN + 1, windows).arrival).toBe('late');
  });

  it('follows the salon’s windows', () => {
    expect(bookingArrival({ startsAt: START }, START - 20 * MIN, { earlyMin: 10, lateMin: 0 }).arrival).toBe('early');
    expect(bookingArrival({ startsAt: START }, START + MIN, { earlyMin: 10, lateMin: 0 }).arrival).toBe('late');
  });
});

describe('todayBooking', () => {
  it('finds the client’s confirmed booking on the salon’s day, the one nearest now', () => {
    const list = [
      booking({ id: 'other-client', clientId: 'c2' }),
      booking({ id: 'cancelled', state: 'cancelled' }),
      booking({ id: 'tomorrow', startsAt: START + 24 * 60 * MIN }),
      booking({ id: 'morning', startsAt: START - 5 * 60 * MIN }),
      booking({ id: 'afternoon' }),
    ];
    expect(todayBooking(list, 'c1', START - 10 * MIN, windows, 'UTC')).toEqual({
      bookingId: 'afternoon',
      serviceId: 'facial-classic',
      staffId: 'mei',
      startsAt: START,
      arrival: 'on_time',
      checkInFrom: START - 30 * MIN,
    });
    expect(todayBooking(list, 'c1', START - 5 * 60 * MIN, windows, 'UTC')?.bookingId).toBe('morning');
    expect(todayBooking(list, 'c3', START, windows, 'UTC')).toBeNull();
  });

  it('reads “today” in the salon’s time zone', () => {
    // 23:30 UTC on the 23rd is already the 24th in Shanghai: the 14:00 UTC booking was yesterday there.
    expect(todayBooking([booking({})], 'c1', Date.UTC(2026, 10, 23, 23, 30), windows, 'Asia/Shanghai')).toBeNull();
    expect(todayBooking([booking({})], 'c1', Date.UTC(2026, 10, 23, 23, 30), windows, 'UTC')?.arrival).toBe('late');
  });
});
