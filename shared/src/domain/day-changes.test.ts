import { describe, expect, it } from 'vitest';
import type { WeeklyShifts } from '../schemas/floor.schema.ts';
import { memberShiftWindows, shiftWindows, windowAt } from './shifts.ts';

/** Monday 23 November 2026, 10:00 UTC. */
const MONDAY_10 = Date.UTC(2026, 10, 23, 10);
const week: WeeklyShifts = Array.from({ length: 7 }, () => ({ start: '09:00', end: '17:00', breaks: [] }));

describe('leave and one-off changes in the shift windows', () => {
  it('without changes, a member works their week', () => {
    expect(memberShiftWindows({ weeklyShifts: week }, MONDAY_10, 'UTC')).toBe(shiftWindows(week, MONDAY_10, 'UTC'));
  });

  it('a day off (sick) empties that day only; other days follow the week', () => {
    const sick = { weeklyShifts: week, dayChanges: { '2026-11-23': { shift: null, reason: 'sick' as const } } };
    expect(windowAt(memberShiftWindows(sick, MONDAY_10, 'UTC'), MONDAY_10)).toBeUndefined();
    const tuesday = MONDAY_10 + 24 * 3_600_000;
    expect(windowAt(memberShiftWindows(sick, tuesday, 'UTC'), tuesday)).toBeDefined();
  });

  it('other hours that day replace the week’s, breaks included', () => {
    const late = { weeklyShifts: week, dayChanges: { '2026-11-23': { shift: { start: '12:00', end: '20:00', breaks: [{ start: '15:00', end: '15:30' }] }, reason: 'swap' as const } } };
    const windows = memberShiftWindows(late, MONDAY_10, 'UTC');
    expect(windowAt(windows, MONDAY_10)).toBeUndefined();
    const window = windowAt(windows, Date.UTC(2026, 10, 23, 19));
    expect(window?.breaks).toEqual([{ start: Date.UTC(2026, 10, 23, 15), end: Date.UTC(2026, 10, 23, 15, 30) }]);
  });

  it('dates are the salon’s: in Shanghai the change of the 24th applies from its local midnight', () => {
    const change = { weeklyShifts: week, dayChanges: { '2026-11-24': { shift: null, reason: 'leave' as const } } };
    const shanghaiTuesday10 = Date.UTC(2026, 10, 24, 2); // 10:00 on the 24th in Shanghai, still the 24th in UTC
    expect(windowAt(memberShiftWindows(change, shanghaiTuesday10, 'Asia/Shanghai'), shanghaiTuesday10)).toBeUndefined();
    const mondayShanghai = Date.UTC(2026, 10, 23, 2); // 10:00 on the 23rd in Shanghai
    expect(windowAt(memberShiftWindows(change, mondayShanghai, 'Asia/Shanghai'), mondayShanghai)).toBeDefined();
  });
});
