import type { Changes, HubState } from '../store/hub-state.ts';
import type { Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';
import { freed, heldRoom, step, type Actor, type VisitStateResult } from './visit-access.ts';

/**
 * The client leaves before their session (cancel) or never came (no-show): the visit ends through the state machine
 * and gives back the room and the beautician it held. The visit keeps who it was assigned to, for the record.
 */
export function decideEndUnserved(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  visitId: string,
  command: 'cancel' | 'markNoShow',
): Decision<VisitStateResult> | Refusal {
  const s = step(state, actor, visitId, command);
  if ('code' in s) return s;
  const visit = { ...s.visit, state: s.to, times: { ...s.visit.times, [s.to]: now } };
  const changes: Changes = { visits: { [visit.id]: visit } };
  const room = heldRoom(state, s.visit);
  if (room) changes.rooms = { [room.id]: freed(room) };
  return { changes, result: { visitId: visit.id, state: visit.state } };
}
