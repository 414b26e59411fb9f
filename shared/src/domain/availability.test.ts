import { describe, expect, it } from 'vitest';
import { canTakeClient, staffStatusAt } from './availability.ts';
import { fitsAt, isValidTimeZone, nextFit, salonDay, shiftWindows } from './shifts.ts';
import { at, beautician, everyDay, MIN, shift, visit } from './test-floor.ts';

const LONDON = 'Europe/London';
const nineToFive = everyDay(shift('09:00', '17:00', [{ start: '12:00', end: '12:30' }]));
const mei = beautician('mei', ['facial'], { weeklyShifts: nineToFive });
const status = (iso: string, tz = LONDON, who = mei, visits = [] as ReturnType<typeof visit>[]) =>
  staffStatusAt(who, visits, at(iso), tz);

describe('staffStatusAt', () => {
  it('is on shift between start and end, off before and at the end', () => {
    expect(status('2026-06-15T08:59:00+01:00').onShift).toBe(false);
    expect(status('2026-06-15T09:00:00+01:00').onShift).toBe(true);
    expect(status('2026-06-15T16:59:00+01:00').onShift).toBe(true);
    expect(status('2026-06-15T17:00:00+01:00').onShift).toBe(false);
  });

  it('reads shifts in the salon time zone, not UTC', () => {
    // 08:30 UTC is 09:30 in London in June (BST) but 16:30 in Shanghai.
    expect(status('2026-06-15T08:30:00Z', LONDON).onShift).toBe(true);
    expect(status('2026-06-15T08:30:00Z', 'UTC').onShift).toBe(false);
    expect(status('2026-06-15T08:30:00Z', 'Asia/Shanghai').onShift).toBe(true);
    expect(status('2026-06-15T09:30:00Z', 'Asia/Shanghai').onShift).toBe(false);
  });

  it('handles the spring-forward day in Europe/London (clocks go 01:00 → 02:00 on 29 March 2026)', () => {
    // The same UTC time of day, a day apart: 08:30 GMT on Saturday, 09:30 BST on Sunday.
    expect(status('2026-03-28T08:30:00Z').onShift).toBe(false);
    expect(status('2026-03-29T08:30:00Z').onShift).toBe(true);
    // 16:30 UTC: 16:30 GMT (working) on Saturday, 17:30 BST (gone home) on Sunday.
    expect(status('2026-03-28T16:30:00Z').onShift).toBe(true);
    expect(status('2026-03-29T16:30:00Z').onShift).toBe(false);
    // The break is at 12:00 local: 11:00 UTC on Sunday.
    expect(status('2026-03-29T11:10:00Z').onBreak).toBe(true);
    expect(status('2026-03-28T11:10:00Z').onBreak).toBe(false);
  });

  it('handles the fall-back day in Europe/London (25 October 2026)', () => {
    expect(status('2026-10-24T08:30:00Z').onShift).toBe(true); // 09:30 BST
    expect(status('2026-10-25T08:30:00Z').onShift).toBe(false); // 08:30 GMT
    expect(status('2026-10-25T16:30:00Z').onShift).toBe(true); // 16:30 GMT
    expect(status('2026-10-24T16:30:00Z').onShift).toBe(false); // 17:30 BST
  });

  it('a night shift across the spring-forward night is an hour shorter', () => {
    const night = beautician('nia', ['facial'], { weeklyShifts: everyDay(shift('22:00', '06:00')) });
    const windows = shiftWindows(night.weeklyShifts, at('2026-03-29T03:00:00Z'), LONDON);
    const sat = windows.find((w) => w.start === at('2026-03-28T22:00:00Z'));
    expect(sat?.end).toBe(at('2026-03-29T05:00:00Z')); // 06:00 BST
    expect(status('2026-03-29T04:59:00Z', LONDON, night).onShift).toBe(true);
    expect(status('2026-03-29T05:00:00Z', LONDON, night).onShift).toBe(false);
    // …and across the fall-back night an hour longer.
    const fallBack = shiftWindows(night.weeklyShifts, at('2026-10-25T03:00:00Z'), LONDON);
    const oct24 = fallBack.find((w) => w.start === at('2026-10-24T21:00:00Z')); // 22:00 BST
    expect(oct24 && oct24.end - oct24.start).toBe(9 * 60 * MIN);
    expect(status('2026-10-25T05:59:00Z', LONDON, night).onShift).toBe(true); // 05:59 GMT
    expect(status('2026-10-25T06:00:00Z', LONDON, night).onShift).toBe(false);
  });

  it('a day off (null) is off shift all day, and the next day is on again', () => {
    const weekdays = beautician('wen', ['facial'], { weeklyShifts: everyDay(shift('09:00', '17:00'), [0, 6]) });
    expect(status('2026-06-13T10:00:00+01:00', LONDON, weekdays).onShift).toBe(false); // Saturday
    expect(status('2026-06-14T10:00:00+01:00', LONDON, weekdays).onShift).toBe(false); // Sunday
    expect(status('2026-06-15T10:00:00+01:00', LONDON, weekdays).onShift).toBe(true); // Monday
  });

  it('a night shift still running after midnight counts on the next day, even if that day is off', () => {
    const friNight = beautician('fn', ['facial'], {
      weeklyShifts: [null, null, null, null, null, shift('20:00', '02:00'), null],
    });
    expect(status('2026-06-13T01:00:00Z', 'UTC', friNight).onShift).toBe(true); // Saturday 01:00
    expect(status('2026-06-13T02:00:00Z', 'UTC', friNight).onShift).toBe(false);
  });

  it('is on a break during a break, and a break after midnight in a night shift is on the right day', () => {
    expect(status('2026-06-15T12:00:00+01:00')).toMatchObject({ onShift: true, onBreak: true });
    expect(status('2026-06-15T12:30:00+01:00')).toMatchObject({ onShift: true, onBreak: false });
    const night = beautician('nia', ['facial'], {
      weeklyShifts: everyDay(shift('22:00', '06:00', [{ start: '23:45', end: '00:15' }, { start: '03:00', end: '03:30' }])),
    });
    expect(status('2026-06-16T00:10:00Z', 'UTC', night).onBreak).toBe(true);
    expect(status('2026-06-16T03:10:00Z', 'UTC', night).onBreak).toBe(true);
    expect(status('2026-06-15T23:40:00Z', 'UTC', night).onBreak).toBe(false);
    expect(status('2026-06-16T03:30:00Z', 'UTC', night).onBreak).toBe(false);
  });

  it('is never on a break off shift', () => {
    const odd = beautician('odd', [], { weeklyShifts: everyDay(shift('09:00', '17:00', [{ start: '18:00', end: '19:00' }])) });
    expect(status('2026-06-15T18:30:00Z', 'UTC', odd)).toMatchObject({ onShift: false, onBreak: false });
  });

  it('reports the visit they hold, not finished or waiting ones', () => {
    const visits = [
      visit('done', 'facial', 'closed', { staffId: 'mei' }),
      visit('queued', 'facial', 'queued', { staffId: 'mei' }),
      visit('held', 'facial', 'plan_confirmed', { staffId: 'mei' }),
      visit('other', 'facial', 'in_service', { staffId: 'anna' }),
    ];
    expect(status('2026-06-15T10:00:00+01:00', LONDON, mei, visits).visitId).toBe('held');
    for (const state of ['assigned', 'plan_confirmed', 'in_service', 'closing'] as const) {
      expect(status('2026-06-15T10:00:00+01:00', LONDON, mei, [visit('v', 'facial', state, { staffId: 'mei' })]).visitId).toBe('v');
    }
  });

  it('an inactive member and an unknown time zone are off shift', () => {
    expect(status('2026-06-15T10:00:00+01:00', LONDON, { ...mei, active: false }).onShift).toBe(false);
    expect(status('2026-06-15T10:00:00+01:00', 'Mars/Olympus').onShift).toBe(false);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone(LONDON)).toBe(true);
  });
});

