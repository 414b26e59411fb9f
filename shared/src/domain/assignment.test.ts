import { describe, expect, it } from 'vitest';
import { planAssignments } from './assignment.ts';
import type { Floor } from './floor.ts';
import { at, beautician, everyDay, MIN, NOON_ISH, room, service, settings, shift, visit } from './test-floor.ts';

const services = {
  facial: service('facial', 'facial', 60, ['bed']),
  nails: service('nails', 'nails', 45, ['nail_station']),
  peel: service('peel', 'facial', 90, ['bed', 'lamp']),
  quick: service('quick', 'facial', 15, []),
};
const now = NOON_ISH; // Monday 2026-06-15 10:00 UTC
const plan = (floor: Partial<Floor>, t = now, s = settings()) =>
  planAssignments({ visits: [], rooms: [], staff: [], services, ...floor }, t, s);

describe('planAssignments: the basics', () => {
  it('pairs the first queued visit with a free qualified beautician and a room with the equipment', () => {
    expect(
      plan({
        visits: [visit('v1', 'facial', 'queued')],
        rooms: [room('nail-bar', ['nail_station']), room('r1', ['bed'])],
        staff: [beautician('nails-only', ['nails']), beautician('mei', ['facial'])],
      }),
    ).toEqual([{ visitId: 'v1', roomId: 'r1', staffId: 'mei' }]);
  });

  it('serves walk-ins by queue rank (not by arrival time) and never gives one beautician or room twice', () => {
    expect(
      plan({
        visits: [
          visit('late-but-moved-up', 'facial', 'queued', { times: { queued: 200 }, queueRank: 50 }),
          visit('early', 'facial', 'queued', { times: { queued: 100 }, queueRank: 100 }),
        ],
        rooms: [room('r1', ['bed']), room('r2', ['bed'])],
        staff: [beautician('mei', ['facial'])],
      }),
    ).toEqual([{ visitId: 'late-but-moved-up', roomId: 'r1', staffId: 'mei' }]);
  });

  it('breaks equal ranks by id', () => {
    expect(
      plan({
        visits: [visit('b', 'quick', 'queued', { queueRank: 1 }), visit('a', 'quick', 'queued', { queueRank: 1 })],
        rooms: [room('r1')],
        staff: [beautician('mei', ['facial'])],
      }),
    ).toEqual([{ visitId: 'a', roomId: 'r1', staffId: 'mei' }]);
  });

  it('does not hold back a visit someone can serve behind one nobody can serve now', () => {
    expect(
      plan({
        visits: [
          visit('v-facial', 'facial', 'queued', { queueRank: 1 }),
          visit('v-nails', 'nails', 'queued', { queueRank: 2 }),
        ],
        rooms: [room('r1', ['bed'], 'occupied'), room('nail-bar', ['nail_station'])],
        staff: [beautician('anna', ['facial', 'nails'])],
      }),
    ).toEqual([{ visitId: 'v-nails', roomId: 'nail-bar', staffId: 'anna' }]);
  });

  it('leaves out busy beauticians, inactive staff, non-beauticians and rooms that are not free', () => {
    expect(
      plan({
        visits: [
          visit('busy', 'facial', 'in_service', { staffId: 'mei', roomId: 'r1' }),
          visit('waiting', 'facial', 'queued'),
        ],
        rooms: [room('r1', ['bed'], 'occupied'), room('r2', ['bed'], 'cleaning'), room('r3', ['bed'], 'out_of_service')],
        staff: [
          beautician('mei', ['facial']),
          beautician('gone', ['facial'], { active: false }),
          beautician('desk', ['facial'], { role: 'front_desk' }),
          beautician('boss', ['facial'], { role: 'manager' }),
        ],
      }),
    ).toEqual([]);
  });

  it('counts every holding state as busy', () => {
    for (const state of ['assigned', 'plan_confirmed', 'in_service', 'closing'] as const) {
      expect(
        plan({
          visits: [visit('held', 'facial', state, { staffId: 'mei' }), visit('waiting', 'quick', 'queued')],
          rooms: [room('r1')],
          staff: [beautician('mei', ['facial'])],
        }),
      ).toEqual([]);
    }
  });

  it('ignores visits that are not queued and services that do not exist', () => {
    expect(
      plan({
        visits: [visit('a', 'facial', 'checked_in'), visit('b', 'ghost', 'queued'), visit('c', 'facial', 'assigned')],
        rooms: [room('r1', ['bed'])],
        staff: [beautician('mei', ['facial'])],
      }),
    ).toEqual([]);
  });

  it('assigns nothing while auto-assign is paused', () => {
    const floor = { visits: [visit('v', 'quick', 'queued')], rooms: [room('r1')], staff: [beautician('mei', ['facial'])] };
    expect(plan(floor, now, settings({ autoAssign: false }))).toEqual([]);
    expect(plan(floor)).toHaveLength(1);
  });

  it('serves several visits at once with different beauticians and rooms', () => {
    expect(
      plan({
        visits: [
          visit('v1', 'facial', 'queued', { queueRank: 1 }),
          visit('v2', 'facial', 'queued', { queueRank: 2 }),
          visit('v3', 'nails', 'queued', { queueRank: 3 }),
        ],
        rooms: [room('r1', ['bed']), room('r2', ['bed']), room('nb', ['nail_station'])],
        staff: [beautician('mei', ['facial']), beautician('lin', ['facial']), beautician('anna', ['nails'])],
      }),
    ).toEqual([
      { visitId: 'v1', roomId: 'r1', staffId: 'lin' },
      { visitId: 'v2', roomId: 'r2', staffId: 'mei' },
      { visitId: 'v3', roomId: 'nb', staffId: 'anna' },
    ]);
  });
});

