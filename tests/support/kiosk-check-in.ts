import {
  SIGNABLE_CONSENTS,
  isAnswered,
  newCommandId,
  visibleQuestions,
  type Answers,
  type AnswerValue,
  type CommandInput,
  type ConsentChoice,
  type KIOSK_COMMANDS,
  type KioskView,
  type Question,
  type Questionnaire,
} from '@glow/shared';
import { DEFAULT_CONSENT_TEXTS } from '../../hub/src/seed/consent-texts.ts';
import { DEMO_QUESTIONNAIRES, DEMO_SERVICES } from '../../hub/src/seed/demo-catalogue.ts';

/** The `visit:checkIn` command as a kiosk sends it (every field the schema fills in by default given). */
export type KioskCheckInInput = CommandInput<typeof KIOSK_COMMANDS, 'visit:checkIn'>;

/** What a kiosk knows of the salon to build its check-in: the consent texts and the consultation per service. */
export type KioskSalon = Pick<KioskView, 'consents' | 'questionnaires' | 'services'>;

/** The demo salon's texts and consultations (hub/src/seed): what the harness's hubs start with. */
export const DEMO_KIOSK_SALON: KioskSalon = {
  consents: DEFAULT_CONSENT_TEXTS,
  questionnaires: Object.fromEntries(DEMO_QUESTIONNAIRES.map((q) => [q.category, q])),
  services: Object.fromEntries(DEMO_SERVICES.map((s) => [s.id, s])),
};

type Identity =
  | { client: NonNullable<KioskCheckInInput['client']>; visitorToken?: never; returning?: never }
  | { visitorToken: string; client?: never; returning?: never }
  | { returning: NonNullable<KioskCheckInInput['returning']>; client?: never; visitorToken?: never };

type IdentityKey = 'client' | 'visitorToken' | 'returning';

export type KioskCheckInOptions = Identity &
  Partial<Pick<KioskCheckInInput, 'commandId' | 'serviceId' | 'language' | 'answers' | 'bookingId' | 'consents' | 'sameAsLast' | 'signature'>>;

/**
 * A valid kiosk check-in, as the kiosk builds it after its consent and consultation screens: the salon's terms and
 * health texts granted now, marketing left alone (a test passes its own `consents`, e.g. [] for a QR visitor whose
 * are on file); the test's
 * answers, and a harmless answer to every required question it left unanswered (no, the first option no rule flags, the
 * scale's low end, a date long ago, "none"), so that the hub's check that required answers are given passes. A
 * `returning` number carries what the kiosk sends for it: no consents, no answers.
 */
export function kioskCheckIn<O extends KioskCheckInOptions>(options: O, salon: KioskSalon = DEMO_KIOSK_SALON): KioskCheckInInput & Pick<O, IdentityKey & keyof O> {
  const { commandId = newCommandId(), serviceId = 'facial-classic', language = 'en', sameAsLast = false, ...rest } = options;
  type Built = KioskCheckInInput & Pick<O, IdentityKey & keyof O>;
  if (rest.returning) {
    const input: KioskCheckInInput = { commandId, serviceId, language, returning: rest.returning, consents: [], sameAsLast };
    return input as Built;
  }
  const consents: ConsentChoice[] =
    rest.consents ??
    Object.values(salon.consents)
      .filter((text) => text.kind !== 'marketing')
      .map((text) => ({ kind: text.kind, version: text.version, granted: true }));
  const category = salon.services[serviceId]?.category;
  const questionnaire = category === undefined ? undefined : salon.questionnaires[category];
  const given = rest.answers ?? {};
  const answers = sameAsLast || !questionnaire ? given : withRequiredAnswered(questionnaire, given);
  // Each consent granted now whose text asks for a signature is signed (the kiosk's signature pad), unless given.
  const toSign = consents.filter((c) => c.granted && salon.consents[c.kind]?.signatureRequired);
  const signature = rest.signature ?? (toSign.length ? toSign.map((c) => ({ ...A_SIGNATURE, consent: c.kind as (typeof SIGNABLE_CONSENTS)[number] })) : undefined);
  const input: KioskCheckInInput = { ...rest, commandId, serviceId, language, sameAsLast, consents, answers, ...(signature ? { signature } : {}) };
  return input as Built;
}

/** A short pen stroke, as a finger leaves on the kiosk's signature pad. */
const A_SIGNATURE = { width: 400, height: 150, strokes: [[10, 10, 50, 40, 90, 30, 130, 60, 170, 20]] };

/** The answers with each shown required question answered, following the questions each answer reveals. */
export function withRequiredAnswered(questionnaire: Questionnaire, given: Answers): Answers {
  const answers: Answers = { ...given };
  for (let more = true; more; ) {
    more = false;
    for (const q of visibleQuestions(questionnaire, answers)) {
      if (!q.required || isAnswered(answers[q.id])) continue;
      answers[q.id] = harmlessAnswer(q);
      more = true;
    }
  }
  return answers;
}

function harmlessAnswer(q: Question): AnswerValue {
  const flagged = new Set(q.rules.map((r) => r.when));
  const option = q.options.find((o) => !flagged.has(o.value))?.value ?? q.options[0]?.value ?? '';
  switch (q.kind) {
    case 'yes_no':
      return flagged.has(false) ? true : false;
    case 'single':
      return option;
    case 'multiple':
      return [option];
    case 'scale':
      return q.min ?? 1;
    case 'date':
      return '2000-01-01';
    case 'text':
      return 'none';
  }
}
