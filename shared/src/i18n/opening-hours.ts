import type { OpeningHours } from '../schemas/booking.schema.ts';
import type { Language } from '../schemas/common.schema.ts';
import { createTranslator } from './translate.ts';

/** Monday first, as a salon's hours are read (the data is indexed 0 Sunday … 6 Saturday). */
const WEEK_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0] as const;
/** A Sunday (UTC): day `i` of the week is this date plus `i` days, for the weekday's name. */
const A_SUNDAY = Date.UTC(2026, 0, 4);

const dayNames = (language: Language): string[] => {
  const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(A_SUNDAY + i * 86_400_000));
};

/**
 * The salon's opening hours in words, for clients (the aftercare sheet): "Every day 09:00–20:00", or days with the
 * same hours run together, "Mon–Fri 09:00–18:00 · Sat 10:00–16:00 · Sun closed". Made from the one setting the
 * booking pages use, so what the sheet says is always when the salon opens (#11: two settings used to disagree).
 * Empty when the salon is closed every day.
 */
export function openingHoursText(hours: OpeningHours, language: Language): string {
  const t = createTranslator(language);
  const names = dayNames(language);
  const span = (d: OpeningHours[number]) => (d ? `${d.start}–${d.end}` : null);
  const runs: { first: number; last: number; hours: string | null }[] = [];
  for (const day of WEEK_FROM_MONDAY) {
    const h = span(hours[day] ?? null);
    const run = runs.at(-1);
    if (run && run.hours === h) run.last = day;
    else runs.push({ first: day, last: day, hours: h });
  }
  if (runs.every((r) => r.hours === null)) return '';
  if (runs.length === 1) return t('hours.everyDay', { hours: runs[0]!.hours! });
  return runs
    .map((r) => {
      const days = r.first === r.last ? names[r.first]! : `${names[r.first]}–${names[r.last]}`;
      return r.hours === null ? t('hours.closedDays', { days }) : t('hours.openDays', { days, hours: r.hours });
    })
    .join(' · ');
}
