import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holdsRoom, isFinal, isRecentLowRating, STAFF_COMMANDS, type Ack, type StaffRole, type VisitState } from '@glow/shared';
import { demoSalon } from '../../hub/src/seed/salon-seed.ts';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { staffView } from '../../hub/src/services/views.ts';
import { staffCommandHandlers } from '../../hub/src/transport/socket/staff.handlers.ts';
import { newCommandId, startHub, type TestHub } from '../support/hub-harness.ts';

/**
 * Random sequences of floor commands, from random staff, through the real engine and the real decisions (the very
 * handlers the staff namespace binds, with the binder's schema and role checks), with the clock moving and the floor
 * tick running in between. After every step the floor must make sense.
 */

const MIN = 60_000;
const START = Date.UTC(2026, 10, 23, 9, 0); // a Monday, 09:00 in the salon (UTC)
const ACTORS: { staffId: string; role: StaffRole }[] = [
  { staffId: 'mei', role: 'beautician' },
  { staffId: 'anna', role: 'beautician' },
  { staffId: 'sofia', role: 'beautician' },
  { staffId: 'grace', role: 'front_desk' },
  { staffId: 'olivia', role: 'manager' },
];
const SERVICES = ['facial-classic', 'facial-hydrating', 'body-massage', 'hair-root-colour', 'nails-gel'];
const ROOMS = ['room-1', 'room-2', 'room-3', 'colour-bar', 'nail-bar'];
const STAFF = ['mei', 'anna', 'sofia', 'grace'];

/** The states in which each command makes sense. */
const WANT: Record<string, VisitState[]> = {
  accept: ['assigned'],
  handBack: ['assigned', 'plan_confirmed'],
  planUpdate: ['assigned'],
  planConfirm: ['assigned'],
  start: ['plan_confirmed'],
  note: ['in_service'],
  finish: ['in_service'],
  close: ['closing'],
  cancel: ['queued', 'assigned', 'plan_confirmed'],
  noShow: ['queued', 'assigned'],
  assign: ['queued', 'assigned'],
  reorder: ['queued'],
  incident: ['assigned', 'in_service'],
  consult: ['assigned'],
};

/** Answers to each demo questionnaire's required questions, nothing blocking: the consultation run in the room. */
const ANSWERS: Record<string, Record<string, unknown>> = {
  'facial-classic': { pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false },
  'facial-hydrating': { pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false },
  'body-massage': { pregnant: false, pressure: 3, oil_allergy: false },
  'hair-root-colour': { allergy: false, patch_test: 'passed', scalp: false },
  'nails-gel': { nail_infection: false, acrylate_allergy: false },
};

type Op = { kind: string; a: number; b: number; c: number; actor: number; flag: boolean };
const op = fc.record({
  kind: fc.constantFrom(
    'checkIn', 'checkIn', 'checkIn', 'accept', 'handBack', 'planUpdate', 'planConfirm', 'planConfirm', 'planConfirm',
    'start', 'start', 'start', 'note', 'finish', 'finish', 'finish', 'close', 'close', 'close', 'cancel', 'noShow',
    'assign', 'assign', 'reorder', 'autoAssign', 'outOfService', 'roomReady', 'roomReady', 'incident', 'incidentAck',
    'incidentResolve', 'time', 'time', 'consult', 'consult', 'consult', 'present',
  ),
  a: fc.nat(50),
  b: fc.nat(50),
  c: fc.nat(120),
  actor: fc.nat(ACTORS.length - 1),
  flag: fc.boolean(),
});

type Handlers = ReturnType<typeof staffCommandHandlers>;
type Name = keyof Handlers;

/** What the socket binder does before a handler: the role check and the schema. */
async function call(t: TestHub, actor: (typeof ACTORS)[number], name: Name, input: Record<string, unknown>): Promise<Ack<unknown> | null> {
  const spec = STAFF_COMMANDS[name];
  if (spec.roles && !(spec.roles as readonly StaffRole[]).includes(actor.role)) return null;
  const parsed = spec.input.safeParse({ commandId: newCommandId(), ...input });
  if (!parsed.success) return null;
  const handlers = staffCommandHandlers(t.hub.core, () => actor, `device:${actor.staffId}`);
  return (handlers[name] as (input: unknown, lang: 'en') => Promise<Ack<unknown>>)(parsed.data, 'en');
}

