import { transition, type Room, type StaffRole, type Visit, type VisitCommand, type VisitState } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';

/** Who sends a staff command: a beautician may act only on their own visits and rooms; front desk and manager on any. */
export type Actor = { staffId: string; role: StaffRole };

export type { VisitStateResult } from '@glow/shared';

export const isDesk = (actor: Actor): boolean => actor.role !== 'beautician';

/** Loads a visit and checks the actor may touch it. */
export function loadVisit(state: Readonly<HubState>, actor: Actor, visitId: string): Visit | Refusal {
  const visit = state.visits[visitId];
  if (!visit) return refuse('not_found', 'unknown_visit');
  if (!isDesk(actor) && visit.staffId !== actor.staffId) return refuse('forbidden', 'not_your_visit');
  return visit;
}

/** Loads the visit, checks the actor, and asks the state machine whether the command is allowed. */
export function step(
  state: Readonly<HubState>,
  actor: Actor,
  visitId: string,
  command: VisitCommand,
): { visit: Visit; to: VisitState } | Refusal {
  const visit = loadVisit(state, actor, visitId);
  if ('code' in visit) return visit;
  const next = transition(visit.state, command);
  if (!next.ok) {
    return refuse('conflict', 'illegal_transition', { from: `state.${visit.state}`, command: `command.${command}` });
  }
  return { visit, to: next.state };
}

/** The room record a visit holds, if the room really holds it. */
export function heldRoom(state: Readonly<HubState>, visit: Visit): Room | undefined {
  const room = visit.roomId ? state.rooms[visit.roomId] : undefined;
  return room && room.visitId === visit.id ? room : undefined;
}

/** The room set free at once (a hand-back, a cancellation: nobody used it for a session). */
export const freed = (room: Room): Room => ({ ...room, state: 'free', visitId: null, cleaningUntil: null });

/** The visit back in the waiting area: no room, no beautician, nothing accepted, the plan's approval void. */
export function released(visit: Visit, to: VisitState, now: number): Visit {
  return {
    ...visit,
    state: to,
    roomId: null,
    staffId: null,
    acceptedAt: null,
    plan: visit.plan ? { ...visit.plan, approvedVersion: null, approvedAt: null } : null,
    times: { ...visit.times, [to]: now },
  };
}
