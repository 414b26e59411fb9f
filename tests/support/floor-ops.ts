import fc from 'fast-check';
import { STAFF_COMMANDS, type Ack, type StaffRole, type VisitState } from '@glow/shared';
import { staffCommandHandlers } from '../../hub/src/transport/socket/staff.handlers.ts';
import { demoSalon } from '../../hub/src/seed/salon-seed.ts';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { newCommandId, startHub, type TestHub } from './hub-harness.ts';

/**
 * Random floor commands for property tests: from random staff, through the real engine and the real decisions (the
 * very handlers the staff namespace binds, with the binder's schema and role checks), with the clock moving and the
 * floor tick running in between. Used by the floor's invariants (tests/contract) and the views' privacy (tests/security).
 */

export const MIN = 60_000;
export const START = Date.UTC(2026, 10, 23, 9, 0); // a Monday, 09:00 in the salon (UTC)
export const ACTORS: { staffId: string; role: StaffRole }[] = [
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

/**
 * The demo salon on the morning the commands start: most of the staff signed in (the planner offers clients only to
 * staff here today); Sofia did not. Hashing its PINs takes a moment: make one per test and clone it per run.
 */
export async function floorMorning(): Promise<HubState> {
  const salon = await demoSalon('en', 'UTC');
  salon.meta.presence = { mei: { day: '2026-11-23', at: START, by: 'mei' }, anna: { day: '2026-11-23', at: START, by: 'anna' } };
  return salon;
}

/** A hub on a copy of that salon, on the clock the commands move; the floor tick runs only when they say. */
export const startFloorHub = (base: HubState, clock: { now: number }): Promise<TestHub> =>
  startHub({ clock: () => clock.now, timeZone: 'UTC', floorTickMs: 3_600_000, seed: async () => structuredClone(base) });

export type Op = { kind: string; a: number; b: number; c: number; actor: number; flag: boolean };
export const op = fc.record({
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

export async function apply(t: TestHub, clock: { now: number }, o: Op): Promise<void> {
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

