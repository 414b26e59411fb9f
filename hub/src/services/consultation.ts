import { consultationSummary, hasBlockingFlag, type Questionnaire, type Visit, type VisitCard } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';

/** The consultation a visit's service asks for: the latest questionnaire of the service's category. */
export function questionnaireFor(state: Readonly<HubState>, serviceId: string): Questionnaire | undefined {
  const service = state.services[serviceId];
  if (!service) return undefined;
  let best: Questionnaire | undefined;
  for (const q of Object.values(state.questionnaires)) {
    if (q.category === service.category && (!best || q.version > best.version)) best = q;
  }
  return best;
}

/** The visit's consultation as the beautician reads it: flags first, then the answers, in both languages. */
export function consultationOf(state: Readonly<HubState>, visit: Visit): VisitCard['consultation'] {
  return consultationSummary(questionnaireFor(state, visit.serviceId), visit.answers);
}

/** A contraindication rule with effect `block` fired: the service must not go ahead without an override. */
export const isBlocked = (state: Readonly<HubState>, visit: Visit): boolean =>
  hasBlockingFlag(questionnaireFor(state, visit.serviceId), visit.answers);
