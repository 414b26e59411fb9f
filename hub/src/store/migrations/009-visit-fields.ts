import { updateRecords, type Migration } from './migration.ts';

/**
 * The fields a visit gained after the first visits were stored, with the value each meant when it was absent (frozen
 * here: the visit schema states only the current shape and defaults none of them). Absent meant "not so": not
 * blocked, no override, the consultation done at the kiosk, a first visit, no in-room consultation recorded, the
 * client's identity settled, no answers to review, no booking claimed.
 */
const ABSENT_MEANT: Readonly<Record<string, unknown>> = {
  blocked: false,
  blockOverride: null,
  consultationInPerson: false,
  returningClient: false,
  inRoomConsultation: null,
  identityCheck: null,
  answersToReview: false,
  saysBooked: false,
};

export const visitFields: Migration = {
  version: 9,
  name: 'visits hold every field they gained (block, consultation, identity check, booking claimed)',
  up: (data) =>
    updateRecords(data, 'visits', (visit) => {
      const missing = Object.keys(ABSENT_MEANT).filter((field) => !(field in visit));
      if (missing.length === 0) return visit;
      return { ...visit, ...Object.fromEntries(missing.map((field) => [field, ABSENT_MEANT[field]])) };
    }),
};
