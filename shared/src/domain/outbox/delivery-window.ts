import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import type { QuietHours } from '../../schemas/outbox-settings.schema.ts';

/**
 * When the salon's messages may leave (#16): never inside the quiet hours, salon time. Pure, the clock a parameter.
 * Quiet hours may cross midnight (21:00–09:00) or not (12:00–14:00); `from` is inside, `to` is not.
 */

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether `now` lies inside the quiet hours in the salon's time zone. */
export function isQuietAt(now: number, quiet: QuietHours | null, timeZone: string): boolean {
  if (!quiet) return false;
  const local = new TZDate(now, timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** The salon-time moment `hhmm` on the local day of `at` (daylight saving handled by the zone). */
function atLocalTime(at: number, hhmm: string, timeZone: string): number {
  const day = startOfDay(new TZDate(at, timeZone));
  const moment = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)), timeZone);
  return moment.getTime();
}

/**
 * The first moment at or after `now` outside the quiet hours: `now` itself when it is not quiet, else the end of the
 * quiet hours (today's `to` when it is still ahead, else tomorrow's).
 */
export function nextSendableAt(now: number, quiet: QuietHours | null, timeZone: string): number {
  if (!isQuietAt(now, quiet, timeZone) || !quiet) return now;
  const today = atLocalTime(now, quiet.to, timeZone);
  if (today > now) return today;
  return atLocalTime(addDays(new TZDate(now, timeZone), 1).getTime(), quiet.to, timeZone);
}

/** The start of the salon day holding `now`, and of the next one: what the daily cap counts by. */
export function salonDayBounds(now: number, timeZone: string): { start: number; next: number } {
  const start = startOfDay(new TZDate(now, timeZone));
  return { start: start.getTime(), next: startOfDay(addDays(start, 1)).getTime() };
}