async function apply(t: TestHub, clock: { now: number }, o: Op): Promise<void> {
  const state = t.hub.core.engine.state;
  const visits = Object.values(state.visits);
  // Mostly a visit the command makes sense for, sometimes any visit at all (or none): refusals must change nothing.
  const fits = visits.filter((v) => WANT[o.kind]?.includes(v.state));
  const pool = fits.length && o.b % 5 !== 0 ? fits : visits;
  const visit = pool.length ? pool[o.a % pool.length]! : undefined;
  const visitId = visit?.id ?? 'none';
  // Mostly the beautician whose visit it is, sometimes someone else.
  const owner = ACTORS.find((a) => a.staffId === visit?.staffId);
  const actor = owner && o.actor < 3 && o.b % 4 !== 0 ? owner : ACTORS[o.actor]!;
  const cleaning = Object.values(state.rooms).filter((r) => r.state === 'cleaning');
  const roomId = cleaning.length && o.flag ? cleaning[o.b % cleaning.length]!.id : ROOMS[o.b % ROOMS.length]!;
  const incidents = Object.keys(state.meta.incidents);
  const incidentId = incidents.length ? incidents[o.a % incidents.length]! : 'none';
  switch (o.kind) {
    case 'checkIn':
      await call(t, ACTORS[3]!, 'visit:checkInByHand', {
        client: { firstName: `C${o.a}`, phone: `+4470000${String(o.a * 100 + o.b).padStart(5, '0')}` },
        serviceId: SERVICES[o.b % SERVICES.length],
        language: 'en',
        preferredStaffId: o.flag ? STAFF[o.c % 3] : null,
        waitForPreferred: o.c % 2 === 0,
      });
      return;
    case 'accept':
      return void (await call(t, actor, 'visit:accept', { visitId }));
    case 'consult':
      // The desk checks clients in without the health questions: the beautician asks them in the room.
      return void (await call(t, actor, 'consultation:record', { visitId, answers: ANSWERS[visit?.serviceId ?? ''] ?? {} }));
    case 'present':
      return void (await call(t, ACTORS[3]!, 'staff:markPresent', { staffId: STAFF[o.c % STAFF.length] }));
    case 'handBack':
      return void (await call(t, actor, 'visit:handBack', { visitId, reason: 'cannot today' }));
    case 'planUpdate':
      return void (await call(t, actor, 'plan:update', { visitId, plan: { serviceIds: [visit?.serviceId ?? 'x'], durationMin: 15 + (o.c % 100) } }));
    case 'planConfirm':
      return void (await call(t, actor, 'plan:confirm', { visitId, ...(o.flag ? { planVersion: Math.max(1, (visit?.plan?.version ?? 1) - (o.b % 2)) } : {}) }));
    case 'start':
      return void (await call(t, actor, 'visit:start', { visitId }));
    case 'note':
      return void (await call(t, actor, 'session:note', { visitId, kind: 'skin', text: 'ok' }));
    case 'finish':
      return void (await call(t, actor, 'visit:finish', { visitId }));
    case 'close':
      return void (await call(t, actor, 'visit:close', { visitId, rating: { csat: 1 + (o.b % 5) } }));
    case 'cancel':
      return void (await call(t, actor, 'visit:cancel', { visitId }));
    case 'noShow':
      return void (await call(t, actor, 'visit:noShow', { visitId }));
    case 'assign':
      return void (await call(t, actor, 'visit:assign', { visitId, roomId: ROOMS[o.b % ROOMS.length], staffId: STAFF[o.c % STAFF.length] }));
    case 'reorder': {
      const before = o.flag && visits.length ? visits[o.b % visits.length]!.id : null;
      return void (await call(t, actor, 'queue:reorder', { visitId, beforeVisitId: before }));
    }
    case 'autoAssign':
      return void (await call(t, actor, 'floor:setAutoAssign', { enabled: o.flag || o.b % 3 !== 0 }));
    case 'outOfService':
      return void (await call(t, actor, 'room:setOutOfService', { roomId: ROOMS[o.b % ROOMS.length], outOfService: o.flag }));
    case 'roomReady':
      return void (await call(t, o.c % 2 ? actor : ACTORS[3]!, 'room:ready', { roomId }));
    case 'incident':
      return void (await call(t, actor, 'incident:raise', { kind: 'other', visitId: o.flag ? visitId : null }));
    case 'incidentAck':
      return void (await call(t, actor, 'incident:acknowledge', { incidentId }));
    case 'incidentResolve':
      return void (await call(t, actor, 'incident:resolve', { incidentId, resolution: 'done' }));
    case 'time':
      clock.now += (1 + o.c) * MIN;
      await t.hub.tickFloor();
      return;
  }
}

