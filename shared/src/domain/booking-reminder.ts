import { TZDate } from '@date-fns/tz';
import { startOfDay, subDays } from 'date-fns';
import type { Booking } from '../schemas/booking.schema.ts';
import type { Timestamp } from '../schemas/common.schema.ts';

/**
 * A booking's day-before reminder: due from the start of the salon's day before the appointment (the front desk
 * calls or messages during that day). A booking made on its own day needs no reminder: it is born done.
 */
export function bookingReminder(startsAt: Timestamp, now: Timestamp, timeZone: string): Booking['reminder'] {
  const dueAt = startOfDay(subDays(new TZDate(startsAt, timeZone), 1)).getTime();
  const sameDay = startOfDay(new TZDate(startsAt, timeZone)).getTime() <= now;
  return { dueAt, doneAt: sameDay ? now : null, doneBy: null };
}