describe('planAssignments: skills and equipment', () => {
  it('needs the service’s skill', () => {
    expect(
      plan({ visits: [visit('v', 'nails', 'queued')], rooms: [room('nb', ['nail_station'])], staff: [beautician('mei', ['facial'])] }),
    ).toEqual([]);
  });

  it('needs every piece of equipment in one room', () => {
    const rooms = [room('bed-only', ['bed']), room('lamp-only', ['lamp'])];
    const staff = [beautician('mei', ['facial'])];
    expect(plan({ visits: [visit('v', 'peel', 'queued')], rooms, staff })).toEqual([]);
    expect(plan({ visits: [visit('v', 'peel', 'queued')], rooms: [...rooms, room('full', ['lamp', 'bed', 'sink'])], staff })).toEqual([
      { visitId: 'v', roomId: 'full', staffId: 'mei' },
    ]);
  });

  it('keeps the better-equipped room and the more versatile beautician for those who need them', () => {
    const floor = {
      visits: [visit('facial', 'facial', 'queued', { queueRank: 1 }), visit('peel', 'peel', 'queued', { queueRank: 2 })],
      rooms: [room('a-full', ['bed', 'lamp']), room('z-basic', ['bed'])],
      staff: [beautician('a-allround', ['facial', 'nails', 'body']), beautician('z-facial', ['facial'])],
    };
    expect(plan(floor)).toEqual([
      { visitId: 'facial', roomId: 'z-basic', staffId: 'z-facial' },
      { visitId: 'peel', roomId: 'a-full', staffId: 'a-allround' },
    ]);
  });

  it('does not use a room in cleaning, even when its buffer is over (the hub frees it first)', () => {
    expect(
      plan({
        visits: [visit('v', 'quick', 'queued')],
        rooms: [room('r1', [], 'cleaning', { cleaningUntil: now - 10 * MIN })],
        staff: [beautician('mei', ['facial'])],
      }),
    ).toEqual([]);
  });
});

