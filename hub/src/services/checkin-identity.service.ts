import { grantedConsents, type Client, type Visit } from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';
import { loadVisit, type Actor } from './visit-access.ts';

export type IdentityDecision = 'same_person' | 'separate';

/**
 * The front desk settles, face to face, who a client checked in at the kiosk is (DESIGN §6: the kiosk proved nothing
 * beyond a phone number).
 * - A registration with another client's number (`duplicate_number`): `same_person` attaches the record to the
 *   existing client — their consents appended, their answers the latest, every visit moved — and removes it;
 *   `separate` keeps it a client of its own (the number stays the earlier client's for look-ups).
 * - "I have been here before" (`returning_unproven`, `number_not_on_file`): `same_person` confirms it; `separate`
 *   ("not that client") drops the answers carried from the record, so the beautician runs the consultation in the room.
 */
export function decideResolveIdentity(
  state: Readonly<HubState>,
  actor: Actor,
  visitId: string,
  decision: IdentityDecision,
): Decision<{ visitId: string; clientId: string }> | Refusal {
  const visit = loadVisit(state, actor, visitId);
  if ('code' in visit) return visit;
  if (visit.identityCheck === null) return refuse('conflict', 'not_a_duplicate');
  const settled: Visit = { ...visit, identityCheck: null };

  if (visit.identityCheck !== 'duplicate_number') {
    const changed: Visit =
      decision === 'separate' && visit.answersToReview
        ? { ...settled, answers: {}, answersToReview: false, consultationInPerson: true }
        : settled;
    return { changes: { visits: { [visit.id]: changed } }, result: { visitId: visit.id, clientId: visit.clientId } };
  }

  const duplicate = state.clients[visit.clientId];
  const existing = duplicate?.duplicateOf ? state.clients[duplicate.duplicateOf] : undefined;
  if (decision === 'separate' || !duplicate || !existing) {
    // The earlier client is gone (erased meanwhile): nothing to attach to, the record stays on its own.
    if (decision === 'same_person') return refuse('not_found', 'unknown_client');
    return { changes: { visits: { [visit.id]: settled } }, result: { visitId: visit.id, clientId: visit.clientId } };
  }

  const changes: Changes = { clients: { [duplicate.id]: null, [existing.id]: attach(existing, duplicate) }, visits: {} };
  for (const v of Object.values(state.visits)) {
    if (v.clientId === duplicate.id) changes.visits![v.id] = { ...(v.id === visit.id ? settled : v), clientId: existing.id };
  }
  return { changes, result: { visitId: visit.id, clientId: existing.id } };
}

/** The existing client with what the person said at the kiosk, now that the desk knows it was them. */
function attach(existing: Client, duplicate: Client): Client {
  const consents = [...(existing.consents ?? []), ...(duplicate.consents ?? [])];
  const lastAnswers = { ...(existing.lastAnswers ?? {}), ...(duplicate.lastAnswers ?? {}) };
  const { lastAnswers: _old, ...rest } = existing;
  // A health consent declined at the kiosk deletes the stored answers, as its text says.
  const healthDeclined = grantedConsents(consents).health === null && consents.some((r) => r.kind === 'health');
  return {
    ...rest,
    ...(consents.length ? { consents } : {}),
    ...(healthDeclined || Object.keys(lastAnswers).length === 0 ? {} : { lastAnswers }),
    language: duplicate.language,
  };
}
