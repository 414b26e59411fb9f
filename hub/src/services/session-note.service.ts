import { checkListedProducts, type SessionNote } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';
import { loadVisit, type Actor } from './visit-access.ts';

/** The most notes one visit keeps (the schema's bound). */
const MAX_NOTES = 200;

/** A note during the session (pressure, temperature, products, skin): only while the session runs. */
export function decideSessionNote(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  input: { visitId: string; kind: SessionNote['kind']; text: string; productId?: string | undefined },
): Decision<Record<string, never>> | Refusal {
  const visit = loadVisit(state, actor, input.visitId);
  if ('code' in visit) return visit;
  if (visit.state !== 'in_service') return refuse('conflict', 'not_in_service', { state: `state.${visit.state}` });
  if (visit.notes.length >= MAX_NOTES) return refuse('conflict', 'too_many_notes');
  const note: SessionNote = { at: now, staffId: actor.staffId, kind: input.kind, text: input.text };
  if (input.productId !== undefined) {
    // A product used, named by the salon's list: only a products note, only a current listed product.
    if (input.kind !== 'products') return refuse('invalid_input', undefined, undefined, [{ field: 'productId', rule: 'invalid' }]);
    const listed = checkListedProducts(state.products, [input.productId], 'productId');
    if ('code' in listed) return listed;
    note.productId = input.productId;
  }
  return { changes: { visits: { [visit.id]: { ...visit, notes: [...visit.notes, note] } } }, result: {} };
}

/**
 * Removes a note written by mistake (a wrong chip, a typo): only the visit's own beautician, only while the visit is
 * still open. The note is named by when it was recorded and its words; the first that matches goes.
 */
export function decideRemoveSessionNote(
  state: Readonly<HubState>,
  actor: Actor,
  input: { visitId: string; at: number; text: string },
): Decision<Record<string, never>> | Refusal {
  const visit = loadVisit(state, actor, input.visitId);
  if ('code' in visit) return visit;
  if (visit.staffId !== actor.staffId) return refuse('forbidden', 'not_your_note');
  if (visit.state === 'closed' || visit.state === 'cancelled' || visit.state === 'no_show') {
    return refuse('conflict', 'not_in_service', { state: `state.${visit.state}` });
  }
  const index = visit.notes.findIndex((n) => n.at === input.at && n.text === input.text);
  if (index < 0) return refuse('not_found', 'unknown_note');
  const notes = visit.notes.filter((_, i) => i !== index);
  return { changes: { visits: { [visit.id]: { ...visit, notes } } }, result: {} };
}
