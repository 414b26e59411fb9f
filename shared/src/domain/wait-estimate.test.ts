import { describe, expect, it } from 'vitest';
import type { Plan } from '../schemas/plan.schema.ts';
import type { Floor } from './floor.ts';
import { estimateServiceWaits, estimateWaits } from './wait-estimate.ts';
import { at, beautician, everyDay, MIN, NOON_ISH, room, service, settings, shift, visit } from './test-floor.ts';

const services = {
  facial: service('facial', 'facial', 60, ['bed']),
  nails: service('nails', 'nails', 30),
  peel: service('peel', 'facial', 90, ['bed', 'lamp']),
};
const now = NOON_ISH; // Monday 2026-06-15 10:00 UTC
const floorOf = (f: Partial<Floor>): Floor => ({ visits: [], rooms: [room('r1', ['bed']), room('r2', ['bed'])], staff: [], services, ...f });
const estimate = (f: Partial<Floor>, t = now, s = settings(), extra?: (typeof services)[keyof typeof services]) =>
  estimateWaits(floorOf(f), t, s, extra);
const planOf = (durationMin: number): Plan => ({
  serviceIds: ['facial'], products: [], intensity: 'standard', durationMin, notes: '',
  version: 1, editedBy: 'mei', editedAt: 0, approvedVersion: 1, approvedAt: 0,
});

describe('estimateWaits: the queue', () => {
  it('is zero with a free qualified beautician and grows with the queue ahead', () => {
    const { byVisit } = estimate({
      visits: [visit('first', 'facial', 'queued', { queueRank: 1 }), visit('second', 'facial', 'queued', { queueRank: 2 })],
      staff: [beautician('mei', ['facial'])],
    });
    expect(byVisit.get('first')).toBe(0);
    expect(byVisit.get('second')).toBe(60);
  });

  it('spreads the queue over the beauticians qualified for it, and puts the extra walk-in at the back', () => {
    const { byVisit, forExtra } = estimate(
      {
        visits: [visit('a', 'nails', 'queued', { queueRank: 1 }), visit('b', 'nails', 'queued', { queueRank: 2 })],
        staff: [beautician('anna', ['nails']), beautician('sofia', ['nails']), beautician('mei', ['facial'])],
        rooms: [room('r1'), room('r2'), room('r3')],
      },
      now,
      settings(),
      services.nails,
    );
    expect(byVisit.get('a')).toBe(0);
    expect(byVisit.get('b')).toBe(0);
    expect(forExtra).toBe(30);
    // With two rooms the third client waits for a room: 30 minutes of nails plus its 10-minute clean.
    const twoRooms = estimate(
      { visits: [visit('a', 'nails', 'queued'), visit('b', 'nails', 'queued')], staff: [beautician('anna', ['nails']), beautician('sofia', ['nails'])] },
      now,
      settings(),
      services.nails,
    );
    expect(twoRooms.forExtra).toBe(40);
  });

  it('follows the queue order of the planner: a booking that comes due jumps ahead when it does', () => {
    const { byVisit } = estimate({
      visits: [
        visit('now', 'facial', 'queued', { queueRank: 1 }),
        visit('walk', 'facial', 'queued', { queueRank: 2 }),
        visit('booked', 'facial', 'queued', { kind: 'booked', dueAt: now + 30 * MIN, queueRank: 3 }),
      ],
      staff: [beautician('mei', ['facial'])],
    });
    // mei is free at 60; by then the booking (due at 30) is due and goes first.
    expect(byVisit.get('now')).toBe(0);
    expect(byVisit.get('booked')).toBe(60);
    expect(byVisit.get('walk')).toBe(120);
  });

  it('gives forExtra null when no extra service is asked about', () => {
    expect(estimate({ staff: [beautician('mei', ['facial'])] }).forExtra).toBeNull();
  });
});

