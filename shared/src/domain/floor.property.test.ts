import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FloorSettings, Shift, WeeklyShifts } from '../schemas/floor.schema.ts';
import { ROOM_STATES, type Room } from '../schemas/room.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import { STAFF_ROLES, type StaffMember } from '../schemas/staff.schema.ts';
import { VISIT_STATES, type Visit } from '../schemas/visit.schema.ts';
import { planAssignments, type Assignment } from './assignment.ts';
import { staffStatusAt } from './availability.ts';
import type { Floor } from './floor.ts';
import { plannedMinutes } from './overrun.ts';
import { reorderRank } from './queue.ts';
import { at, MIN, room as roomOf, service as serviceOf, visit as visitOf } from './test-floor.ts';
import { holdsRoom } from './visit-machine.ts';
import { estimateAll, estimateServiceWaits, estimateWaits } from './wait-estimate.ts';

// Random floors: a handful of skills, equipment, staff, rooms and visits, around the DST changes of several zones
// (Lord Howe moves by 30 minutes), with shifts that include night shifts, breaks across midnight and days off.
const NUM_RUNS = 400;
const SKILLS = ['s1', 's2', 's3'];
const EQUIPMENT = ['e1', 'e2', 'e3'];
const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Shanghai', 'Australia/Lord_Howe'];
const DAYS = ['2026-03-29', '2026-03-08', '2026-10-25', '2026-11-01', '2026-04-05', '2026-10-04', '2026-06-15'].map((d) =>
  at(`${d}T00:00:00Z`),
);

const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const span = fc.record({ start: time, end: time });
const dayShift: fc.Arbitrary<Shift | null> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.constant<Shift>({ start: '00:00', end: '00:00', breaks: [] }), weight: 2 },
  {
    arbitrary: fc.record({ start: fc.constantFrom('07:00', '09:00', '10:30'), end: fc.constantFrom('17:00', '18:00', '21:00'), breaks: fc.array(span, { maxLength: 1 }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ start: time, end: time, breaks: fc.array(span, { maxLength: 2 }) }), weight: 2 },
);
const week: fc.Arbitrary<WeeklyShifts> = fc.array(dayShift, { minLength: 7, maxLength: 7 });

type Raw = {
  services: { skill: string; equipment: string[]; duration: number }[];
  staff: { role: StaffMember['role']; active: boolean; skills: string[]; weeklyShifts: WeeklyShifts }[];
  rooms: { equipment: string[]; state: Room['state']; buffer: number; cleaningOffsetMin: number | null }[];
  visits: {
    service: number;
    state: Visit['state'];
    booked: boolean;
    dueOffsetMin: number;
    rank: number;
    pref: number | null;
    wait: boolean;
    queuedAgoMin: number;
    planMin: number | null;
    staff: number | null;
    room: number | null;
    startedAgoMin: number;
    handBacks: number[];
  }[];
  settings: FloorSettings;
  now: number;
};

