import { TZDateMini } from '@date-fns/tz';
import type { BookingSettings } from '../schemas/booking.schema.ts';
import type { Timestamp } from '../schemas/common.schema.ts';
import { salonDay } from './shifts.ts';

/**
 * Why the front desk cannot book on a salon-local day ("YYYY-MM-DD"), or null when it can look for times: the day is
 * over, the salon is closed on that weekday, or it is one of the salon's closed dates. The slot search itself says
 * which times are free; this only lets the desk tell the client the right reason. Pure: the clock is `now`.
 */
export function deskDayRefusal(
  day: string,
  now: Timestamp,
  timeZone: string,
  settings: Pick<BookingSettings, 'openingHours'>,
  closedDates: readonly string[],
): 'slot_past' | 'day_closed' | null {
  const today = salonDay(now, timeZone);
  // "YYYY-MM-DD" strings compare in calendar order.
  if (today !== null && day < today) return 'slot_past';
  // The weekday of a calendar day does not depend on the zone: noon UTC of that date has it.
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  if (!Number.isFinite(weekday) || settings.openingHours[weekday] === null) return 'day_closed';
  if (closedDates.includes(day)) return 'day_closed';
  return null;
}

/** The salon day `n` days after `day` (stepped in calendar days at noon, never 24h, which drift across DST). */
export function addSalonDays(day: string, n: number, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return salonDay(new TZDateMini(y!, m! - 1, d! + n, 12, 0, 0, 0, timeZone).getTime(), timeZone) ?? day;
}

/** Noon of a salon day: a moment on that day in any zone offset, for formatting the day or a time on it. */
export function salonNoon(day: string, timeZone: string): Timestamp {
  const [y, m, d] = day.split('-').map(Number);
  return new TZDateMini(y!, m! - 1, d!, 12, 0, 0, 0, timeZone).getTime();
}
