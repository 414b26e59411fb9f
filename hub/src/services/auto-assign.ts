import {
  planAssignments,
  roomsToFree,
  transition,
  type Room,
  type Visit,
} from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import { floorOf } from './floor-of.ts';
import { firstPlan } from './plan.service.ts';
import { freed } from './visit-access.ts';

/**
 * Runs after every command and on the floor tick: whenever a client joins the queue, a room or a beautician frees up,
 * or a shift or break begins or ends, the pure planner pairs waiting clients with a free room and a free qualified
 * beautician on shift; this turns its plan into record changes. Paused while the front desk places clients by hand.
 */
export function autoAssign(state: Readonly<HubState>, now: number, activeVisits: readonly Visit[]): Changes | null {
  if (!state.meta.floor.autoAssign) return null;
  // The planner never offers a visit again to a beautician who handed it back (the front desk still can).
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
 * What follows every command (and each floor tick) on the updated state: rooms whose cleaning buffer ran out are
 * free, then waiting clients are assigned. Null when nothing is due.
 */
export function floorFollowUp(state: Readonly<HubState>, now: number, activeVisits: readonly Visit[]): Changes | null {
  const rooms: Record<string, Room> = {};
  for (const id of roomsToFree(Object.values(state.rooms), now)) rooms[id] = freed(state.rooms[id]!);
  const freedAny = Object.keys(rooms).length > 0;
  const assigned = autoAssign(freedAny ? { ...state, rooms: { ...state.rooms, ...rooms } } : state, now, activeVisits);
  if (!assigned) return freedAny ? { rooms } : null;
  return { ...assigned, rooms: { ...rooms, ...assigned.rooms } };
}
