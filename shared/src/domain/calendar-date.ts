import { differenceInCalendarDays } from 'date-fns';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a date that exists, written YYYY-MM-DD (no 30 February, no month 13). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const utcDay = (s: string): Date => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/**
 * Whole calendar days from `from` to `to` (both YYYY-MM-DD): positive when `to` is later. Calendar dates have no
 * time zone, so both are read as UTC midnights and daylight saving never shifts the count.
 */
export const daysBetween = (from: string, to: string): number => differenceInCalendarDays(utcDay(to), utcDay(from));
