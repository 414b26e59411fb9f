import { planAssignments, transition } from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import { floorOf } from './floor-of.ts';

/**
 * Runs after every command: whenever a client joins the queue or a room or beautician frees up, the pure planner
 * pairs waiting clients with a free room and a free qualified beautician; this turns its plan into record changes.
 */
export function autoAssign(state: Readonly<HubState>, now: number): Changes | null {
  const plan = planAssignments(floorOf(state));
  if (!plan.length) return null;
  const visits: NonNullable<Changes['visits']> = {};
  const rooms: NonNullable<Changes['rooms']> = {};
  for (const { visitId, roomId, staffId } of plan) {
    const visit = state.visits[visitId];
    const room = state.rooms[roomId];
    if (!visit || !room) continue;
    const next = transition(visit.state, 'assign');
    if (!next.ok) continue;
    visits[visitId] = { ...visit, state: next.state, roomId, staffId, times: { ...visit.times, assigned: now } };
    rooms[roomId] = { ...room, state: 'occupied', visitId };
  }
  return { visits, rooms };
}
