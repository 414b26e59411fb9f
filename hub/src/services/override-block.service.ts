import { isFinal, type Visit } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { isBlocked } from './consultation.ts';
import type { Decision } from './hub-engine.ts';
import type { Actor, VisitStateResult } from './visit-access.ts';

/**
 * A manager lets a visit whose consultation blocks the service go ahead (they spoke with the client, saw a doctor's
 * note, changed the treatment...). Who, when and why are kept on the visit; from then on the planner may assign it,
 * the desk may place it, and the beautician sees the override beside the flag. The role check (manager only) is the
 * command map's; a waiting or assigned visit only, and only one override.
 */
export function decideOverrideBlock(
  state: Readonly<HubState>,
  now: number,
  who: Actor,
  input: { visitId: string; reason: string },
): Decision<VisitStateResult> | Refusal {
  const visit = state.visits[input.visitId];
  if (!visit) return refuse('not_found', 'unknown_visit');
  if (visit.blockOverride) return refuse('conflict', 'already_overridden');
  if (!isBlocked(state, visit)) return refuse('conflict', 'not_blocked');
  if (isFinal(visit.state) || visit.state === 'in_service' || visit.state === 'closing') {
    return refuse('conflict', 'visit_not_waiting', { state: `state.${visit.state}` });
  }
  const updated: Visit = { ...visit, blockOverride: { by: who.staffId, at: now, reason: input.reason } };
  return { changes: { visits: { [visit.id]: updated } }, result: { visitId: visit.id, state: updated.state } };
}
