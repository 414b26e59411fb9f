import { TZDate } from '@date-fns/tz';
import { addDays, addHours, isBefore, set } from 'date-fns';
import type { OpeningHours } from '../schemas/booking.schema.ts';
import type { Timestamp } from '../schemas/common.schema.ts';

/** A call that found nobody is tried again this much later the same day, when the salon is still open then. */
export const RETRY_LATER_HOURS = 2;
/** How far ahead a retry or a call-back may be set: further than that is a new task, not a retry. */
export const RETRY_MAX_DAYS = 60;

const at = (day: TZDate, hhmm: string): TZDate => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return set(day, { hours: h, minutes: m, seconds: 0, milliseconds: 0 });
};

/**
 * When to try a call again after no answer, if the caller does not choose: later today (two hours on) while the salon
 * is still open then, else at the opening of its next open day (tomorrow morning, usually). A salon with no open day
 * at all gets tomorrow at 10:00. Pure: the clock and the salon's zone are parameters.
 */
export function defaultRetryAt(now: Timestamp, timeZone: string, openingHours: OpeningHours): Timestamp {
  const local = new TZDate(now, timeZone);
  const later = addHours(local, RETRY_LATER_HOURS);
  const today = openingHours[local.getDay()];
  if (today && later.getDate() === local.getDate() && !isBefore(at(local, today.end), later) && !isBefore(later, at(local, today.start))) {
    return later.getTime();
  }
  for (let d = 1; d <= 7; d++) {
    const day = addDays(local, d);
    const hours = openingHours[day.getDay()];
    if (hours) return at(day, hours.start).getTime();
  }
  return at(addDays(local, 1), '10:00').getTime();
}

/** Whether a chosen retry time can stand: after now, and within RETRY_MAX_DAYS. */
export function retryProblem(retryAt: Timestamp, now: Timestamp): 'retry_in_past' | 'retry_too_far' | null {
  if (retryAt <= now) return 'retry_in_past';
  if (retryAt > now + RETRY_MAX_DAYS * 86_400_000) return 'retry_too_far';
  return null;
}

/**
 * A salon day (YYYY-MM-DD) and a time of day (HH:MM) as a moment, in the salon's zone (a retry or call-back time the
 * caller picks on the tablet); null when either is not one.
 */
export function salonMoment(day: string, time: string, timeZone: string): Timestamp | null {
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!t || !d) return null;
  const [h, min] = [Number(t[1]), Number(t[2])];
  if (h > 23 || min > 59) return null;
  const at = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), h, min, timeZone);
  return Number.isNaN(at.getTime()) ? null : at.getTime();
}
