import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Room } from '../schemas/room.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import type { StaffMember } from '../schemas/staff.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import type { Floor } from './floor.ts';
import { QueueReplay } from './queue-replay.ts';
import { beautician, everyDay, MIN, NOON_ISH, room, service, settings, shift, visit } from './test-floor.ts';

// Small, crowded floors (few beauticians and rooms, several skills and equipment, shifts that end and have breaks),
// so that a newcomer is often taken in while others ahead of it still wait: the case `append` has to replay from.
const SKILLS = ['s1', 's2', 's3'];
const EQUIPMENT = ['e1', 'e2'];
const SHIFTS = [
  everyDay(shift('00:00', '00:00')),
  everyDay(shift('09:00', '13:00')),
  everyDay(shift('08:00', '18:00', [{ start: '11:00', end: '11:30' }])),
  everyDay(shift('10:30', '12:00')),
  [null, null, null, null, null, null, null],
];

const serviceArb = fc.record({
  skill: fc.constantFrom(...SKILLS),
  equipment: fc.subarray(EQUIPMENT, { maxLength: 1 }),
  duration: fc.constantFrom(15, 30, 45, 60, 90),
});
const staffArb = fc.record({ skills: fc.subarray(SKILLS, { minLength: 1 }), shifts: fc.nat(SHIFTS.length - 1) });
const roomArb = fc.record({
  equipment: fc.subarray(EQUIPMENT),
  state: fc.constantFrom<Room['state']>('free', 'free', 'occupied', 'cleaning', 'out_of_service'),
  cleaningMin: fc.integer({ min: 0, max: 40 }),
});
/** A visit on the floor at the start, or one checking in later (the commands). */
const visitArb = fc.record({
  service: fc.nat(5),
  state: fc.constantFrom<Visit['state']>('queued', 'queued', 'queued', 'in_service', 'assigned'),
  booked: fc.boolean(),
  dueOffsetMin: fc.integer({ min: -30, max: 120 }),
  pref: fc.option(fc.nat(5), { nil: null }),
  wait: fc.boolean(),
  startedAgoMin: fc.integer({ min: 0, max: 100 }),
  handBack: fc.option(fc.nat(5), { nil: null }),
});
const checkInArb = fc.record({
  service: fc.nat(5),
  pref: fc.option(fc.nat(5), { nil: null }),
  wait: fc.boolean(),
  booked: fc.constantFrom(false, false, false, true),
  behind: fc.constantFrom(true, true, true, false),
});