describe('estimateWaits: sessions in progress and overruns', () => {
  const running = (startedAgoMin: number, extra: Parameters<typeof visit>[3] = {}) =>
    visit('running', 'facial', 'in_service', { staffId: 'mei', roomId: 'r9', times: { in_service: now - startedAgoMin * MIN }, ...extra });
  const next = visit('next', 'facial', 'queued');
  const staff = [beautician('mei', ['facial'])];

  it('counts the time left of a session in progress', () => {
    expect(estimate({ visits: [running(20), next], staff }).byVisit.get('next')).toBe(40);
  });

  it('uses the plan’s duration over the service’s', () => {
    expect(estimate({ visits: [running(20, { plan: planOf(90) }), next], staff }).byVisit.get('next')).toBe(70);
    expect(estimate({ visits: [running(20, { plan: planOf(30) }), next], staff }).byVisit.get('next')).toBe(10);
  });

  it('counts an overrun as ending now, so estimates behind it stop growing', () => {
    const at = (minutesIn: number) =>
      estimate({ visits: [running(minutesIn), next, visit('after', 'facial', 'queued', { queueRank: 1 })], staff }).byVisit;
    expect(at(50).get('next')).toBe(10);
    expect(at(60).get('next')).toBe(0);
    expect(at(90).get('next')).toBe(0);
    expect(at(90).get('after')).toBe(60);
  });

  it('an assigned or confirmed visit holds its beautician for its whole planned length from now; closing frees them now', () => {
    for (const [state, expected] of [['assigned', 60], ['plan_confirmed', 60], ['closing', 0]] as const) {
      const held = visit('held', 'facial', state, { staffId: 'mei', roomId: 'r9', times: { in_service: now - 200 * MIN } });
      expect(estimate({ visits: [held, next], staff }).byVisit.get('next'), state).toBe(expected);
    }
    const confirmed = visit('held', 'facial', 'plan_confirmed', { staffId: 'mei', plan: planOf(25) });
    expect(estimate({ visits: [confirmed, next], staff }).byVisit.get('next')).toBe(25);
  });
});

describe('estimateWaits: rooms and cleaning', () => {
  const staff = [beautician('mei', ['facial']), beautician('lin', ['facial'])];
  const next = visit('next', 'facial', 'queued');

  it('waits for a room still cleaning', () => {
    const rooms = [room('r1', ['bed'], 'cleaning', { cleaningUntil: now + 12 * MIN })];
    expect(estimate({ visits: [next], rooms, staff }).byVisit.get('next')).toBe(12);
    const overdue = [room('r1', ['bed'], 'cleaning', { cleaningUntil: now - 12 * MIN })];
    expect(estimate({ visits: [next], rooms: overdue, staff }).byVisit.get('next')).toBe(0);
  });

  it('an occupied room frees after its session plus the cleaning buffer', () => {
    const rooms = [room('r1', ['bed'], 'occupied', { cleaningBufferMin: 15 })];
    const inRoom = visit('in-room', 'facial', 'in_service', { staffId: 'lin', roomId: 'r1', times: { in_service: now - 40 * MIN } });
    expect(estimate({ visits: [inRoom, next], rooms, staff }).byVisit.get('next')).toBe(35);
  });

  it('the buffer applies between clients of the simulated queue too', () => {
    const rooms = [room('r1', ['bed'], 'free', { cleaningBufferMin: 10 })];
    const { byVisit } = estimate({ visits: [next, visit('then', 'facial', 'queued', { queueRank: 1 })], rooms, staff });
    expect(byVisit.get('next')).toBe(0);
    expect(byVisit.get('then')).toBe(70);
  });

  it('is null when no room has the equipment, or every fitting room is out of service or held by nobody known', () => {
    expect(estimate({ visits: [visit('p', 'peel', 'queued')], staff }).byVisit.get('p')).toBeNull();
    expect(estimate({ visits: [next], rooms: [room('r1', ['bed'], 'out_of_service')], staff }).byVisit.get('next')).toBeNull();
    expect(estimate({ visits: [next], rooms: [room('r1', ['bed'], 'occupied')], staff }).byVisit.get('next')).toBeNull();
  });
});