function checkInvariants(t: TestHub, step: string): void {
  const state = t.hub.core.engine.state;
  const active = Object.values(state.visits).filter((v) => !isFinal(v.state));
  const holding = active.filter((v) => holdsRoom(v.state));

  // The hub's active-visit index is exactly a full scan.
  expect(t.hub.core.active.list(state).map((v) => v.id).sort(), step).toEqual(active.map((v) => v.id).sort());
  // One active visit per room, one per beautician.
  const perRoom = new Map<string, number>();
  const perStaff = new Map<string, number>();
  for (const v of holding) {
    perRoom.set(v.roomId!, (perRoom.get(v.roomId!) ?? 0) + 1);
    perStaff.set(v.staffId!, (perStaff.get(v.staffId!) ?? 0) + 1);
  }
  for (const [room, n] of perRoom) expect(n, `${step}: room ${room}`).toBe(1);
  for (const [staff, n] of perStaff) expect(n, `${step}: beautician ${staff}`).toBe(1);
  // A visit is in one state only: holding one room and one beautician exactly when its state says so.
  for (const v of active) {
    if (holdsRoom(v.state)) {
      expect(v.roomId && v.staffId, `${step}: ${v.id} ${v.state} holds a room and a beautician`).toBeTruthy();
      expect(state.rooms[v.roomId!]?.visitId, `${step}: ${v.id} is the visit of its room`).toBe(v.id);
    } else {
      expect([v.roomId, v.staffId], `${step}: ${v.id} ${v.state} holds nothing`).toEqual([null, null]);
    }
  }
  // A room is occupied exactly when it holds an active visit.
  for (const room of Object.values(state.rooms)) {
    const held = room.visitId ? state.visits[room.visitId] : undefined;
    const holdsActive = !!held && holdsRoom(held.state) && held.roomId === room.id;
    expect(room.state === 'occupied', `${step}: ${room.id} is ${room.state}, visit ${room.visitId}`).toBe(holdsActive);
    if (room.state === 'cleaning') expect(room.cleaningUntil, `${step}: ${room.id} cleaning until`).not.toBeNull();
  }
  // Every queued visit has an estimate entry, and the floor view shows each active visit once, in its state, and
  // besides them only the visits closed with a low rating within the hour (at the published revision's time).
  const derived = t.hub.core.publisher.current();
  for (const v of active) if (v.state === 'queued') expect(derived.estimates.byVisit.has(v.id), `${step}: estimate for ${v.id}`).toBe(true);
  const view = staffView(state, { kind: 'floor' }, derived, t.hub.core.active.list(state));
  const lowRated = Object.values(state.visits).filter((v) => isRecentLowRating(v, derived.at));
  expect(Object.keys(view.visits).sort(), step).toEqual([...active, ...lowRated].map((v) => v.id).sort());
  for (const v of active) expect(view.visits[v.id]!.state).toBe(v.state);
  for (const [staffId, status] of Object.entries(view.availability)) {
    expect(status.visitId, `${step}: ${staffId} holds`).toBe(holding.find((v) => v.staffId === staffId)?.id ?? null);
  }
}

describe('the floor under random commands', () => {
  let seed: HubState | null = null;

  it('keeps its invariants after every step', async () => {
    seed ??= await demoSalon('en', 'UTC');
    // Most of the staff signed in this morning (the planner offers clients only to staff here today); Sofia did not.
    seed.meta.presence = { mei: { day: '2026-11-23', at: START, by: 'mei' }, anna: { day: '2026-11-23', at: START, by: 'anna' } };
    const base = seed;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 150 }), async (ops) => {
        const clock = { now: START };
        const t = await startHub({ clock: () => clock.now, timeZone: 'UTC', floorTickMs: 3_600_000, seed: async () => structuredClone(base) });
        const revisions: number[] = [];
        const publish = t.hub.core.publisher.publish.bind(t.hub.core.publisher);
        t.hub.core.publisher.publish = (changes, revision) => {
          revisions.push(revision);
          publish(changes, revision);
        };
        try {
          checkInvariants(t, 'start');
          for (const [i, o] of ops.entries()) {
            await apply(t, clock, o);
            checkInvariants(t, `step ${i} (${o.kind})`);
          }
          for (let i = 1; i < revisions.length; i++) expect(revisions[i]).toBe(revisions[i - 1]! + 1);
          expect(revisions.at(-1) ?? t.hub.revision).toBe(t.hub.revision);
        } finally {
          await t.stop();
        }
      }),
      { numRuns: 40 },
    );
  });
});
