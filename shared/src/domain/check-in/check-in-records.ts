import type { Client } from '../../schemas/client.schema.ts';
import type { ConsentRecord } from '../../schemas/consent.schema.ts';
import type { Language } from '../../schemas/common.schema.ts';
import type { Answers, Questionnaire } from '../../schemas/questionnaire.schema.ts';
import type { ServiceCategory } from '../../schemas/service.schema.ts';
import type { Visit } from '../../schemas/visit.schema.ts';
import { newVisit } from '../new-visit.ts';
import { refuse, type Refusal } from '../refusal.ts';
import { transition } from '../visit-machine.ts';
import type { CheckInWho } from './check-in-who.ts';

/**
 * The client record a check-in writes, if any: declining the health consent deletes the answers stored for the
 * client (as its text says); the consent choices made now are appended; answers given now become the client's last
 * answers for the category. "I have been here before" changes no client: only the record made for a number nothing
 * was on file for. Null when nothing changes.
 */
export function checkedInClient(
  who: CheckInWho,
  returning: boolean,
  now: number,
  made: {
    consentRecords: readonly ConsentRecord[];
    answers: Answers;
    sameAsLast: boolean;
    questionnaire: Questionnaire | undefined;
    category: ServiceCategory;
  },
): Client | null {
  const { client, isNew } = who;
  if (returning) return isNew ? client : null;
  const declinedHealth = made.consentRecords.some((r) => r.kind === 'health' && !r.granted);
  const { lastAnswers: _dropped, ...withoutAnswers } = client;
  const { questionnaire } = made;
  const updated: Client = {
    ...(declinedHealth ? withoutAnswers : client),
    ...(made.consentRecords.length ? { consents: [...(client.consents ?? []), ...made.consentRecords] } : {}),
    ...(questionnaire && Object.keys(made.answers).length && !made.sameAsLast
      ? {
          lastAnswers: {
            ...(client.lastAnswers ?? {}),
            [made.category]: { questionnaireId: questionnaire.id, version: questionnaire.version, answers: made.answers, at: now },
          },
        }
      : {}),
  };
  const changed = isNew || declinedHealth || updated.consents !== client.consents || updated.lastAnswers !== client.lastAnswers;
  return changed ? updated : null;
}

/** Everything a check-in puts on its new visit beyond who, what and when. */
export type VisitFacts = Pick<
  Visit,
  | 'answers'
  | 'preferredStaffId'
  | 'waitForPreferred'
  | 'blocked'
  | 'returningClient'
  | 'identityCheck'
  | 'answersToReview'
  | 'saysBooked'
  | 'consultationInPerson'
  | 'signature'
> & { booking: { startsAt: number } | undefined };

/** The new visit, through `checked_in` straight into the queue; a booked one is due at the booking's start. */
export function checkedInVisit(
  identity: { id: string; ticket: string; clientId: string; serviceId: string; language: Language },
  now: number,
  facts: VisitFacts,
): Visit | Refusal {
  const queued = transition('checked_in', 'queue');
  if (!queued.ok) return refuse('conflict', 'illegal_transition');
  const { booking, ...onVisit } = facts;
  return {
    ...newVisit({ ...identity, at: now }),
    state: queued.state,
    times: { checked_in: now, queued: now },
    ...onVisit,
    ...(booking ? { kind: 'booked' as const, dueAt: booking.startsAt } : {}),
  };
}
