import { describe, expect, it } from 'vitest';
import { holidayDate, holidaysOn, midAutumn, mothersDay, springFestival } from './holidays.ts';

describe('the salon holidays on the Gregorian calendar', () => {
  // Dates as the Chinese government's holiday notices give them.
  const SPRING = { 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03' };
  const MID_AUTUMN = { 2026: '2026-09-25', 2027: '2027-09-15', 2028: '2028-10-03', 2029: '2029-09-22', 2030: '2030-09-12' };

  it.each(Object.entries(SPRING))('Spring Festival %s is on %s (lunar 1/1, computed)', (year, date) => {
    expect(springFestival(Number(year))).toBe(date);
  });

  it.each(Object.entries(MID_AUTUMN))('Mid-Autumn %s is on %s (lunar 8/15, computed)', (year, date) => {
    expect(midAutumn(Number(year))).toBe(date);
  });

  it("Mother's Day is the second Sunday of May", () => {
    expect([2026, 2027, 2028, 2029, 2030].map(mothersDay)).toEqual(['2026-05-10', '2027-05-09', '2028-05-14', '2029-05-13', '2030-05-12']);
  });

  it('New Year is 1 January, and holidaysOn names only the picked holidays of the day', () => {
    expect(holidayDate('new_year', 2027)).toBe('2027-01-01');
    expect(holidaysOn('2026-02-17', ['new_year', 'spring_festival'])).toEqual(['spring_festival']);
    expect(holidaysOn('2026-02-17', ['new_year'])).toEqual([]);
    expect(holidaysOn('2026-02-18', ['spring_festival', 'mid_autumn', 'mothers_day', 'new_year'])).toEqual([]);
  });
});
