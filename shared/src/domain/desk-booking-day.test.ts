import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOKING_SETTINGS } from '../schemas/booking.schema.ts';
import { deskDayRefusal } from './desk-booking-day.ts';

const TZ = 'Asia/Shanghai';
// Thursday 2026-12-03 10:00 in Shanghai.
const NOW = Date.UTC(2026, 11, 3, 2, 0);

describe('deskDayRefusal', () => {
  it('lets the desk book today and later open days', () => {
    expect(deskDayRefusal('2026-12-03', NOW, TZ, DEFAULT_BOOKING_SETTINGS, [])).toBeNull();
    expect(deskDayRefusal('2026-12-05', NOW, TZ, DEFAULT_BOOKING_SETTINGS, [])).toBeNull();
  });
  it('refuses a day that is over', () => {
    expect(deskDayRefusal('2026-12-02', NOW, TZ, DEFAULT_BOOKING_SETTINGS, [])).toBe('slot_past');
  });
  it('refuses a closed weekday (Sunday by default) and a closed date', () => {
    expect(deskDayRefusal('2026-12-06', NOW, TZ, DEFAULT_BOOKING_SETTINGS, [])).toBe('day_closed');
    expect(deskDayRefusal('2026-12-04', NOW, TZ, DEFAULT_BOOKING_SETTINGS, ['2026-12-04'])).toBe('day_closed');
  });
  it('refuses an impossible date as closed', () => {
    expect(deskDayRefusal('2026-13-40', NOW, TZ, DEFAULT_BOOKING_SETTINGS, [])).toBe('day_closed');
  });
});
