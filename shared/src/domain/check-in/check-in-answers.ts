import type { Client } from '../../schemas/client.schema.ts';
import type { Language } from '../../schemas/common.schema.ts';
import type { Answers, Questionnaire } from '../../schemas/questionnaire.schema.ts';
import type { ServiceCategory } from '../../schemas/service.schema.ts';
import { validateAnswers } from '../answer-validation.ts';
import { hasBlockingFlag } from '../consultation.ts';
import { grantedConsents } from '../consents.ts';
import { refuse, type Refusal } from '../refusal.ts';

/**
 * The consultation a check-in stores: the answers, whether the room must ask them, whether they are to review, and
 * whether the visit is held for the manager's override (`blocked`).
 */
export type CheckInAnswers = { answers: Answers; inPerson: boolean; toReview: boolean; blocked: boolean };

/**
 * The consultation a visit carries, held for the manager when any of its answers fires a blocking contraindication.
 * Decided here, from the answers alone, for every path (a registration, a booking's QR with the consents already on
 * file and so none sent, "nothing has changed", a phone-only returning client's carried answers): how the check-in
 * arrived must never let a blocking answer through to the plan.
 */
export function heldIfBlocking(questionnaire: Questionnaire | undefined, today: string, c: Omit<CheckInAnswers, 'blocked'>): CheckInAnswers {
  return { ...c, blocked: hasBlockingFlag(questionnaire, c.answers, today) };
}

export type ConsultationInput = {
  questionnaire: Questionnaire | undefined;
  category: ServiceCategory;
  client: Client;
  /** No earlier answers may be used: a new client, or a registration that did not prove who it is. */
  isNew: boolean;
  answers: Answers;
  sameAsLast: boolean;
  /** The client agreed to their health answers being processed (now, or earlier for the current text). */
  healthConsent: boolean;
  /** The salon's date: "not in the future" and date rules count from it. */
  today: string;
  language: Language;
};

/**
 * The answers a check-in stores, decided on the hub whatever the kiosk sent: none when the client declined the
 * health consent (the beautician asks in person); the client's last answers for the category when they said nothing
 * has changed (and those still fit the current questionnaire); otherwise their answers, checked question by question,
 * answers to questions they were not shown dropped.
 */
export function consultationAnswers(c: ConsultationInput): CheckInAnswers | Refusal {
  const stored = (answers: Answers): CheckInAnswers => heldIfBlocking(c.questionnaire, c.today, { answers, inPerson: false, toReview: false });
  if (!c.healthConsent) return { answers: {}, inPerson: true, toReview: false, blocked: false };
  if (c.sameAsLast) {
    if (Object.keys(c.answers).length > 0) return refuse('invalid_input', 'same_as_last_with_answers');
    const last = c.isNew ? undefined : c.client.lastAnswers?.[c.category];
    if (!last) return refuse('conflict', 'no_last_answers');
    if (!c.questionnaire) return stored(last.answers);
    const check = validateAnswers(c.questionnaire, last.answers, c.today);
    // A new required question, or a changed option: the client must answer again.
    if (!check.ok) return refuse('conflict', 'answers_outdated');
    return stored(check.answers);
  }
  if (!c.questionnaire) return stored(c.answers);
  const check = validateAnswers(c.questionnaire, c.answers, c.today);
  const problems = Object.entries(check.errors);
  if (problems.length > 0) {
    const label = (id: string) => c.questionnaire?.questions.find((q) => q.id === id)?.label[c.language] ?? id;
    return refuse(
      'invalid_input',
      'answers_invalid',
      undefined,
      problems.map(([id, rule]) => ({ field: `answers.${id}`, rule, params: { field: label(id) } })),
    );
  }
  return stored(check.answers);
}

export type CarriedInput = {
  questionnaire: Questionnaire | undefined;
  category: ServiceCategory;
  /** The client the number belongs to; undefined when nothing is on file for it. */
  client: Client | undefined;
  /** "Nothing has changed since my last visit". */
  sameAsLast: boolean;
  today: string;
};

/**
 * The answers a "returning" check-in (the phone number only) carries to the beautician. The person proved nothing,
 * so it is never a refusal (that would tell the kiosk the number is unknown): when they say nothing has changed and
 * the client's last answers for the category still stand (health consent not withdrawn, still fitting the
 * questionnaire), those answers go on the visit flagged "to review with the client in the room"; anything else
 * (something changed, nothing on file, answers that no longer fit) leaves the consultation to the room.
 */
export function carriedAnswers(c: CarriedInput): CheckInAnswers {
  const inRoom = { answers: {}, inPerson: c.questionnaire !== undefined, toReview: false, blocked: false };
  if (!c.sameAsLast || !c.client || !c.questionnaire) return inRoom;
  const withdrawn = grantedConsents(c.client.consents).health === null && (c.client.consents ?? []).some((r) => r.kind === 'health');
  const last = c.client.lastAnswers?.[c.category];
  if (withdrawn || !last) return inRoom;
  const check = validateAnswers(c.questionnaire, last.answers, c.today);
  if (!check.ok) return inRoom;
  // Unproven, but the answers are the client's own: a blocking one holds the visit for the manager all the same.
  return heldIfBlocking(c.questionnaire, c.today, { answers: check.answers, inPerson: false, toReview: true });
}
