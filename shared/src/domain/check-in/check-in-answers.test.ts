import { describe, expect, it } from 'vitest';
import type { Client } from '../../schemas/client.schema.ts';
import type { Questionnaire } from '../../schemas/questionnaire.schema.ts';
import { carriedAnswers, consultationAnswers } from './check-in-answers.ts';
import { aClient, aQuestionnaire, TODAY } from './test-builders.ts';

const text = (s: string) => ({ en: s, 'zh-CN': s });
const facial: Questionnaire = {
  id: 'q-facial',
  category: 'facial',
  version: 1,
  questions: [{ id: 'sunburn', kind: 'yes_no', label: text('Sunburn?'), required: true, options: [], rules: [] }],
};
const client = (over: Partial<Client> = {}): Client => ({
  id: 'c1',
  firstName: 'Mei',
  lastName: 'Lin',
  phone: '13800138000',
  language: 'en',
  createdAt: 0,
  referredBy: null,
  consents: [{ kind: 'health', version: 1, granted: true, at: 1 }],
  lastAnswers: { facial: { questionnaireId: 'q-facial', version: 1, answers: { sunburn: false }, at: 1 } },
  ...over,
});
const carry = (c: Client | undefined, sameAsLast = true, questionnaire: Questionnaire | undefined = facial) =>
  carriedAnswers({ questionnaire, category: 'facial', client: c, sameAsLast, today: '2026-11-23' });

describe('carriedAnswers: what a phone-only "returning" check-in takes to the beautician', () => {
  it('"nothing has changed": the client’s last answers, flagged to review in the room', () => {
    expect(carry(client())).toEqual({ answers: { sunburn: false }, inPerson: false, toReview: true, blocked: false });
  });

  it('anything else leaves the consultation to the room, never a refusal the kiosk could tell apart', () => {
    const room = { answers: {}, inPerson: true, toReview: false, blocked: false };
    expect(carry(client(), false)).toEqual(room); // something has changed
    expect(carry(undefined)).toEqual(room); // nothing on file for the number
    expect(carry(client({ lastAnswers: {} }))).toEqual(room); // never answered this category
    // The health consent was withdrawn since (its answers are gone anyway, but never carried).
    expect(carry(client({ consents: [{ kind: 'health', version: 1, granted: true, at: 1 }, { kind: 'health', version: 1, granted: false, at: 2 }] }))).toEqual(room);
    // A new required question: the old answers no longer stand.
    const v2: Questionnaire = { ...facial, version: 2, questions: [...facial.questions, { ...facial.questions[0]!, id: 'peel' }] };
    expect(carry(client(), true, v2)).toEqual(room);
    // A service with no questionnaire: nothing to carry, nothing to ask.
    const none = carriedAnswers({ questionnaire: undefined, category: 'facial', client: client(), sameAsLast: true, today: '2026-11-23' });
    expect(none).toEqual({ answers: {}, inPerson: false, toReview: false, blocked: false });
  });
});

describe('consultationAnswers: what a kiosk check-in stores', () => {
  const base = {
    questionnaire: aQuestionnaire(),
    category: 'facial' as const,
    client: aClient({ lastAnswers: { facial: { questionnaireId: 'q-facial', version: 1, answers: { pregnant: false }, at: 1 } } }),
    isNew: false,
    answers: { pregnant: true },
    sameAsLast: false,
    healthConsent: true,
    today: TODAY,
    language: 'en' as const,
  };

  it('stores the answers checked; none, in the room, when the health consent was declined', () => {
    expect(consultationAnswers(base)).toEqual({ answers: { pregnant: true }, inPerson: false, toReview: false, blocked: true });
    expect(consultationAnswers({ ...base, answers: { pregnant: false } })).toEqual({ answers: { pregnant: false }, inPerson: false, toReview: false, blocked: false });
    expect(consultationAnswers({ ...base, healthConsent: false })).toEqual({ answers: {}, inPerson: true, toReview: false, blocked: false });
  });

  it('a missing required answer is refused, naming the question', () => {
    expect(consultationAnswers({ ...base, answers: {} })).toMatchObject({
      code: 'invalid_input',
      reason: 'answers_invalid',
      issues: [{ field: 'answers.pregnant', rule: 'answer_required', params: { field: 'Pregnant?' } }],
    });
  });

  it('"nothing has changed" takes the last answers of a known client; never with answers, never for a new one', () => {
    expect(consultationAnswers({ ...base, answers: {}, sameAsLast: true })).toMatchObject({ answers: { pregnant: false } });
    expect(consultationAnswers({ ...base, sameAsLast: true })).toMatchObject({ reason: 'same_as_last_with_answers' });
    expect(consultationAnswers({ ...base, answers: {}, sameAsLast: true, isNew: true })).toMatchObject({ code: 'conflict', reason: 'no_last_answers' });
    const v2 = aQuestionnaire({ version: 2, questions: [...aQuestionnaire().questions, { ...aQuestionnaire().questions[0]!, id: 'peel' }] });
    expect(consultationAnswers({ ...base, answers: {}, sameAsLast: true, questionnaire: v2 })).toMatchObject({ reason: 'answers_outdated' });
  });
});

describe('blocked: a blocking answer holds the visit for the manager, whatever path brought it', () => {
  const blocking = aQuestionnaire(); // "pregnant: yes" blocks
  const base = {
    questionnaire: blocking,
    category: 'facial' as const,
    client: aClient({ lastAnswers: { facial: { questionnaireId: 'q-facial', version: 1, answers: { pregnant: true }, at: 1 } } }),
    isNew: false,
    answers: { pregnant: true },
    sameAsLast: false,
    healthConsent: true,
    today: TODAY,
    language: 'en' as const,
  };

  it('from the answers alone: a booking QR with its consents on file (none asked now) is held like a registration', () => {
    expect(consultationAnswers(base)).toMatchObject({ answers: { pregnant: true }, blocked: true });
    expect(consultationAnswers({ ...base, isNew: true })).toMatchObject({ answers: { pregnant: true }, blocked: true });
    expect(consultationAnswers({ ...base, answers: { pregnant: false } })).toMatchObject({ blocked: false });
  });

  it('"nothing has changed" with blocking last answers, and a phone-only client’s carried answers, are held', () => {
    expect(consultationAnswers({ ...base, answers: {}, sameAsLast: true })).toMatchObject({ answers: { pregnant: true }, blocked: true });
    const carried = carriedAnswers({ questionnaire: blocking, category: 'facial', client: base.client, sameAsLast: true, today: TODAY });
    expect(carried).toEqual({ answers: { pregnant: true }, inPerson: false, toReview: true, blocked: true });
  });

  it('nothing to hold when no answers are kept: health consent declined, or the consultation left to the room', () => {
    expect(consultationAnswers({ ...base, healthConsent: false })).toMatchObject({ answers: {}, blocked: false });
    const inRoom = carriedAnswers({ questionnaire: blocking, category: 'facial', client: base.client, sameAsLast: false, today: TODAY });
    expect(inRoom).toMatchObject({ answers: {}, inPerson: true, blocked: false });
  });
});
