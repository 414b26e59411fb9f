import { describe, expect, it } from 'vitest';
import { checkedInClient, checkedInVisit, type VisitFacts } from './check-in-records.ts';
import { aClient, aQuestionnaire, NOW } from './test-builders.ts';

const last = { facial: { questionnaireId: 'q-facial', version: 1, answers: { pregnant: false }, at: 1 } };
const known = { client: aClient({ lastAnswers: last }), isNew: false, identityCheck: null, verified: true };
const made = (over: Partial<Parameters<typeof checkedInClient>[3]> = {}) => ({
  consentRecords: [],
  answers: {},
  sameAsLast: false,
  questionnaire: aQuestionnaire(),
  category: 'facial' as const,
  ...over,
});

describe('checkedInClient', () => {
  it('appends the consents given now and keeps the answers as the last ones for the category', () => {
    const terms = { kind: 'terms' as const, version: 1, granted: true, at: NOW };
    const client = checkedInClient(known, false, NOW, made({ consentRecords: [terms], answers: { pregnant: true } }));
    expect(client?.consents).toEqual([terms]);
    expect(client?.lastAnswers?.facial).toEqual({ questionnaireId: 'q-facial', version: 1, answers: { pregnant: true }, at: NOW });
  });

  it('declining the health consent deletes the stored answers', () => {
    const declined = { kind: 'health' as const, version: 1, granted: false, at: NOW };
    expect(checkedInClient(known, false, NOW, made({ consentRecords: [declined] }))?.lastAnswers).toBeUndefined();
  });

  it('changes nothing when nothing was given, and "been here before" changes no client but a new record', () => {
    expect(checkedInClient(known, false, NOW, made())).toBeNull();
    expect(checkedInClient(known, false, NOW, made({ answers: { pregnant: true }, sameAsLast: true }))).toBeNull();
    expect(checkedInClient(known, true, NOW, made({ answers: { pregnant: true } }))).toBeNull();
    expect(checkedInClient({ ...known, isNew: true }, true, NOW, made())).toBe(known.client);
  });
});

describe('checkedInVisit', () => {
  const facts: VisitFacts = {
    answers: { pregnant: false },
    preferredStaffId: null,
    waitForPreferred: false,
    blocked: false,
    returningClient: true,
    identityCheck: null,
    answersToReview: false,
    saysBooked: false,
    consultationInPerson: false,
    signature: null,
    booking: undefined,
  };
  const identity = { id: 'v1', ticket: 'A001', clientId: 'c1', serviceId: 'facial', language: 'en' as const };

  it('goes through checked_in straight into the queue', () => {
    const visit = checkedInVisit(identity, NOW, facts);
    expect(visit).toMatchObject({ ...identity, kind: 'walk_in', state: 'queued', times: { checked_in: NOW, queued: NOW }, dueAt: null, returningClient: true });
  });

  it('a booked visit is due at the booking’s start', () => {
    expect(checkedInVisit(identity, NOW, { ...facts, booking: { startsAt: NOW + 60_000 } })).toMatchObject({ kind: 'booked', dueAt: NOW + 60_000 });
  });
});
