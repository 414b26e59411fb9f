import { describe, expect, it } from 'vitest';
import { followUpPlan, reportWindowEnd, reportWindowOpen } from './aftercare-plan.ts';

const DAY = 24 * 60 * 60 * 1000;

describe('the aftercare follow-up plan', () => {
  it('checks in on days 1, 3 and 7 and suggests the next treatment after the service course', () => {
    const closedAt = Date.UTC(2026, 5, 10, 9, 0);
    const plan = followUpPlan(closedAt, { followUpDays: [7, 1, 3, 3] }, { nextTreatmentWeeks: 4 }, 'UTC');
    expect(plan.checkIns).toEqual([
      { day: 1, at: closedAt + DAY },
      { day: 3, at: closedAt + 3 * DAY },
      { day: 7, at: closedAt + 7 * DAY },
    ]);
    expect(plan.nextTreatmentAt).toBe(closedAt + 28 * DAY);
    expect(followUpPlan(closedAt, { followUpDays: [] }, undefined, 'UTC')).toEqual({ checkIns: [], nextTreatmentAt: null });
  });

  it('counts calendar days in the salon time zone across a clock change', () => {
    // London goes to summer time on 29 March 2026: day 1 after 28 March 10:00 is 29 March 10:00, 23 hours later.
    const closedAt = Date.UTC(2026, 2, 28, 10, 0);
    const [first] = followUpPlan(closedAt, { followUpDays: [1] }, undefined, 'Europe/London').checkIns;
    expect(first?.at).toBe(closedAt + 23 * 60 * 60 * 1000);
  });

  it('keeps the report window open for the salon’s number of days, then closes it', () => {
    const closedAt = Date.UTC(2026, 5, 10, 9, 0);
    expect(reportWindowEnd(closedAt, { reportWindowDays: 7 }, 'UTC')).toBe(closedAt + 7 * DAY);
    expect(reportWindowOpen(closedAt, { reportWindowDays: 7 }, 'UTC', closedAt + 7 * DAY - 1)).toBe(true);
    expect(reportWindowOpen(closedAt, { reportWindowDays: 7 }, 'UTC', closedAt + 7 * DAY)).toBe(false);
    expect(reportWindowOpen(closedAt, { reportWindowDays: 0 }, 'UTC', closedAt)).toBe(false);
  });
});
