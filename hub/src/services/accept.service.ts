import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';
import { loadVisit, type Actor, type VisitStateResult } from './visit-access.ts';

/**
 * The beautician accepts a new assignment on their tablet: the state does not change (the plan is next), the moment is
 * recorded so that the board can tell an alert nobody has seen from one being handled.
 */
export function decideAccept(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  visitId: string,
): Decision<VisitStateResult> | Refusal {
  const visit = loadVisit(state, actor, visitId);
  if ('code' in visit) return visit;
  if (visit.state !== 'assigned') return refuse('conflict', 'not_assigned', { state: `state.${visit.state}` });
  if (visit.acceptedAt !== null) return refuse('conflict', 'already_accepted');
  const accepted = { ...visit, acceptedAt: now };
  return { changes: { visits: { [visit.id]: accepted } }, result: { visitId: visit.id, state: visit.state } };
}
