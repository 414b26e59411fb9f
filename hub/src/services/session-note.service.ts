import type { SessionNote } from '@glow/shared';
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
  input: { visitId: string; kind: SessionNote['kind']; text: string },
): Decision<Record<string, never>> | Refusal {
  const visit = loadVisit(state, actor, input.visitId);
  if ('code' in visit) return visit;
  if (visit.state !== 'in_service') return refuse('conflict', 'not_in_service', { state: `state.${visit.state}` });
  if (visit.notes.length >= MAX_NOTES) return refuse('conflict', 'too_many_notes');
  const note: SessionNote = { at: now, staffId: actor.staffId, kind: input.kind, text: input.text };
  return { changes: { visits: { [visit.id]: { ...visit, notes: [...visit.notes, note] } } }, result: {} };
}
