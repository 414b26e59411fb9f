import { addDays as addUtcDays, format } from 'date-fns';
import { isCalendarDate } from '../calendar-date.ts';

/**
 * Calendar-day arithmetic on the salon's days (YYYY-MM-DD). A calendar day has no time zone: it is read as a UTC
 * midnight so that daylight saving never moves a day, and written back the same way.
 */
const utc = (date: string): Date => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const out = new Date(Date.UTC(2000, 0, 1));
  out.setUTCFullYear(y, m - 1, d);
  return out;
};

const write = (date: Date): string =>
  `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;

/** `date` moved by `days` calendar days (negative: back). Throws on a date that does not exist. */
export function addDays(date: string, days: number): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return write(addUtcDays(utc(date), days));
}

/** The day of the week of a calendar date, 0 = Sunday. */
export const weekday = (date: string): number => utc(date).getUTCDay();

/** The calendar date of year `year`, month `month` (1–12), day `day`; null when it does not exist (30 February). */
export function dateOf(year: number, month: number, day: number): string | null {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(date) ? date : null;
}

/** For messages: a calendar date as the client reads it in their language ("3 December 2026", "2026年12月3日"). */
export function readableDate(date: string, language: 'en' | 'zh-CN'): string {
  const d = utc(date);
  if (language === 'zh-CN') return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
  return format(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()), 'd MMMM yyyy');
}
