import type { Changes, HubState } from '../store/hub-state.ts';
import type { Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';
import { freed, heldRoom, released, step, type Actor, type VisitStateResult } from './visit-access.ts';

/**
 * A beautician hands an assignment back (assigned or plan confirmed → queued, through the state machine): the reason
 * is recorded, the room is free again, the beautician too. The client keeps their place in the queue, and the
 * auto-assigner does not offer the visit to the beautician who handed it back (see auto-assign.ts).
 */
export function decideHandBack(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  visitId: string,
  reason: string,
): Decision<VisitStateResult> | Refusal {
  const s = step(state, actor, visitId, 'handBack');
  if ('code' in s) return s;
  const handBack = { at: now, staffId: s.visit.staffId ?? actor.staffId, reason };
  const visit = { ...released(s.visit, s.to, now), handBacks: [...s.visit.handBacks, handBack].slice(-20) };
  const changes: Changes = { visits: { [visit.id]: visit } };
  const room = heldRoom(state, s.visit);
  if (room) changes.rooms = { [room.id]: freed(room) };
  return { changes, result: { visitId: visit.id, state: visit.state } };
}