describe('canTakeClient', () => {
  it('needs on shift, off break and no visit', () => {
    expect(canTakeClient({ staffId: 'a', onShift: true, onBreak: false, visitId: null })).toBe(true);
    expect(canTakeClient({ staffId: 'a', onShift: false, onBreak: false, visitId: null })).toBe(false);
    expect(canTakeClient({ staffId: 'a', onShift: true, onBreak: true, visitId: null })).toBe(false);
    expect(canTakeClient({ staffId: 'a', onShift: true, onBreak: false, visitId: 'v' })).toBe(false);
  });
});

describe('shift fitting', () => {
  const windows = shiftWindows(nineToFive, at('2026-06-15T10:00:00Z'), 'UTC');

  it('fits a session that ends exactly at a break or the end of the shift, not one that runs into them', () => {
    expect(fitsAt(windows, at('2026-06-15T11:00:00Z'), 60 * MIN)).toBe(true);
    expect(fitsAt(windows, at('2026-06-15T11:01:00Z'), 60 * MIN)).toBe(false);
    expect(fitsAt(windows, at('2026-06-15T16:00:00Z'), 60 * MIN)).toBe(true);
    expect(fitsAt(windows, at('2026-06-15T16:10:00Z'), 60 * MIN)).toBe(false);
    expect(fitsAt(windows, at('2026-06-15T12:10:00Z'), 5 * MIN)).toBe(false);
  });

  it('finds the next time a session fits: after the break, or never today', () => {
    expect(nextFit(windows, at('2026-06-15T11:30:00Z'), 60 * MIN)).toBe(at('2026-06-15T12:30:00Z'));
    expect(nextFit(windows, at('2026-06-15T07:00:00Z'), 60 * MIN)).toBe(at('2026-06-15T09:00:00Z'));
    expect(nextFit(windows, at('2026-06-15T16:30:00Z'), 60 * MIN)).toBeNull();
    expect(nextFit(windows, at('2026-06-15T16:30:00Z'), 30 * MIN)).toBe(at('2026-06-15T16:30:00Z'));
  });

  it('shortens the last hour of a DST day correctly', () => {
    const dst = shiftWindows(nineToFive, at('2026-03-29T10:00:00Z'), LONDON);
    expect(fitsAt(dst, at('2026-03-29T15:00:00Z'), 60 * MIN)).toBe(true); // 16:00–17:00 BST
    expect(fitsAt(dst, at('2026-03-29T15:30:00Z'), 60 * MIN)).toBe(false);
  });

  it('merges a night shift into the next morning when they touch', () => {
    const w = shiftWindows(everyDay(shift('00:00', '00:00')), at('2026-06-15T23:30:00Z'), 'UTC');
    expect(w).toHaveLength(1);
    expect(fitsAt(w, at('2026-06-15T23:30:00Z'), 60 * MIN)).toBe(true);
  });
});

describe('salonDay', () => {
  it('is the local date in the salon', () => {
    expect(salonDay(at('2026-06-15T23:30:00Z'), LONDON)).toBe('2026-06-16');
    expect(salonDay(at('2026-06-15T23:30:00Z'), 'UTC')).toBe('2026-06-15');
    expect(salonDay(0, 'Nope/Nope')).toBeNull();
  });
});
