import { describe, expect, it } from 'vitest';
import { salonDay } from '../shifts.ts';
import { addDays, fastSalonDay, readableDate } from './salon-dates.ts';

describe('salon days', () => {
  it('fastSalonDay agrees with salonDay through a year and around every DST change, in several zones', () => {
    const check = (at: number, zone: string) => {
      const fast = fastSalonDay(at, zone);
      if (fast !== salonDay(at, zone)) throw new Error(`${zone} ${new Date(at).toISOString()}: ${fast} vs ${salonDay(at, zone)}`);
    };
    const start = Date.UTC(2026, 0, 1);
    for (const zone of ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Asia/Kathmandu']) {
      for (let at = start; at < start + 366 * 86_400_000; at += 211 * 60_000) check(at, zone);
    }
    // The 2026 changes: London 29 March and 25 October at 01:00 UTC, New York 8 March 07:00 and 1 November 06:00 UTC.
    const changes: [string, number][] = [
      ['Europe/London', Date.UTC(2026, 2, 29, 1)],
      ['Europe/London', Date.UTC(2026, 9, 25, 1)],
      ['America/New_York', Date.UTC(2026, 2, 8, 7)],
      ['America/New_York', Date.UTC(2026, 10, 1, 6)],
    ];
    for (const [zone, change] of changes) for (let at = change - 6 * 3_600_000; at <= change + 6 * 3_600_000; at += 5 * 60_000) check(at, zone);
    expect(fastSalonDay(start, 'Not/AZone')).toBeNull();
  }, 30_000);

  it('adds days over month, year and leap day, and refuses a day that does not exist', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => addDays('2026-02-29', 1)).toThrow(RangeError);
  });

  it('writes a date for the client in her language', () => {
    expect(readableDate('2026-09-25', 'en')).toBe('25 September 2026');
    expect(readableDate('2026-09-25', 'zh-CN')).toBe('2026年9月25日');
  });
});
