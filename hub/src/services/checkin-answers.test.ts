import { describe, expect, it } from 'vitest';
import type { Client, Questionnaire } from '@glow/shared';
import { carriedAnswers } from './checkin-answers.ts';

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
  consents: [{ kind: 'health', version: 1, granted: true, at: 1 }],
  lastAnswers: { facial: { questionnaireId: 'q-facial', version: 1, answers: { sunburn: false }, at: 1 } },
  ...over,
});
const carry = (c: Client | undefined, sameAsLast = true, questionnaire: Questionnaire | undefined = facial) =>
  carriedAnswers({ questionnaire, category: 'facial', client: c, sameAsLast, today: '2026-11-23' });

describe('carriedAnswers: what a phone-only "returning" check-in takes to the beautician', () => {
  it('"nothing has changed": the client’s last answers, flagged to review in the room', () => {
    expect(carry(client())).toEqual({ answers: { sunburn: false }, inPerson: false, toReview: true });
  });

  it('anything else leaves the consultation to the room, never a refusal the kiosk could tell apart', () => {
    const room = { answers: {}, inPerson: true, toReview: false };
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
    expect(none).toEqual({ answers: {}, inPerson: false, toReview: false });
  });
});