describe('estimateWaits: shifts and breaks', () => {
  const next = visit('next', 'facial', 'queued');

  it('waits for a beautician whose shift starts later today', () => {
    const staff = [beautician('mei', ['facial'], { weeklyShifts: everyDay(shift('11:30', '18:00')) })];
    expect(estimate({ visits: [next], staff }).byVisit.get('next')).toBe(90);
  });

  it('waits out a break, and a session that would run into the break starts after it', () => {
    const staff = [beautician('mei', ['facial'], { weeklyShifts: everyDay(shift('09:00', '18:00', [{ start: '10:30', end: '11:00' }])) })];
    expect(estimate({ visits: [next], staff }).byVisit.get('next')).toBe(60);
    expect(estimate({ visits: [next], staff }, now + 40 * MIN).byVisit.get('next')).toBe(20);
  });

  it('is null when the queue reaches past the end of every shift today', () => {
    const staff = [beautician('mei', ['facial'], { weeklyShifts: everyDay(shift('09:00', '12:00')) })];
    const { byVisit } = estimate({
      visits: [1, 2, 3].map((n) => visit(`v${n}`, 'facial', 'queued', { queueRank: n })),
      staff,
    });
    expect([...byVisit.values()]).toEqual([0, 60, null]);
  });

  it('does not count tomorrow’s shift, nor anyone on a day off', () => {
    const staff = [
      beautician('mei', ['facial'], { weeklyShifts: everyDay(shift('09:00', '18:00'), [1]) }), // Monday off
      beautician('lin', ['facial'], { weeklyShifts: everyDay(shift('09:00', '09:30')) }),
    ];
    expect(estimate({ visits: [next], staff }).byVisit.get('next')).toBeNull();
  });

  it('is null for a service nobody on the floor can perform, and for an unknown service', () => {
    const { byVisit, forExtra } = estimate(
      { visits: [visit('a', 'nails', 'queued'), visit('ghost', 'nope', 'queued')], staff: [beautician('mei', ['facial'])] },
      now,
      settings(),
      services.nails,
    );
    expect(byVisit.get('a')).toBeNull();
    expect(byVisit.get('ghost')).toBeNull();
    expect(byVisit.has('ghost')).toBe(true);
    expect(forExtra).toBeNull();
  });

  it('follows a DST day in the salon’s time zone', () => {
    // Sunday 29 March 2026 in London: the 09:00 shift starts at 08:00 UTC.
    const staff = [beautician('mei', ['facial'], { weeklyShifts: everyDay(shift('09:00', '17:00')) })];
    const s = settings({ timeZone: 'Europe/London' });
    expect(estimate({ visits: [next], staff }, at('2026-03-29T07:30:00Z'), s).byVisit.get('next')).toBe(30);
    expect(estimate({ visits: [next], staff }, at('2026-03-28T07:30:00Z'), s).byVisit.get('next')).toBe(90);
  });
});

describe('estimateWaits: preferred beautician', () => {
  const staff = [beautician('amy', ['facial']), beautician('zoe', ['facial'])];
  const zoeBusy = visit('zoe-busy', 'facial', 'in_service', { staffId: 'zoe', roomId: 'r9', times: { in_service: now - 20 * MIN } }); // 40 left
  const wants = (waitForPreferred: boolean) =>
    visit('v', 'facial', 'queued', { preferredStaffId: 'zoe', waitForPreferred, times: { queued: now } });

  it('is estimated on the preferred beautician while within the limit', () => {
    expect(estimate({ visits: [zoeBusy, wants(true)], staff }, now, settings({ preferredWaitLimitMin: 60 })).byVisit.get('v')).toBe(40);
  });

  it('until the limit runs out, when anyone free may take it', () => {
    expect(estimate({ visits: [zoeBusy, wants(true)], staff }, now, settings({ preferredWaitLimitMin: 15 })).byVisit.get('v')).toBe(15);
  });

  it('at once with anyone when the client would rather not wait', () => {
    expect(estimate({ visits: [zoeBusy, wants(false)], staff }).byVisit.get('v')).toBe(0);
  });

  it('the visit behind a waiting client is not held back', () => {
    const { byVisit } = estimate(
      { visits: [zoeBusy, { ...wants(true), queueRank: 1 }, visit('w', 'facial', 'queued', { queueRank: 2 })], staff },
      now,
      settings({ preferredWaitLimitMin: 60 }),
    );
    expect(byVisit.get('w')).toBe(0);
    expect(byVisit.get('v')).toBe(40);
  });
});

describe('estimateWaits: every queued visit gets an entry', () => {
  it('and only queued visits', () => {
    const { byVisit } = estimate({
      visits: [
        visit('q1', 'facial', 'queued'),
        visit('q2', 'ghost', 'queued'),
        visit('c', 'facial', 'checked_in'),
        visit('s', 'facial', 'in_service', { staffId: 'x' }),
      ],
      staff: [],
    });
    expect([...byVisit.keys()].sort()).toEqual(['q1', 'q2']);
    expect([...byVisit.values()]).toEqual([null, null]);
  });
});

