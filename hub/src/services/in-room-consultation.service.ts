import { consultationAnswers, consultationPending, hasBlockingFlag, salonDay, type Answers, type Visit } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { questionnaireFor } from './consultation.ts';
import type { Decision } from './hub-engine.ts';
import { loadVisit, type Actor } from './visit-access.ts';

export type InRoomConsultationResult = { visitId: string; blocked: boolean };

/**
 * The beautician runs the consultation in the room, with the client, when it was not done at the kiosk (checked in
 * at the desk, or the health consent declined there). The answers go through the kiosk's own rules — the current
 * questionnaire of the service, every required question answered, the same checks question by question — and the
 * same contraindication rules: a blocking one marks the visit blocked, and only the manager's override lets the plan
 * be confirmed, as at the kiosk. Health data: the assigned beautician or the manager may record it, never the desk.
 * The answers stay on this visit only (they are not the client's "last answers": the client did not give them at the
 * kiosk under the health consent).
 */
export function decideRecordConsultation(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  input: { visitId: string; answers: Answers; language: Visit['language'] },
): Decision<InRoomConsultationResult> | Refusal {
  if (actor.role === 'front_desk') return refuse('forbidden', 'health_data_not_yours');
  const visit = loadVisit(state, actor, input.visitId);
  if ('code' in visit) return visit;
  if (visit.state !== 'assigned') return refuse('conflict', 'consultation_not_now', { state: `state.${visit.state}` });
  if (!consultationPending(visit)) return refuse('conflict', 'consultation_already_done');
  const service = state.services[visit.serviceId];
  const client = state.clients[visit.clientId];
  if (!service || !client) return refuse('not_found', 'unknown_visit');
  const questionnaire = questionnaireFor(state, visit.serviceId);
  // Date rules ("within the last N days") count from the salon's date of the answers, as at the kiosk.
  const today = salonDay(now, state.meta.floor.timeZone) ?? new Date(now).toISOString().slice(0, 10);
  const checked = consultationAnswers({
    questionnaire,
    category: service.category,
    client,
    isNew: true,
    answers: input.answers,
    sameAsLast: false,
    healthConsent: true,
    today,
    language: input.language,
  });
  if ('code' in checked) return checked;
  const blocked = hasBlockingFlag(questionnaire, checked.answers, today);
  const updated: Visit = { ...visit, answers: checked.answers, blocked, inRoomConsultation: { by: actor.staffId, at: now } };
  return { changes: { visits: { [visit.id]: updated } }, result: { visitId: visit.id, blocked } };
}
