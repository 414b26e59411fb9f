import {
  consultationSummary,
  type ConsultationSummary,
  hasBlockingFlag,
  needsManagerOverride,
  type Questionnaire,
  type ServiceCategory,
  type Visit,
} from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { salonDayOf } from './salon-day-of.ts';

/** The current questionnaire of a category: its latest version (older versions stay for the visits that used them). */
export function questionnaireOfCategory(state: Readonly<HubState>, category: ServiceCategory): Questionnaire | undefined {
  let best: Questionnaire | undefined;
  for (const q of Object.values(state.questionnaires)) {
    if (q.category === category && (!best || q.version > best.version)) best = q;
  }
  return best;
}

/** Whether a category asks its consultation: the manager may set a category to ask none (catalogue, #13). */
const asksConsultation = (state: Readonly<HubState>, category: ServiceCategory): boolean =>
  state.categories?.[category]?.consultation !== false;

/**
 * The consultation a visit's service asks for now: the latest questionnaire of the service's category, or none when
 * the category asks none.
 */
export function questionnaireFor(state: Readonly<HubState>, serviceId: string): Questionnaire | undefined {
  const service = state.services[serviceId];
  return service && asksConsultation(state, service.category) ? questionnaireOfCategory(state, service.category) : undefined;
}

/** The questionnaire a visit's answers are read against, whether or not its category still asks one. */
function answeredQuestionnaire(state: Readonly<HubState>, serviceId: string): Questionnaire | undefined {
  const service = state.services[serviceId];
  return service ? questionnaireOfCategory(state, service.category) : undefined;
}

/** The questionnaires asked now, by category (the kiosk's and the tablets' views): none for a category that asks none. */
export function askedQuestionnaires(state: Readonly<HubState>): Partial<Record<ServiceCategory, Questionnaire>> {
  const out = currentQuestionnaires(state);
  for (const category of Object.keys(out)) if (!asksConsultation(state, category)) delete out[category];
  return out;
}

/** Every category's current questionnaire, keyed by category (the kiosk view). */
export function currentQuestionnaires(state: Readonly<HubState>): Partial<Record<ServiceCategory, Questionnaire>> {
  const out: Partial<Record<ServiceCategory, Questionnaire>> = {};
  for (const q of Object.values(state.questionnaires)) {
    const best = out[q.category];
    if (!best || q.version > best.version) out[q.category] = q;
  }
  return out;
}

/**
 * The salon's date the client answered on: date rules ("within the last N days") count from that day. Read for every
 * visit of a client's record: salonDayOf gives salonDay's answer without a time-zone conversion per visit.
 */
const answeredOn = (state: Readonly<HubState>, visit: Visit): string | undefined =>
  salonDayOf(visit.times.checked_in ?? visit.queueRank, state.meta.floor.timeZone) ?? undefined;

/** The visit's consultation as the beautician reads it: flags first, then the answers, in both languages. */
export function consultationOf(state: Readonly<HubState>, visit: Visit): ConsultationSummary {
  return consultationSummary(answeredQuestionnaire(state, visit.serviceId), visit.answers, answeredOn(state, visit));
}

/**
 * A contraindication rule with effect `block` fired (at check-in, or on the answers as they read now) and no manager
 * has overridden it: the service must not go ahead.
 */
export const isBlocked = (state: Readonly<HubState>, visit: Visit): boolean =>
  !visit.blockOverride &&
  (needsManagerOverride(visit) || hasBlockingFlag(answeredQuestionnaire(state, visit.serviceId), visit.answers, answeredOn(state, visit)));