describe('planAssignments: shifts and breaks', () => {
  const shiftOf = (start: string, end: string, breaks: { start: string; end: string }[] = [], daysOff: number[] = []) =>
    everyDay(shift(start, end, breaks), daysOff);
  const one = (svc: string, weeklyShifts: ReturnType<typeof shiftOf>, t: number, tz = 'UTC') =>
    plan(
      { visits: [visit('v', svc, 'queued')], rooms: [room('r1', ['bed', 'lamp'])], staff: [beautician('mei', ['facial'], { weeklyShifts })] },
      t,
      settings({ timeZone: tz }),
    );

  it('only assigns a beautician on shift', () => {
    expect(one('facial', shiftOf('11:00', '18:00'), at('2026-06-15T10:00:00Z'))).toEqual([]);
    expect(one('facial', shiftOf('11:00', '18:00'), at('2026-06-15T11:00:00Z'))).toHaveLength(1);
    expect(one('facial', shiftOf('11:00', '18:00'), at('2026-06-15T18:00:00Z'))).toEqual([]);
  });

  it('not on a day off', () => {
    // 2026-06-15 is a Monday (1).
    expect(one('facial', shiftOf('09:00', '18:00', [], [1]), at('2026-06-15T10:00:00Z'))).toEqual([]);
    expect(one('facial', shiftOf('09:00', '18:00', [], [2]), at('2026-06-15T10:00:00Z'))).toHaveLength(1);
  });

  it('does not start a 90-minute service 10 minutes before the shift ends, but a service that ends on time', () => {
    const s = shiftOf('09:00', '18:00');
    expect(one('peel', s, at('2026-06-15T17:50:00Z'))).toEqual([]);
    expect(one('peel', s, at('2026-06-15T16:30:00Z'))).toHaveLength(1);
    expect(one('peel', s, at('2026-06-15T16:31:00Z'))).toEqual([]);
  });

  it('not during a break, nor a session that would run into one', () => {
    const s = shiftOf('09:00', '18:00', [{ start: '12:00', end: '12:30' }]);
    expect(one('facial', s, at('2026-06-15T12:10:00Z'))).toEqual([]);
    expect(one('facial', s, at('2026-06-15T11:30:00Z'))).toEqual([]);
    expect(one('facial', s, at('2026-06-15T11:00:00Z'))).toHaveLength(1);
    expect(one('facial', s, at('2026-06-15T12:30:00Z'))).toHaveLength(1);
  });

  it('while a short service still fits before the break, and another beautician takes the long one', () => {
    const s = shiftOf('09:00', '18:00', [{ start: '12:00', end: '12:30' }]);
    expect(
      plan({
        visits: [visit('long', 'facial', 'queued', { queueRank: 1 }), visit('short', 'quick', 'queued', { queueRank: 2 })],
        rooms: [room('r1', ['bed']), room('r2', ['bed'])],
        staff: [beautician('a-breaksoon', ['facial'], { weeklyShifts: s }), beautician('b-free', ['facial'])],
      }, at('2026-06-15T11:40:00Z')),
    ).toEqual([
      { visitId: 'long', roomId: 'r1', staffId: 'b-free' },
      { visitId: 'short', roomId: 'r2', staffId: 'a-breaksoon' },
    ]);
  });

  it('uses the plan’s duration for a visit handed back with a plan', () => {
    const s = shiftOf('09:00', '18:00');
    const planned = (durationMin: number) =>
      visit('v', 'quick', 'queued', {
        plan: { serviceIds: ['quick'], products: [], intensity: 'standard', durationMin, notes: '', version: 1, editedBy: 'mei', editedAt: 0, approvedVersion: null, approvedAt: null },
      });
    const floor = (durationMin: number) => ({ visits: [planned(durationMin)], rooms: [room('r1')], staff: [beautician('mei', ['facial'], { weeklyShifts: s })] });
    expect(plan(floor(30), at('2026-06-15T17:30:00Z'))).toHaveLength(1);
    expect(plan(floor(45), at('2026-06-15T17:30:00Z'))).toEqual([]);
  });

  it('reads shifts in the salon’s time zone on a DST day (Europe/London, 29 March 2026)', () => {
    const s = shiftOf('09:00', '17:00');
    // 08:30 UTC is 09:30 BST on the Sunday clocks went forward, 08:30 GMT on the Saturday before.
    expect(one('facial', s, at('2026-03-29T08:30:00Z'), 'Europe/London')).toHaveLength(1);
    expect(one('facial', s, at('2026-03-28T08:30:00Z'), 'Europe/London')).toEqual([]);
    // The shift ends at 16:00 UTC that Sunday: a 60-minute facial at 15:30 UTC would run past it.
    expect(one('facial', s, at('2026-03-29T15:00:00Z'), 'Europe/London')).toHaveLength(1);
    expect(one('facial', s, at('2026-03-29T15:30:00Z'), 'Europe/London')).toEqual([]);
    // The Saturday before, in GMT, the same facial fits up to 16:00 UTC.
    expect(one('facial', s, at('2026-03-28T15:30:00Z'), 'Europe/London')).toHaveLength(1);
    expect(one('facial', s, at('2026-03-28T16:00:00Z'), 'Europe/London')).toHaveLength(1);
    expect(one('facial', s, at('2026-03-28T16:01:00Z'), 'Europe/London')).toEqual([]);
    expect(one('quick', s, at('2026-03-28T16:30:00Z'), 'Europe/London')).toHaveLength(1);
  });

  it('assigns nobody when the salon’s time zone is unknown', () => {
    expect(one('facial', shiftOf('00:00', '00:00'), now, 'Not/AZone')).toEqual([]);
  });
});