const raw: fc.Arbitrary<Raw> = fc.record({
  services: fc.array(
    fc.record({
      skill: fc.constantFrom(...SKILLS),
      equipment: fc.oneof({ arbitrary: fc.constant<string[]>([]), weight: 2 }, { arbitrary: fc.subarray(EQUIPMENT, { maxLength: 2 }), weight: 1 }),
      duration: fc.integer({ min: 5, max: 180 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  staff: fc.array(
    fc.record({
      role: fc.oneof({ arbitrary: fc.constant('beautician' as const), weight: 4 }, { arbitrary: fc.constantFrom(...STAFF_ROLES), weight: 1 }),
      active: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
      skills: fc.subarray(SKILLS, { minLength: 1 }),
      weeklyShifts: week,
    }),
    { minLength: 1, maxLength: 6 },
  ),
  rooms: fc.array(
    fc.record({
      equipment: fc.subarray(EQUIPMENT),
      state: fc.oneof({ arbitrary: fc.constant('free' as const), weight: 3 }, { arbitrary: fc.constantFrom(...ROOM_STATES), weight: 2 }),
      buffer: fc.integer({ min: 0, max: 30 }),
      cleaningOffsetMin: fc.option(fc.integer({ min: -60, max: 60 })),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  visits: fc.array(
    fc.record({
      // Beyond the list: a service that no longer exists.
      service: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }), weight: 9 }, { arbitrary: fc.constant(9), weight: 1 }),
      state: fc.oneof({ arbitrary: fc.constant('queued' as const), weight: 4 }, { arbitrary: fc.constantFrom(...VISIT_STATES), weight: 2 }),
      booked: fc.boolean(),
      dueOffsetMin: fc.integer({ min: -60, max: 240 }),
      rank: fc.integer({ min: 0, max: 20 }),
      pref: fc.option(fc.integer({ min: 0, max: 6 })),
      wait: fc.boolean(),
      queuedAgoMin: fc.integer({ min: 0, max: 120 }),
      planMin: fc.option(fc.integer({ min: 5, max: 240 }), { freq: 4 }),
      staff: fc.option(fc.integer({ min: 0, max: 5 })),
      room: fc.option(fc.integer({ min: 0, max: 4 })),
      startedAgoMin: fc.integer({ min: 0, max: 300 }),
      handBacks: fc.subarray([0, 1, 2, 3, 4, 5], { maxLength: 2 }),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  settings: fc.record({
    autoAssign: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
    preferredWaitLimitMin: fc.integer({ min: 0, max: 60 }),
    timeZone: fc.constantFrom(...ZONES),
  }),
  now: fc.tuple(fc.constantFrom(...DAYS), fc.integer({ min: -12 * 60, max: 36 * 60 }), fc.integer({ min: 0, max: MIN - 1 })).map(
    ([day, minutes, ms]) => day + minutes * MIN + ms,
  ),
});

function build(r: Raw): { floor: Floor; now: number; settings: FloorSettings } {
  const { now } = r;
  const services: Record<string, Service> = {};
  r.services.forEach((s, i) => (services[`svc${i}`] = serviceOf(`svc${i}`, s.skill, s.duration, s.equipment)));
  const staff: StaffMember[] = r.staff.map((s, i) => ({ id: `st${i}`, name: `st${i}`, ...s }));
  const rooms: Room[] = r.rooms.map((x, i) =>
    roomOf(`rm${i}`, x.equipment, x.state, {
      cleaningBufferMin: x.buffer,
      cleaningUntil: x.cleaningOffsetMin === null ? null : Math.max(0, now + x.cleaningOffsetMin * MIN),
    }),
  );
  const serviceIdOf = (n: number): string => (n === 9 ? 'gone' : `svc${n % r.services.length}`);
  const visits: Visit[] = r.visits.map((v, i) =>
    visitOf(`v${i}`, serviceIdOf(v.service), v.state, {
      kind: v.booked ? 'booked' : 'walk_in',
      dueAt: v.booked ? now + v.dueOffsetMin * MIN : null,
      queueRank: v.rank,
      preferredStaffId: v.pref === null ? null : `st${v.pref}`,
      waitForPreferred: v.wait,
      times: { queued: now - v.queuedAgoMin * MIN, in_service: now - v.startedAgoMin * MIN },
      plan:
        v.planMin === null
          ? null
          : { serviceIds: [serviceIdOf(v.service)], products: [], intensity: 'standard', durationMin: v.planMin, notes: '', version: 1, editedBy: 'st0', editedAt: 0, approvedVersion: null, approvedAt: null },
      staffId: v.staff === null || !holdsRoom(v.state) ? null : `st${v.staff}`,
      roomId: v.room === null || !holdsRoom(v.state) ? null : `rm${v.room}`,
      handBacks: v.handBacks.map((n) => ({ at: now - MIN, staffId: `st${n}`, reason: '' })),
    }),
  );
  return { floor: { visits, rooms, staff, services }, now, settings: r.settings };
}
const floors = raw.map(build);

/**
 * An independent reading of "this beautician may take this visit now": on shift and off break all through the
 * session, sampled every 5 minutes and just before its end (shift and break edges are on quarter hours and DST moves
 * clocks by 30 or 60 minutes, so no gap or break is shorter than a sample step).
 */
function staffQualifies(floor: Floor, staffId: string, visit: Visit, now: number, timeZone: string): boolean {
  const staff = floor.staff.find((s) => s.id === staffId);
  const service = floor.services[visit.serviceId];
  if (!staff || !service) return false;
  if (!staff.active || staff.role !== 'beautician' || !staff.skills.includes(service.requiredSkill)) return false;
  if (floor.visits.some((v) => v.staffId === staffId && holdsRoom(v.state))) return false;
  if (visit.handBacks.some((h) => h.staffId === staffId)) return false;
  const duration = (plannedMinutes(visit, service) ?? 0) * MIN;
  const samples = [now + duration - 1];
  for (let t = now; t < now + duration; t += 5 * MIN) samples.push(t);
  return samples.every((t) => {
    const status = staffStatusAt(staff, [], t, timeZone);
    return status.onShift && !status.onBreak;
  });
}

function roomQualifies(floor: Floor, roomId: string, visit: Visit): boolean {
  const room = floor.rooms.find((r) => r.id === roomId);
  const service = floor.services[visit.serviceId];
  return !!room && !!service && room.state === 'free' && service.equipment.every((e) => room.equipment.includes(e));
}

const distinct = (xs: string[]): boolean => new Set(xs).size === xs.length;

describe('planAssignments (property)', () => {
  it('never gives one beautician, room or visit twice, nor an unqualified beautician (or one who handed it back) or an unfit room', () => {
    fc.assert(
      fc.property(floors, ({ floor, now, settings }) => {
        const plan = planAssignments(floor, now, settings);
        expect(distinct(plan.map((a) => a.staffId))).toBe(true);
        expect(distinct(plan.map((a) => a.roomId))).toBe(true);
        expect(distinct(plan.map((a) => a.visitId))).toBe(true);
        for (const a of plan) {
          const visit = floor.visits.find((v) => v.id === a.visitId);
          expect(visit?.state).toBe('queued');
          expect(staffQualifies(floor, a.staffId, visit as Visit, now, settings.timeZone)).toBe(true);
          expect(roomQualifies(floor, a.roomId, visit as Visit)).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never assigns while auto-assign is paused', () => {
    fc.assert(
      fc.property(floors, ({ floor, now, settings }) => {
        expect(planAssignments(floor, now, { ...settings, autoAssign: false })).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives a visit its preferred beautician whenever they qualify and no one ahead took them', () => {
    fc.assert(
      fc.property(floors, ({ floor, now, settings }) => {
        const plan = planAssignments(floor, now, settings);
        plan.forEach((a: Assignment, i) => {
          const visit = floor.visits.find((v) => v.id === a.visitId) as Visit;
          const pref = visit.preferredStaffId;
          if (pref === null || pref === a.staffId) return;
          const takenAhead = plan.slice(0, i).some((b) => b.staffId === pref);
          if (!takenAhead) expect(staffQualifies(floor, pref, visit, now, settings.timeZone)).toBe(false);
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('does not depend on the order of the records it is given', () => {
    fc.assert(
      fc.property(
        floors.chain((f) =>
          fc.tuple(
            fc.constant(f),
            fc.shuffledSubarray([...f.floor.visits], { minLength: f.floor.visits.length }),
            fc.shuffledSubarray([...f.floor.staff], { minLength: f.floor.staff.length }),
            fc.shuffledSubarray([...f.floor.rooms], { minLength: f.floor.rooms.length }),
          ),
        ),
        ([{ floor, now, settings }, visits, staff, rooms]) => {
          const shuffled = { ...floor, visits, staff, rooms };
          expect(planAssignments(shuffled, now, settings)).toEqual(planAssignments(floor, now, settings));
          expect(estimateWaits(shuffled, now, settings).byVisit).toEqual(estimateWaits(floor, now, settings).byVisit);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('estimateWaits (property)', () => {
  it('gives every queued visit an entry, a whole number of minutes or null, and nothing else', () => {
    fc.assert(
      fc.property(floors, fc.option(fc.integer({ min: 0, max: 3 })), ({ floor, now, settings }, extraIndex) => {
        const extra = extraIndex === null ? undefined : floor.services[`svc${extraIndex}`];
        const { byVisit, forExtra } = estimateWaits(floor, now, settings, extra);
        const queued = floor.visits.filter((v) => v.state === 'queued').map((v) => v.id);
        expect([...byVisit.keys()].sort()).toEqual([...queued].sort());
        for (const value of [...byVisit.values(), forExtra]) {
          if (value !== null) {
            expect(Number.isInteger(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(0);
          }
        }
        if (!extra) expect(forExtra).toBeNull();
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with the planner about who is taken in now, when nothing is in progress or cleaning', () => {
    fc.assert(
      fc.property(floors, ({ floor, now, settings }) => {
        const quiet: Floor = {
          ...floor,
          visits: floor.visits.filter((v) => !holdsRoom(v.state)),
          rooms: floor.rooms.map((r) => (r.state === 'cleaning' ? { ...r, state: 'out_of_service' as const } : r)),
        };
        const on = { ...settings, autoAssign: true };
        const assigned = planAssignments(quiet, now, on).map((a) => a.visitId).sort();
        const zero = [...estimateWaits(quiet, now, on).byVisit].filter(([, m]) => m === 0).map(([id]) => id).sort();
        expect(zero).toEqual(assigned);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a new walk-in is estimated as it would be once it joined the back of the queue, one service or all at once', () => {
    fc.assert(
      fc.property(floors, ({ floor, now, settings }) => {
        const services = Object.values(floor.services);
        const all = estimateServiceWaits(floor, now, settings, services);
        const lastRank = Math.max(0, ...floor.visits.map((v) => v.queueRank));
        for (const service of services) {
          const joined = visitOf('zz-new', service.id, 'queued', { queueRank: lastRank + 1, times: { queued: now } });
          const asVisit = estimateWaits({ ...floor, visits: [...floor.visits, joined] }, now, settings).byVisit.get('zz-new');
          expect(estimateWaits(floor, now, settings, service).forExtra).toBe(asVisit);
          expect(all.get(service.id)).toBe(asVisit);
        }
        // The one-replay form the hub publishes from gives the same answers as the separate calls.
        const both = estimateAll(floor, now, settings, services);
        expect(both.byService).toEqual(all);
        expect(both.byVisit).toEqual(estimateWaits(floor, now, settings).byVisit);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('staffStatusAt (property)', () => {
  it('is on a break only on shift, and never on shift when inactive or off yesterday and today', () => {
    fc.assert(
      fc.property(week, fc.boolean(), raw.map((r) => r.now), fc.constantFrom(...ZONES), (weeklyShifts, active, now, tz) => {
        const staff: StaffMember = { id: 's', name: 's', role: 'beautician', skills: [], active, weeklyShifts };
        const status = staffStatusAt(staff, [], now, tz);
        if (status.onBreak) expect(status.onShift).toBe(true);
        if (!active) expect(status.onShift).toBe(false);
        const off: StaffMember = { ...staff, weeklyShifts: weeklyShifts.map(() => null) };
        expect(staffStatusAt(off, [], now, tz).onShift).toBe(false);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('reorderRank (property)', () => {
  it('puts the visit just before the chosen one (or last) and moves no one else', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.option(fc.nat()),
        (ranks, moverIndex, beforeIndex) => {
          const visits = ranks.map((rank, i) => visitOf(`v${i}`, 'svc', 'queued', { queueRank: rank }));
          const mover = visits[moverIndex % visits.length] as Visit;
          const before = beforeIndex === null ? null : (visits[beforeIndex % visits.length] as Visit);
          const rank = reorderRank(visits, mover.id, before?.id ?? null);
          const order = visits
            .map((v) => (v.id === mover.id ? { ...v, queueRank: rank } : v))
            .sort((a, b) => a.queueRank - b.queueRank || (a.id < b.id ? -1 : 1))
            .map((v) => v.id);
          const othersBefore = visits.filter((v) => v.id !== mover.id).sort((a, b) => a.queueRank - b.queueRank).map((v) => v.id);
          expect(order.filter((id) => id !== mover.id)).toEqual(othersBefore);
          if (before === null || before.id === mover.id) {
            if (before === null) expect(order[order.length - 1]).toBe(mover.id);
            else expect(rank).toBe(mover.queueRank);
          } else {
            expect(order[order.indexOf(before.id) - 1]).toBe(mover.id);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
