import {
  planAssignments,
  roomsToFree,
  transition,
  unacceptedAssignments,
  type Room,
  type Visit,
} from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import { floorOf } from './floor-of.ts';
import { firstPlan } from './plan.service.ts';
import { freed, heldRoom, released } from './visit-access.ts';

/**
 * Runs after every command and on the floor tick: whenever a client joins the queue, a room or a beautician frees up,
 * or a shift or break begins or ends, the pure planner pairs waiting clients with a free room and a free qualified
 * beautician on shift and present today; this turns its plan into record changes. Paused while the front desk places clients by hand.
 */
export function autoAssign(state: Readonly<HubState>, now: number, activeVisits: readonly Visit[]): Changes | null {
  if (!state.meta.floor.autoAssign) return null;
  // The planner never offers a visit again to a beautician who handed it back (the front desk still can).
  // Only staff who are here today: signed in on a tablet, or marked present by the desk (the floor carries the
  // presence record, and the shared matching rule applies it). An assignment to someone on shift who never came in
  // would hold the room unaccepted while the queue waits.
  const plan = planAssignments(floorOf(state, activeVisits), now, state.meta.floor);
  if (!plan.length) return null;
  const visits: NonNullable<Changes['visits']> = {};
  const rooms: NonNullable<Changes['rooms']> = {};
  for (const { visitId, roomId, staffId } of plan) {
    const visit = state.visits[visitId];
    const room = state.rooms[roomId];
    if (!visit || !room) continue;
    const next = transition(visit.state, 'assign');
    if (!next.ok) continue;
    visits[visitId] = {
      ...visit,
      state: next.state,
      roomId,
      staffId,
      acceptedAt: null,
      plan: visit.plan ?? firstPlan(visit, state, staffId, now),
      times: { ...visit.times, assigned: now },
    };
    rooms[roomId] = { ...room, state: 'occupied', visitId, cleaningUntil: null };
  }
  return Object.keys(visits).length ? { visits, rooms } : null;
}

/**
 * Assignments nobody accepted in time go back to the queue: the room and the beautician are free again, and the
 * visit records a `not_accepted` hand-back (the desk's board shows it as an alert; the planner does not offer the
 * client to that beautician again, the desk still may).
 */
export function releaseUnaccepted(
  state: Readonly<HubState>,
  now: number,
  activeVisits: readonly Visit[],
): { visits: Record<string, Visit>; rooms: Record<string, Room> } | null {
  const late = unacceptedAssignments(activeVisits, now, state.meta.floor);
  if (!late.length) return null;
  const visits: Record<string, Visit> = {};
  const rooms: Record<string, Room> = {};
  for (const visit of late) {
    const next = transition(visit.state, 'handBack');
    if (!next.ok || !visit.staffId) continue;
    const handBack = { at: now, staffId: visit.staffId, reason: '', kind: 'not_accepted' as const };
    visits[visit.id] = { ...released(visit, next.state, now), handBacks: [...visit.handBacks, handBack].slice(-20) };
    const room = heldRoom(state, visit);
    if (room) rooms[room.id] = freed(room);
  }
  return Object.keys(visits).length ? { visits, rooms } : null;
}

/**
 * What follows every command (and each floor tick) on the updated state: assignments not accepted in time go back to
 * the queue, rooms whose cleaning buffer ran out are free, then waiting clients are assigned. Null when nothing is due.
 */
export function floorFollowUp(state: Readonly<HubState>, now: number, activeVisits: readonly Visit[]): Changes | null {
  const returned = releaseUnaccepted(state, now, activeVisits);
  const rooms: Record<string, Room> = { ...returned?.rooms };
  for (const id of roomsToFree(Object.values(state.rooms), now)) rooms[id] ??= freed(state.rooms[id]!);
  const changedAny = Object.keys(rooms).length > 0 || returned !== null;
  const visits = returned?.visits ?? {};
  const after: Readonly<HubState> = changedAny ? { ...state, rooms: { ...state.rooms, ...rooms }, visits: { ...state.visits, ...visits } } : state;
  const active = returned ? activeVisits.map((v) => visits[v.id] ?? v) : activeVisits;
  const assigned = autoAssign(after, now, active);
  if (!assigned) return changedAny ? { visits, rooms } : null;
  return { visits: { ...visits, ...assigned.visits }, rooms: { ...rooms, ...assigned.rooms } };
}