const scenario = fc.record({
  services: fc.array(serviceArb, { minLength: 1, maxLength: 4 }),
  staff: fc.array(staffArb, { minLength: 0, maxLength: 4 }),
  rooms: fc.array(roomArb, { minLength: 1, maxLength: 3 }),
  visits: fc.array(visitArb, { maxLength: 8 }),
  checkIns: fc.array(checkInArb, { minLength: 1, maxLength: 12 }),
  nowOffsetMin: fc.integer({ min: -180, max: 480 }),
  extras: fc.boolean(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

function build(s: Scenario) {
  const now = NOON_ISH + s.nowOffsetMin * MIN;
  const services: Record<string, Service> = {};
  s.services.forEach((x, i) => (services[`svc${i}`] = service(`svc${i}`, x.skill, x.duration, x.equipment)));
  const serviceIds = Object.keys(services);
  const staff: StaffMember[] = s.staff.map((x, i) => beautician(`b${i}`, x.skills, { weeklyShifts: SHIFTS[x.shifts]! }));
  const rooms: Room[] = s.rooms.map((x, i) =>
    room(`r${i}`, x.equipment, x.state, x.state === 'cleaning' ? { cleaningUntil: now + x.cleaningMin * MIN } : {}),
  );
  let rank = 0;
  const visitOf = (id: string, x: { service: number; pref: number | null; wait: boolean; booked: boolean }, extra: Partial<Visit>): Visit =>
    visit(id, serviceIds[x.service % serviceIds.length]!, 'queued', {
      queueRank: rank++,
      kind: x.booked ? 'booked' : 'walk_in',
      dueAt: x.booked ? now + 60 * MIN : null,
      preferredStaffId: x.pref !== null && staff.length ? `b${x.pref % staff.length}` : null,
      waitForPreferred: x.wait,
      times: { checked_in: now - 5 * MIN, queued: now - 5 * MIN },
      ...extra,
    });
  const visits: Visit[] = [];
  const usedStaff = new Set<string>();
  const usedRooms = new Set<string>();
  s.visits.forEach((x, i) => {
    const id = `v${i}`;
    const base = { ...x, booked: x.booked };
    if (x.state === 'queued') {
      const handBacks = x.handBack !== null && staff.length ? [{ staffId: `b${x.handBack % staff.length}`, at: now - MIN, reason: '' }] : [];
      visits.push(visitOf(id, base, { dueAt: x.booked ? now + x.dueOffsetMin * MIN : null, handBacks }));
      return;
    }
    // A session in progress holds a beautician and a room that are not already held.
    const b = staff.find((m) => !usedStaff.has(m.id));
    const r = rooms.find((m) => !usedRooms.has(m.id) && m.state === 'occupied');
    if (!b || !r) return;
    usedStaff.add(b.id);
    usedRooms.add(r.id);
    const started = now - x.startedAgoMin * MIN;
    visits.push(
      visitOf(id, { ...base, booked: false }, {
        state: x.state,
        staffId: b.id,
        roomId: r.id,
        times: { checked_in: started - MIN, queued: started - MIN, assigned: started, ...(x.state === 'in_service' ? { in_service: started } : {}) },
      }),
    );
  });
  const newcomers = s.checkIns.map((x, i) => {
    const v = visitOf(`n${String(i).padStart(2, '0')}`, x, {});
    // Now and then one that does not sort last (a lower rank): it must not be appended.
    return x.behind ? v : { ...v, queueRank: -1 };
  });
  const floorWith = (vs: readonly Visit[]): Floor => ({ visits: vs, rooms, staff, services });
  return { now, floorWith, visits, newcomers, extras: s.extras ? Object.values(services) : [] };
}

describe('QueueReplay: the incremental replay', () => {
  it('always equals a full replay of the floor, check-in after check-in', () => {
    let appended = 0;
    let replayedFrom = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const { now, floorWith, visits, newcomers, extras } = build(s);
        const floorSettings = settings({ preferredWaitLimitMin: 20 });
        let onFloor = [...visits];
        let replay = QueueReplay.run(floorWith(onFloor), now, floorSettings, extras);
        for (const v of newcomers) {
          const told = replay.waitOf(v);
          const full = QueueReplay.run(floorWith([...onFloor, v]), now, floorSettings, extras).result();
          // What the replay tells of a newcomer before it joins is exactly its wait once it has joined.
          if (told !== undefined) expect(told).toBe(full.byVisit.get(v.id));
          onFloor = [...onFloor, v];
          const mine = full.byVisit.get(v.id);
          if (replay.append(v)) {
            appended++;
            // Taken in while someone ahead of it still waits: the replay had to go on from that moment.
            if (mine != null && [...full.byVisit].some(([id, m]) => id !== v.id && (m === null || m > mine))) replayedFrom++;
          } else replay = QueueReplay.run(floorWith(onFloor), now, floorSettings, extras);
          expect(replay.result()).toEqual(full);
        }
      }),
      { numRuns: Number(process.env.QR_RUNS ?? 600) },
    );
    // The generator reaches the cases that matter: appends, and newcomers taken in while others ahead still wait.
    expect(appended).toBeGreaterThan(500);
    expect(replayedFrom).toBeGreaterThan(100);
  }, 120_000);

  it('does not append a visit that would be served ahead of someone, or that brings moments of its own', () => {
    const services = { a: service('a', 's1', 30) };
    const floor: Floor = { visits: [visit('x', 'a', 'queued', { queueRank: 5 })], rooms: [room('r')], staff: [beautician('b', ['s1'])], services };
    const replay = QueueReplay.run(floor, NOON_ISH, settings(), []);
    expect(replay.append(visit('ahead', 'a', 'queued', { queueRank: 1 }))).toBe(false);
    expect(replay.append(visit('booked', 'a', 'queued', { queueRank: 9, kind: 'booked', dueAt: NOON_ISH + 60 * MIN }))).toBe(false);
    expect(replay.append(visit('waits', 'a', 'queued', { queueRank: 9, preferredStaffId: 'b', waitForPreferred: true }))).toBe(false);
    expect(replay.append(visit('behind', 'a', 'queued', { queueRank: 9 }))).toBe(true);
    expect(replay.result().byVisit).toEqual(new Map([['x', 0], ['behind', 40]]));
  });
});