describe('planAssignments: booked visits first', () => {
  const staff = [beautician('mei', ['facial'])];
  const rooms = [room('r1', ['bed'])];

  it('a booked visit due within 5 minutes goes before walk-ins ahead of it in rank', () => {
    const visits = [
      visit('walk', 'facial', 'queued', { queueRank: 1 }),
      visit('booked', 'facial', 'queued', { kind: 'booked', dueAt: now + 5 * MIN, queueRank: 99 }),
    ];
    expect(plan({ visits, rooms, staff })).toEqual([{ visitId: 'booked', roomId: 'r1', staffId: 'mei' }]);
  });

  it('a booked visit due later waits in rank order like a walk-in', () => {
    const early = (rank: number) => [
      visit('walk', 'facial', 'queued', { queueRank: 10 }),
      visit('booked', 'facial', 'queued', { kind: 'booked', dueAt: now + 6 * MIN, queueRank: rank }),
    ];
    expect(plan({ visits: early(99), rooms, staff })).toEqual([{ visitId: 'walk', roomId: 'r1', staffId: 'mei' }]);
    expect(plan({ visits: early(1), rooms, staff })).toEqual([{ visitId: 'booked', roomId: 'r1', staffId: 'mei' }]);
  });

  it('due bookings go by their time, overdue ones first', () => {
    const visits = [
      visit('b-later', 'facial', 'queued', { kind: 'booked', dueAt: now + 2 * MIN, queueRank: 1 }),
      visit('b-overdue', 'facial', 'queued', { kind: 'booked', dueAt: now - 10 * MIN, queueRank: 2 }),
    ];
    expect(plan({ visits, rooms, staff })).toEqual([{ visitId: 'b-overdue', roomId: 'r1', staffId: 'mei' }]);
  });

  it('a booked visit that cannot be served now does not block walk-ins', () => {
    const visits = [
      visit('booked', 'nails', 'queued', { kind: 'booked', dueAt: now, queueRank: 1 }),
      visit('walk', 'facial', 'queued', { queueRank: 2 }),
    ];
    expect(plan({ visits, rooms, staff })).toEqual([{ visitId: 'walk', roomId: 'r1', staffId: 'mei' }]);
  });
});

