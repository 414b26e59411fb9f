import { tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
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
  // UTC midnights are whole days apart (no DST in UTC): plain arithmetic, which a sweep over every client needs.
  return write(new Date(utc(date).getTime() + days * 86_400_000));
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

/** Per zone, the UTC offset (minutes) of each UTC hour already asked for; bounded, cleared when full. */
const offsets = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 50_000;
const HOUR = 3_600_000;

/**
 * The salon day (YYYY-MM-DD) an instant falls on, for the many instants of a sweep over every visit: the zone's
 * offset is looked up once per UTC hour (offsets change on the hour in every zone the salon can pick but one
 * island's half-hour shift) instead of a time-zone conversion per visit. Null for a zone Intl does not know.
 */
export function fastSalonDay(at: number, timeZone: string): string | null {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const hour = Math.floor(at / HOUR);
  let offset = zone.get(hour);
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(hour * HOUR));
    if (zone.size >= OFFSET_CACHE_LIMIT) zone.clear();
    zone.set(hour, offset);
  }
  if (!Number.isFinite(offset) || !Number.isFinite(at)) return null;
  return write(new Date(at + offset * 60_000));
}
