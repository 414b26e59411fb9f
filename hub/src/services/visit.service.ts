import { checkListedProducts, cleaningUntilFor, type AftercareNotes, type Rating } from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import type { Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';
import { freed, heldRoom, step, type Actor, type VisitStateResult } from './visit-access.ts';

export type { Actor } from './visit-access.ts';

/** start and finish: a state change and its time, nothing else. */
export function decideVisitStep(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  visitId: string,
  command: 'start' | 'finish',
): Decision<VisitStateResult> | Refusal {
  const s = step(state, actor, visitId, command);
  if ('code' in s) return s;
  const visit = { ...s.visit, state: s.to, times: { ...s.visit.times, [s.to]: now } };
  return { changes: { visits: { [visit.id]: visit } }, result: { visitId: visit.id, state: visit.state } };
}

export type CloseContext = {
  /** The hash of the aftercare link's token: the only form of the token the hub keeps. */
  tokenHash: string;
  linkDays: number;
};

/**
 * The client has rated the visit: it closes with the rating and the beautician's aftercare notes, the room goes to
 * cleaning for its buffer (free at once when the buffer is 0), and the aftercare link is issued. The answer (which is
 * stored, for retries) holds no token: the transport adds the link, whose token only the sender's commandId and
 * the hub's key can produce again (see `aftercareToken`).
 */
export function decideClose(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  visitId: string,
  input: { rating: Rating; aftercare: AftercareNotes },
  ctx: CloseContext,
): Decision<VisitStateResult & { expiresAt: number }> | Refusal {
  const s = step(state, actor, visitId, 'close');
  if ('code' in s) return s;
  // Recommended products the salon lists are stored by id: only current ones (never trusted from the tablet).
  const listed = checkListedProducts(state.products, input.aftercare.recommendedProductIds ?? [], 'aftercare.recommendedProductIds');
  if ('code' in listed) return listed;
  const aftercare: AftercareNotes = { ...input.aftercare, recommendedProductIds: listed.ids };
  const visit = { ...s.visit, state: s.to, rating: input.rating, aftercare, times: { ...s.visit.times, [s.to]: now } };
  const expiresAt = now + ctx.linkDays * 24 * 60 * 60 * 1000;
  const changes: Changes = {
    visits: { [visit.id]: visit },
    links: { [ctx.tokenHash]: { visitId: visit.id, purpose: 'aftercare', createdAt: now, expiresAt, revokedAt: null } },
  };
  const room = heldRoom(state, s.visit);
  if (room) {
    // The room's own buffer plus the service's extra cleaning time, if the catalogue gives it one (#13).
    const extra = state.services[visit.serviceId]?.cleaningBufferMin ?? 0;
    const until = cleaningUntilFor({ cleaningBufferMin: room.cleaningBufferMin + extra }, now);
    changes.rooms = {
      [room.id]: until <= now ? freed(room) : { ...room, state: 'cleaning', visitId: null, cleaningUntil: until },
    };
  }
  return {
    changes,
    result: { visitId: visit.id, state: visit.state, expiresAt },
  };
}
