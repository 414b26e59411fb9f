import { Lunar } from 'lunar-typescript';
import type { Holiday } from '../../schemas/follow-up-settings.schema.ts';
import { addDays, dateOf, weekday } from './salon-dates.ts';

/**
 * The salon's holidays on the Gregorian calendar. Spring Festival (1st day of the 1st lunar month) and Mid-Autumn
 * (15th day of the 8th) are computed by lunar-typescript, never typed in per year. Not the platform's ICU Chinese
 * calendar (Intl 'ca-chinese'): it is a day off when the new moon falls minutes from Beijing midnight (it puts
 * Spring Festival 2027 on 7 February and 2030 on 2 February; they are on the 6th and the 3rd).
 */

/** The Gregorian date of a day of the Chinese calendar in the lunar year that starts in Gregorian `year`. */
function fromLunar(year: number, month: number, day: number): string | null {
  if (year < 1901 || year > 2099) return null;
  return Lunar.fromYmd(year, month, day).getSolar().toYmd();
}

/** Spring Festival of a Gregorian year (between 21 January and 20 February). */
export const springFestival = (year: number): string | null => fromLunar(year, 1, 1);

/** Mid-Autumn of a Gregorian year (between 7 September and 8 October). */
export const midAutumn = (year: number): string | null => fromLunar(year, 8, 15);

/** Mother's Day: the second Sunday of May. */
export function mothersDay(year: number): string {
  const first = dateOf(year, 5, 1)!;
  const firstSunday = addDays(first, (7 - weekday(first)) % 7);
  return addDays(firstSunday, 7);
}

/** The date of a holiday in a Gregorian year. */
export function holidayDate(holiday: Holiday, year: number): string | null {
  switch (holiday) {
    case 'new_year':
      return dateOf(year, 1, 1);
    case 'spring_festival':
      return springFestival(year);
    case 'mothers_day':
      return mothersDay(year);
    case 'mid_autumn':
      return midAutumn(year);
  }
}

/** The holidays among `picked` that fall on `date`. */
export function holidaysOn(date: string, picked: readonly Holiday[]): Holiday[] {
  const year = Number(date.slice(0, 4));
  return picked.filter((h) => holidayDate(h, year) === date);
}
