import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks } from 'date-fns';
import type { AftercareGuide, AftercareSettings } from '../schemas/aftercare.schema.ts';

export type FollowUpPlan = {
  /** When the salon will check in (the "1-3-7 rule"): one entry per follow-up day, in order. */
  checkIns: Array<{ day: number; at: number }>;
  /** When the next treatment is due, if the service has a course; null otherwise. */
  nextTreatmentAt: number | null;
};

/**
 * The follow-up plan printed on the aftercare sheet, counted in calendar days in the salon's time zone (a day across a
 * clock change is still one day). Pure: the visit's closing time is the only clock.
 */
export function followUpPlan(
  closedAt: number,
  settings: Pick<AftercareSettings, 'followUpDays'>,
  guide: Pick<AftercareGuide, 'nextTreatmentWeeks'> | undefined,
  timeZone: string,
): FollowUpPlan {
  const start = new TZDate(closedAt, timeZone);
  const days = [...new Set(settings.followUpDays)].sort((a, b) => a - b);
  return {
    checkIns: days.map((day) => ({ day, at: addDays(start, day).getTime() })),
    nextTreatmentAt: guide?.nextTreatmentWeeks ? addWeeks(start, guide.nextTreatmentWeeks).getTime() : null,
  };
}

/** The end of the window in which a problem may be reported from the page (the salon's number of days). */
export function reportWindowEnd(closedAt: number, settings: Pick<AftercareSettings, 'reportWindowDays'>, timeZone: string): number {
  return addDays(new TZDate(closedAt, timeZone), settings.reportWindowDays).getTime();
}

export const reportWindowOpen = (
  closedAt: number,
  settings: Pick<AftercareSettings, 'reportWindowDays'>,
  timeZone: string,
  now: number,
): boolean => now < reportWindowEnd(closedAt, settings, timeZone);
