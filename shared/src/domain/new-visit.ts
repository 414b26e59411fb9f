import type { Id, Language, Timestamp } from '../schemas/common.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';

export type NewVisit = { id: Id; ticket: string; clientId: Id; serviceId: Id; language: Language; at: Timestamp };

/**
 * A visit the moment a client checks in: a walk-in, nothing assigned, planned, noted or rated yet, in the queue by
 * the time it arrived. The one place that knows every field's starting value (check-in and test builders use it).
 */
export function newVisit({ at, ...identity }: NewVisit): Visit {
  return {
    ...identity,
    kind: 'walk_in',
    state: 'checked_in',
    roomId: null,
    staffId: null,
    times: { checked_in: at },
    answers: {},
    rating: null,
    incident: false,
    preferredStaffId: null,
    waitForPreferred: false,
    dueAt: null,
    queueRank: at,
    plan: null,
    notes: [],
    aftercare: null,
    handBacks: [],
    acceptedAt: null,
    blocked: false,
    blockOverride: null,
    consultationInPerson: false,
    returningClient: false,
    inRoomConsultation: null,
    identityCheck: null,
    answersToReview: false,
    saysBooked: false,
    signature: null,
  };
}
