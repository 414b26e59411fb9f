import type { VisitState } from '../schemas/visit.schema.ts';

/** Every command that can change a visit's state. Nothing else changes a status (DESIGN §1). */
export const VISIT_COMMANDS = [
  'queue',
  'assign',
  'handBack',
  'confirmPlan',
  'start',
  'finish',
  'close',
  'cancel',
  'markNoShow',
  'raiseIncident',
] as const;
export type VisitCommand = (typeof VISIT_COMMANDS)[number];

/**
 * The one transition table. A missing entry means the command is refused in that state.
 * `raiseIncident` keeps the state: the incident is a flag raised in any active state.
 */
export const VISIT_TRANSITIONS: Readonly<Record<VisitState, Readonly<Partial<Record<VisitCommand, VisitState>>>>> = {
  checked_in: { queue: 'queued', cancel: 'cancelled', markNoShow: 'no_show' },
  queued: { assign: 'assigned', cancel: 'cancelled', markNoShow: 'no_show' },
  assigned: {
    confirmPlan: 'plan_confirmed',
    handBack: 'queued',
    cancel: 'cancelled',
    markNoShow: 'no_show',
    raiseIncident: 'assigned',
  },
  plan_confirmed: { start: 'in_service', handBack: 'queued', cancel: 'cancelled', raiseIncident: 'plan_confirmed' },
  in_service: { finish: 'closing', raiseIncident: 'in_service' },
  closing: { close: 'closed', raiseIncident: 'closing' },
  closed: {},
  cancelled: {},
  no_show: {},
};

/** States in which a client is still waiting for their session to begin. */
export const WAITING_STATES: readonly VisitState[] = ['checked_in', 'queued', 'assigned', 'plan_confirmed'];
/** States in which the visit holds a room and a beautician. */
export const ROOM_HOLDING_STATES: readonly VisitState[] = ['assigned', 'plan_confirmed', 'in_service', 'closing'];
export const FINAL_STATES: readonly VisitState[] = ['closed', 'cancelled', 'no_show'];

export type TransitionResult =
  | { ok: true; state: VisitState }
  | { ok: false; reason: 'illegal_transition'; from: VisitState; command: VisitCommand };

export function transition(from: VisitState, command: VisitCommand): TransitionResult {
  const to = VISIT_TRANSITIONS[from][command];
  return to === undefined ? { ok: false, reason: 'illegal_transition', from, command } : { ok: true, state: to };
}

export const isFinal = (state: VisitState): boolean => FINAL_STATES.includes(state);
export const holdsRoom = (state: VisitState): boolean => ROOM_HOLDING_STATES.includes(state);
