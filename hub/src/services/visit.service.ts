import { transition, type Rating, type StaffRole, type VisitCommand, type VisitState } from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';

/** Who sends a staff command: a beautician may act only on their own visits; front desk and manager on any. */
export type Actor = { staffId: string; role: StaffRole };

type VisitStateResult = { visitId: string; state: VisitState };

/** Loads the visit, checks the actor may touch it, and asks the state machine whether the command is allowed. */
function step(
  state: Readonly<HubState>,
  actor: Actor,
  visitId: string,
  command: VisitCommand,
): { visit: HubState['visits'][string]; to: VisitState } | Refusal {
  const visit = state.visits[visitId];
  if (!visit) return refuse('not_found', 'unknown_visit');
  if (actor.role === 'beautician' && visit.staffId !== actor.staffId) return refuse('forbidden', 'not_your_visit');
  const next = transition(visit.state, command);
  if (!next.ok) {
    return refuse('conflict', 'illegal_transition', { from: `state.${visit.state}`, command: `command.${command}` });
  }
  return { visit, to: next.state };
}

/** confirmPlan, start and finish: a state change and its time, nothing else. */
export function decideVisitStep(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  visitId: string,
  command: 'confirmPlan' | 'start' | 'finish',
): Decision<VisitStateResult> | Refusal {
  const s = step(state, actor, visitId, command);
  if ('code' in s) return s;
  const visit = { ...s.visit, state: s.to, times: { ...s.visit.times, [s.to]: now } };
  return { changes: { visits: { [visit.id]: visit } }, result: { visitId: visit.id, state: visit.state } };
}

export type CloseContext = {
  /** A fresh aftercare link token (random) and its hash; only the hash is stored. */
  token: string;
  tokenHash: string;
  linkDays: number;
};

/**
 * The client has rated the visit: it closes, the room is released and the aftercare link is issued. The token is
 * returned once, in the answer; the hub keeps only its hash.
 */
export function decideClose(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  visitId: string,
  rating: Rating,
  ctx: CloseContext,
): Decision<VisitStateResult & { aftercarePath: string; expiresAt: number }> | Refusal {
  const s = step(state, actor, visitId, 'close');
  if ('code' in s) return s;
  const visit = { ...s.visit, state: s.to, rating, times: { ...s.visit.times, [s.to]: now } };
  const expiresAt = now + ctx.linkDays * 24 * 60 * 60 * 1000;
  const changes: Changes = {
    visits: { [visit.id]: visit },
    links: { [ctx.tokenHash]: { visitId: visit.id, purpose: 'aftercare', createdAt: now, expiresAt, revokedAt: null } },
  };
  const room = visit.roomId ? state.rooms[visit.roomId] : undefined;
  if (room && room.visitId === visit.id) changes.rooms = { [room.id]: { ...room, state: 'free', visitId: null } };
  return {
    changes,
    result: { visitId: visit.id, state: visit.state, aftercarePath: `/a/${ctx.token}`, expiresAt },
  };
}
