import { isCalendarDate } from './calendar-date.ts';
import { salonDay } from './shifts.ts';

export type BirthdayProblem = 'birthday_format' | 'birthday_future' | 'birthday_too_old';

/** Nobody checking in was born more than this many years ago: such a year is a typing mistake. */
export const MAX_AGE_YEARS = 120;

/**
 * What is wrong with a birthday a client typed, judged on the salon's calendar day `now` falls on: not a real date,
 * a date after today, or a year more than 120 years back. Null when it is fine.
 */
export function birthdayProblem(birthday: string, now: number, timeZone: string): BirthdayProblem | null {
  if (!isCalendarDate(birthday)) return 'birthday_format';
  const today = salonDay(now, timeZone) ?? new Date(now).toISOString().slice(0, 10);
  if (birthday > today) return 'birthday_future';
  const oldest = `${String(Number(today.slice(0, 4)) - MAX_AGE_YEARS).padStart(4, '0')}${today.slice(4)}`;
  if (birthday < oldest) return 'birthday_too_old';
  return null;
}