describe('planAssignments: preferred beautician', () => {
  const rooms = [room('r1', ['bed']), room('r2', ['bed'])];
  const wants = (extra: Parameters<typeof visit>[3] = {}) =>
    visit('v', 'facial', 'queued', { preferredStaffId: 'zoe', waitForPreferred: true, times: { queued: now - 5 * MIN }, ...extra });

  it('takes the preferred beautician when they qualify, over the usual tie-break', () => {
    expect(
      plan({ visits: [wants({ waitForPreferred: false })], rooms, staff: [beautician('amy', ['facial']), beautician('zoe', ['facial'])] }),
    ).toEqual([{ visitId: 'v', roomId: 'r1', staffId: 'zoe' }]);
  });

  it('waits for a busy preferred beautician while others are free, and serves the visit behind with them', () => {
    const staff = [beautician('amy', ['facial']), beautician('zoe', ['facial'])];
    const visits = [
      visit('zoe-busy', 'facial', 'in_service', { staffId: 'zoe', roomId: 'r9' }),
      wants({ queueRank: 1 }),
      visit('next', 'facial', 'queued', { queueRank: 2 }),
    ];
    expect(plan({ visits, rooms, staff })).toEqual([{ visitId: 'next', roomId: 'r1', staffId: 'amy' }]);
  });

  it('stops waiting once it has waited the salon’s limit since joining the queue', () => {
    const staff = [beautician('amy', ['facial']), beautician('zoe', ['facial'])];
    const busy = visit('zoe-busy', 'facial', 'in_service', { staffId: 'zoe' });
    const limit = settings({ preferredWaitLimitMin: 20 });
    const queuedAt = now - 19 * MIN;
    expect(plan({ visits: [busy, wants({ times: { queued: queuedAt } })], rooms, staff }, now, limit)).toEqual([]);
    expect(plan({ visits: [busy, wants({ times: { queued: queuedAt } })], rooms, staff }, now + MIN, limit)).toEqual([
      { visitId: 'v', roomId: 'r1', staffId: 'amy' },
    ]);
    expect(plan({ visits: [busy, wants()], rooms, staff }, now, settings({ preferredWaitLimitMin: 0 }))).toHaveLength(1);
  });

  it('takes anyone qualified when the client would rather not wait', () => {
    const staff = [beautician('amy', ['facial']), beautician('zoe', ['facial'])];
    const visits = [visit('zoe-busy', 'facial', 'in_service', { staffId: 'zoe' }), wants({ waitForPreferred: false })];
    expect(plan({ visits, rooms, staff })).toEqual([{ visitId: 'v', roomId: 'r1', staffId: 'amy' }]);
  });

  it('waits for a preferred beautician on a break or whose shift starts later today', () => {
    const later = everyDay(shift('11:00', '18:00'));
    const onBreak = everyDay(shift('09:00', '18:00', [{ start: '09:55', end: '10:15' }]));
    for (const weeklyShifts of [later, onBreak]) {
      expect(plan({ visits: [wants()], rooms, staff: [beautician('amy', ['facial']), beautician('zoe', ['facial'], { weeklyShifts })] })).toEqual([]);
    }
  });

  it('does not wait for someone who cannot do it today: no skill, inactive, unknown, day off, shift over', () => {
    const amy = beautician('amy', ['facial']);
    const cases = [
      beautician('zoe', ['nails']),
      beautician('zoe', ['facial'], { active: false }),
      beautician('zoe', ['facial'], { role: 'front_desk' }),
      beautician('someone-else', ['facial'], { weeklyShifts: everyDay(shift('00:00', '00:00'), [1]) }),
      beautician('zoe', ['facial'], { weeklyShifts: everyDay(shift('09:00', '18:00'), [1]) }),
      beautician('zoe', ['facial'], { weeklyShifts: everyDay(shift('06:00', '09:30')) }),
      beautician('zoe', ['facial'], { weeklyShifts: everyDay(shift('09:00', '10:30')) }), // 60 min no longer fits
    ];
    for (const zoe of cases) {
      expect(plan({ visits: [wants()], rooms, staff: [amy, zoe] }), zoe.id).toEqual([{ visitId: 'v', roomId: 'r1', staffId: 'amy' }]);
    }
  });

  it('a visit waiting for its beautician does not hold back the queue behind it', () => {
    const staff = [beautician('amy', ['facial'])];
    const zoe = beautician('zoe', ['facial'], { weeklyShifts: everyDay(shift('11:00', '18:00')) });
    expect(
      plan({ visits: [wants({ queueRank: 1 }), visit('w2', 'facial', 'queued', { queueRank: 2 })], rooms, staff: [...staff, zoe] }),
    ).toEqual([{ visitId: 'w2', roomId: 'r1', staffId: 'amy' }]);
  });
});

describe('planAssignments: hand-backs', () => {
  const handBack = (staffId: string) => ({ at: now - MIN, staffId, reason: '' });

  it('never offers a visit again to a beautician who handed it back', () => {
    const visits = [visit('v', 'facial', 'queued', { handBacks: [handBack('amy')] })];
    const rooms = [room('r1', ['bed'])];
    expect(plan({ visits, rooms, staff: [beautician('amy', ['facial'])] })).toEqual([]);
    expect(plan({ visits, rooms, staff: [beautician('amy', ['facial']), beautician('zoe', ['facial'])] })).toEqual([
      { visitId: 'v', roomId: 'r1', staffId: 'zoe' },
    ]);
  });

  it('nor keeps a client waiting for a preferred beautician who handed them back', () => {
    const visits = [
      visit('v', 'facial', 'queued', { preferredStaffId: 'amy', waitForPreferred: true, times: { queued: now }, handBacks: [handBack('amy')] }),
    ];
    const staff = [beautician('amy', ['facial']), beautician('zoe', ['facial'])];
    expect(plan({ visits, rooms: [room('r1', ['bed'])], staff })).toEqual([{ visitId: 'v', roomId: 'r1', staffId: 'zoe' }]);
  });

  it('the beautician who handed one visit back still takes the next', () => {
    const visits = [
      visit('v1', 'facial', 'queued', { queueRank: 1, handBacks: [handBack('amy')] }),
      visit('v2', 'facial', 'queued', { queueRank: 2 }),
    ];
    expect(plan({ visits, rooms: [room('r1', ['bed']), room('r2', ['bed'])], staff: [beautician('amy', ['facial'])] })).toEqual([
      { visitId: 'v2', roomId: 'r1', staffId: 'amy' },
    ]);
  });
});
