import { describe, expect, it } from 'vitest';
import type { WeeklyShifts } from '../schemas/floor.schema.ts';
import { shiftWindows } from './shifts.ts';
import { at, everyDay, shift } from './test-floor.ts';

describe('shiftWindows: kept for the day', () => {
  const week: WeeklyShifts = everyDay(shift('09:00', '18:00', [{ start: '13:00', end: '13:30' }]));

  it('gives the same windows all day without working them out again, and the next day its own', () => {
    const morning = shiftWindows(week, at('2026-06-15T08:00:00Z'), 'Europe/London');
    // Same local day: the very same array (not recomputed); equal to what a fresh week of the same shifts gives.
    expect(shiftWindows(week, at('2026-06-15T15:00:00Z'), 'Europe/London')).toBe(morning);
    expect(shiftWindows(everyDay(shift('09:00', '18:00', [{ start: '13:00', end: '13:30' }])), at('2026-06-15T15:00:00Z'), 'Europe/London')).toEqual(morning);
    expect(morning.at(-1)?.start).toBe(at('2026-06-15T08:00:00Z'));
    // The next local day, another zone: worked out afresh.
    expect(shiftWindows(week, at('2026-06-16T08:00:00Z'), 'Europe/London').at(-1)?.start).toBe(at('2026-06-16T08:00:00Z'));
    expect(shiftWindows(week, at('2026-06-16T08:00:00Z'), 'UTC').at(-1)?.start).toBe(at('2026-06-16T09:00:00Z'));
  });
});