describe('estimateServiceWaits', () => {
  it('gives each service the wait a new walk-in for it would have, from one replay', () => {
    const floor = floorOf({
      visits: [
        visit('running', 'nails', 'in_service', { staffId: 'anna', roomId: 'r9', times: { in_service: now - 10 * MIN } }),
        visit('q', 'facial', 'queued'),
      ],
      rooms: [room('r1', ['bed']), room('r2', ['bed']), room('r3', ['bed', 'lamp'], 'cleaning', { cleaningUntil: now + 5 * MIN })],
      staff: [beautician('mei', ['facial']), beautician('anna', ['nails'])],
    });
    const waits = estimateServiceWaits(floor, now, settings(), Object.values(services));
    expect(Object.fromEntries(waits)).toEqual({ facial: 60, nails: 20, peel: 60 });
    for (const s of Object.values(services)) expect(waits.get(s.id)).toBe(estimateWaits(floor, now, settings(), s).forExtra);
    expect(estimateServiceWaits(floor, now, settings(), []).size).toBe(0);
  });
});

describe('estimateWaits: hand-backs', () => {
  it('does not count on a beautician who handed the visit back', () => {
    const handedBack = visit('v', 'facial', 'queued', { handBacks: [{ at: now, staffId: 'amy', reason: 'allergy' }] });
    const zoeLater = beautician('zoe', ['facial'], { weeklyShifts: everyDay(shift('10:45', '18:00')) });
    expect(estimate({ visits: [handedBack], staff: [beautician('amy', ['facial']), zoeLater] }).byVisit.get('v')).toBe(45);
    expect(estimate({ visits: [handedBack], staff: [beautician('amy', ['facial'])] }).byVisit.get('v')).toBeNull();
  });
});

describe('estimateWaits: only staff present today (#11)', () => {
  // The planner offers clients only to staff signed in on a tablet or marked present by the desk; a wait that counted
  // on someone on shift who never came in would promise the lobby a time nobody will keep.
  const today = '2026-06-15';
  const hereToday = { mei: { day: today, at: now - 60 * MIN, by: 'mei' } };
  const staff = [beautician('mei', ['facial']), beautician('sofia', ['facial'])];
  const queue = [visit('first', 'facial', 'queued', { queueRank: 1 }), visit('second', 'facial', 'queued', { queueRank: 2 })];

  it('counts only the beauticians here today, for the queue and for a new walk-in', () => {
    const everyone = estimate({ visits: queue, staff }, now, settings(), services.facial);
    // Both rooms taken at once: the walk-in waits for the first session and its room's 10-minute clean.
    expect([everyone.byVisit.get('first'), everyone.byVisit.get('second'), everyone.forExtra]).toEqual([0, 0, 70]);
    // Sofia is on shift but never signed in: Mei takes the queue one after the other.
    const onlyMei = estimate({ visits: queue, staff, presence: hereToday }, now, settings(), services.facial);
    expect([onlyMei.byVisit.get('first'), onlyMei.byVisit.get('second'), onlyMei.forExtra]).toEqual([0, 60, 120]);
    expect(estimateServiceWaits(floorOf({ visits: queue, staff, presence: hereToday }), now, settings(), [services.facial]).get('facial')).toBe(120);
  });

  it('gives no wait when nobody qualified is here, and yesterday’s sign-in does not count', () => {
    const yesterday = { mei: { day: '2026-06-14', at: now - 24 * 60 * MIN, by: 'mei' }, sofia: { day: '2026-06-14', at: 0, by: 'grace' } };
    const { byVisit, forExtra } = estimate({ visits: queue, staff, presence: yesterday }, now, settings(), services.facial);
    expect([byVisit.get('first'), byVisit.get('second'), forExtra]).toEqual([null, null, null]);
    expect(estimate({ visits: queue, staff, presence: {} }).byVisit.get('first')).toBeNull();
  });

  it('uses the salon’s day in its time zone: just after midnight in Shanghai is already the next day', () => {
    const lateUtc = at('2026-06-15T16:30:00Z'); // 00:30 on 16 June in Shanghai
    const allDay = staff.map((s) => ({ ...s, weeklyShifts: everyDay(shift('00:00', '00:00')) }));
    const shanghai = settings({ timeZone: 'Asia/Shanghai' });
    expect(estimate({ visits: queue, staff: allDay, presence: hereToday }, lateUtc, shanghai).byVisit.get('first')).toBeNull();
    const signedInAgain = { mei: { day: '2026-06-16', at: lateUtc, by: 'mei' } };
    expect(estimate({ visits: queue, staff: allDay, presence: signedInAgain }, lateUtc, shanghai).byVisit.get('first')).toBe(0);
  });
});
