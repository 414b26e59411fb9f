import { beforeEach, describe, expect, it } from 'vitest';
import { CheckInInputSchema, DeskCheckInInputSchema, VisitSchema, type Booking, type Questionnaire } from '@glow/shared';
import { applyChanges } from '../store/apply-changes.ts';
import type { HubState } from '../store/hub-state.ts';
import { migrate } from '../store/migrations/index.ts';
import { signVisitorToken, verifyVisitorToken } from '../security/visitor-token.ts';
import { ActiveVisits } from './active-visits.ts';
import { toAppError } from './app-error.ts';
import { autoAssign } from './auto-assign.ts';
import { decideDeskCheckIn, decideKioskCheckIn, type CheckInContext } from './checkin.service.ts';
import { decideManualAssign } from './manual-assign.service.ts';
import { decideOverrideBlock } from './override-block.service.ts';
import { decideReplaceQuestionnaire } from './questionnaire.service.ts';
import { demoState, sequentialIds } from './test-state.ts';

/** A Monday, 10:00 UTC (the tests' salon time zone): the demo staff are on shift. */
const NOW = Date.UTC(2026, 10, 23, 10, 0);
const TODAY = '2026-11-23';
const FACIAL_OK = { pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false };
const SIGNATURE = { consent: 'health' as const, width: 400, height: 150, strokes: [[10, 10, 50, 40, 90, 30, 130, 60, 170, 20]] };
const CONSENTS = [
  { kind: 'terms' as const, version: 1, granted: true },
  { kind: 'health' as const, version: 1, granted: true },
  { kind: 'marketing' as const, version: 1, granted: false },
];

const register = (over: Record<string, unknown> = {}) =>
  CheckInInputSchema.parse({
    commandId: 'cmd-000001',
    client: { firstName: 'Mei', lastName: 'Lin', phone: '13800138000', birthday: '1990-04-25' },
    serviceId: 'facial-classic',
    language: 'en',
    answers: FACIAL_OK,
    consents: CONSENTS,
    signature: [SIGNATURE],
    ...over,
  });

describe('decideKioskCheckIn: identity, consents, consultation', () => {
  let state: HubState;
  let ctx: CheckInContext;
  const decide = (input: ReturnType<typeof register>, at = NOW, c: Partial<CheckInContext> = {}) => decideKioskCheckIn(state, at, input, { ...ctx, ...c });
  const commit = (input: ReturnType<typeof register>, c: Partial<CheckInContext> = {}) => {
    const d = decide(input, NOW, c);
    if ('code' in d) throw new Error(`refused: ${d.reason}`);
    applyChanges(state, d.changes);
    return { ...d, visit: Object.values(d.changes.visits!)[0]!, client: Object.values(d.changes.clients ?? {})[0] };
  };
  beforeEach(async () => {
    state = await demoState();
    // Everyone signed in today: the planner offers clients only to staff who are here.
    state.meta.presence = Object.fromEntries(Object.keys(state.staff).map((id) => [id, { day: TODAY, at: NOW, by: id }]));
    ctx = {
      today: TODAY,
      newId: sequentialIds(),
      existingClientId: undefined,
      activeVisits: [],
      verifyVisitor: (token, at) => verifyVisitorToken(state.meta.sessionKey, token, at),
    };
  });

  it('registers a client with birthday, every consent with the version shown, the signature and the answers', () => {
    const { visit, client } = commit(register());
    expect(client).toMatchObject({ firstName: 'Mei', birthday: '1990-04-25' });
    expect(client!.consents).toEqual(CONSENTS.map((c) => ({ ...c, at: NOW })));
    expect(client!.lastAnswers!.facial).toEqual({ questionnaireId: 'q-facial', version: 1, answers: FACIAL_OK, at: NOW });
    expect(visit).toMatchObject({ answers: FACIAL_OK, blocked: false, consultationInPerson: false, signature: [{ ...SIGNATURE, at: NOW }] });
  });

  it('health consent declined: no answers stored, none kept for next time, the beautician asks in person', () => {
    const consents = [CONSENTS[0], { kind: 'health', version: 1, granted: false }];
    const { visit, client } = commit(register({ consents, signature: undefined, answers: { ...FACIAL_OK, sunburn: true } }));
    expect(visit).toMatchObject({ answers: {}, consultationInPerson: true, blocked: false, signature: null });
    expect(client!.lastAnswers).toBeUndefined();
    expect(client!.consents!.find((c) => c.kind === 'health')).toMatchObject({ granted: false, version: 1 });
  });

  it('refuses without the terms, with an outdated text, or without the signature the salon requires', () => {
    expect(decide(register({ consents: [CONSENTS[1]] }))).toMatchObject({ code: 'invalid_input', reason: 'consent_terms_required' });
    expect(decide(register({ consents: [{ kind: 'terms', version: 0 + 2, granted: true }] }))).toMatchObject({
      code: 'conflict',
      reason: 'consent_outdated',
      params: { consent: 'consent.kind.terms' },
    });
    const unsigned = decide(register({ signature: undefined }));
    expect(unsigned).toMatchObject({ reason: 'signature_required' });
    if ('code' in unsigned) expect(toAppError(unsigned, 'en').message).toBe('Please sign to confirm the consent to process your health answers.');
    // A signature for a consent the client did not give.
    const declined = [CONSENTS[0], { kind: 'health', version: 1, granted: false }];
    expect(decide(register({ consents: declined }))).toMatchObject({ reason: 'signature_not_granted' });
  });

  it('keeps both signatures when the salon asks for one on the terms and on the health consent', () => {
    state.meta.consents!.terms = { ...state.meta.consents!.terms!, signatureRequired: true };
    const terms = { ...SIGNATURE, consent: 'terms' as const };
    // Only one of the two: the other consent is named.
    expect(decide(register({ signature: [SIGNATURE] }))).toMatchObject({ reason: 'signature_required', params: { consent: 'consent.kind.terms' } });
    expect(decide(register({ signature: [terms] }))).toMatchObject({ reason: 'signature_required', params: { consent: 'consent.kind.health' } });
    // Each consent signed once.
    expect(() => register({ signature: [terms, terms] })).toThrow(/signature_twice/);
    const { visit } = commit(register({ signature: [terms, SIGNATURE] }));
    expect(visit.signature).toEqual([{ ...terms, at: NOW }, { ...SIGNATURE, at: NOW }]);
  });

  it('reads a visit stored with one signature (before there could be two) as a list of one, once migrated', () => {
    const { visit } = commit(register());
    const { signature, ...old } = visit;
    const migrated = (stored: object) => (migrate({ visits: { v: stored } }, 0)['visits'] as Record<string, unknown>)['v'];
    expect(VisitSchema.parse(migrated({ ...old, signature: signature![0] })).signature).toEqual(signature);
    expect(VisitSchema.parse(migrated(old)).signature).toBeNull();
  });

  it('checks the answers again, naming each question in the client’s language; drops hidden ones', () => {
    const bad = decide(register({ language: 'zh-CN', answers: { pregnant: 'maybe', isotretinoin: true, sunburn: false, skin_allergy: false } }));
    if (!('code' in bad)) throw new Error('accepted');
    const err = toAppError(bad, 'zh-CN');
    expect(err).toMatchObject({ code: 'invalid_input', reason: 'answers_invalid' });
    expect(err.issues).toEqual([
      { field: 'answers.pregnant', rule: 'answer_type', message: '“您是否怀孕或在哺乳期？”的回答格式不正确。' },
      { field: 'answers.isotretinoin_last', rule: 'answer_required', message: '请回答“最后一次服用是什么时候？”。' },
    ]);
    const { visit } = commit(register({ answers: { ...FACIAL_OK, isotretinoin_last: '2026-11-01', allergens: ['fragrance'] } }));
    expect(visit.answers).toEqual(FACIAL_OK);
  });

  it('refuses a birthday in the future or 120 years back, with a clear message', () => {
    const future = decide(register({ client: { firstName: 'Mei', phone: '13800138000', birthday: '2026-11-24' } }));
    expect(future).toMatchObject({ code: 'invalid_input', reason: 'birthday_future' });
    if ('code' in future) expect(toAppError(future, 'en').message).toBe('Your birthday cannot be in the future. Please check the date.');
    expect(decide(register({ client: { firstName: 'Mei', phone: '13800138000', birthday: '1900-01-01' } }))).toMatchObject({ reason: 'birthday_too_old' });
    expect(CheckInInputSchema.safeParse({ ...register(), client: { firstName: 'Mei', phone: '13800138000', birthday: '1990-02-30' } }).success).toBe(false);
  });

  it('a kiosk registration with a known number is a record of its own, flagged for the desk; the owner is untouched', () => {
    const first = commit(register());
    const owner = structuredClone(state.clients[first.client!.id]!);
    const again = commit(register({ commandId: 'cmd-000002', client: { firstName: 'Someone', phone: '13800138000' } }), {
      existingClientId: first.client!.id,
    });
    expect(again.visit.clientId).not.toBe(first.client!.id);
    expect(again.visit.identityCheck).toBe('duplicate_number');
    expect(again.result.firstName).toBe('Someone');
    expect(state.clients[again.visit.clientId]).toMatchObject({ firstName: 'Someone', duplicateOf: first.client!.id });
    expect(state.clients[again.visit.clientId]!.consents).toHaveLength(3);
    expect(state.clients[first.client!.id]).toEqual(owner);
  });

  it('at the front desk (face to face) a known number is that client; one already on the floor is refused with the ticket', () => {
    const first = commit(register());
    const desk = DeskCheckInInputSchema.parse({ commandId: 'cmd-000005', client: { firstName: 'Mei', phone: '13800138000' }, serviceId: 'facial-classic', language: 'en' });
    const active = [state.visits[first.visit.id]!];
    const atDesk = (c: Partial<CheckInContext>) => decideDeskCheckIn(state, NOW, desk, { ...ctx, ...c });
    expect(atDesk({ existingClientId: first.client!.id, activeVisits: active })).toEqual({
      code: 'conflict',
      reason: 'already_checked_in',
      params: { ticket: first.visit.ticket },
    });
    const later = atDesk({ existingClientId: first.client!.id, activeVisits: [] });
    if ('code' in later) throw new Error(later.reason);
    expect(Object.values(later.changes.visits!)[0]!.clientId).toBe(first.client!.id);
  });

  it('"I have been here before" declining health at a later check-in with the QR deletes the stored answers', () => {
    const first = commit(register());
    expect(state.clients[first.client!.id]!.lastAnswers?.facial).toBeDefined();
    const token = signVisitorToken(state.meta.sessionKey, first.client!.id, NOW + 60_000);
    const declined = [{ kind: 'health' as const, version: 1, granted: false }];
    commit(register({ commandId: 'cmd-000006', client: undefined, visitorToken: token, consents: declined, signature: undefined, answers: {} }));
    expect(state.clients[first.client!.id]!.lastAnswers).toBeUndefined();
    expect(state.clients[first.client!.id]!.consents!.at(-1)).toMatchObject({ kind: 'health', granted: false });
  });

  it('a registration with a known number gets nothing the owner gave before: it answers as for a new number', () => {
    const first = commit(register());
    const stranger = (over: Record<string, unknown>) =>
      decide(register({ commandId: 'cmd-000003', client: { firstName: 'X', phone: '13800138000' }, consents: [], signature: undefined, ...over }), NOW, {
        existingClientId: first.client!.id,
      });
    const unknown = (over: Record<string, unknown>) =>
      decide(register({ commandId: 'cmd-000004', client: { firstName: 'X', phone: '13900000000' }, consents: [], signature: undefined, ...over }));
    // The owner granted the terms, but the person at the kiosk did not: refused as for anyone.
    expect(stranger({})).toEqual(unknown({}));
    expect(stranger({})).toMatchObject({ reason: 'consent_terms_required' });
    const terms = [CONSENTS[0]];
    const same = { consents: CONSENTS, signature: [SIGNATURE], answers: {}, sameAsLast: true };
    expect(stranger(same)).toEqual(unknown(same));
    expect(stranger(same)).toMatchObject({ reason: 'no_last_answers' });
    state.bookings = { bk: { clientId: first.client!.id } as Booking };
    expect(stranger({ consents: terms, bookingId: 'bk' })).toMatchObject({ reason: 'unknown_booking' });
    // Health not granted now: no answers kept, whatever the owner said before.
    const d = stranger({ consents: terms });
    if ('code' in d) throw new Error('refused');
    expect(Object.values(d.changes.visits!)[0]).toMatchObject({ answers: {}, consultationInPerson: true });
  });

  it('a confirmed visitor says nothing has changed: the hub copies their last answers', () => {
    const first = commit(register({ answers: { ...FACIAL_OK, concerns: ['dryness'] } }));
    const token = signVisitorToken(state.meta.sessionKey, first.client!.id, NOW + 60_000);
    const { visit, result } = commit(
      register({ commandId: 'cmd-000002', client: undefined, visitorToken: token, answers: {}, sameAsLast: true, consents: [], signature: undefined }),
    );
    expect(visit.clientId).toBe(first.client!.id);
    expect(visit.answers).toEqual({ ...FACIAL_OK, concerns: ['dryness'] });
    expect(result.firstName).toBe('Mei');
    // Nothing earlier for nails; an expired or forged token.
    expect(decide(register({ client: undefined, visitorToken: token, answers: {}, sameAsLast: true, serviceId: 'nails-gel', consents: [], signature: undefined }))).toMatchObject({
      code: 'conflict',
      reason: 'no_last_answers',
    });
    expect(decide(register({ client: undefined, visitorToken: token, consents: [], signature: undefined }), NOW + 60_000)).toMatchObject({
      code: 'unauthorized',
      reason: 'visitor_token_invalid',
    });
    expect(decide(register({ client: undefined, visitorToken: token, answers: { pregnant: true }, sameAsLast: true, consents: [], signature: undefined }))).toMatchObject({
      reason: 'same_as_last_with_answers',
    });
  });

  it('last answers that no longer fit a new questionnaire version must be given again', () => {
    const first = commit(register());
    const facial = structuredClone(state.questionnaires['q-facial']!) as Questionnaire;
    facial.questions.push({ id: 'new_one', kind: 'yes_no', label: { en: 'New?', 'zh-CN': '新？' }, required: true, options: [], rules: [] });
    const replaced = decideReplaceQuestionnaire(state, { questionnaire: facial });
    if ('code' in replaced) throw new Error('refused');
    applyChanges(state, replaced.changes);
    expect(replaced.result).toEqual({ questionnaireId: 'q-facial-v2', version: 2 });
    const token = signVisitorToken(state.meta.sessionKey, first.client!.id, NOW + 60_000);
    expect(decide(register({ client: undefined, visitorToken: token, answers: {}, sameAsLast: true, consents: [], signature: undefined }))).toMatchObject({
      reason: 'answers_outdated',
    });
  });

  it('a blocking answer: not assigned, not placed by hand, until a manager overrides it with a reason', () => {
    const { visit, result } = commit(register({ answers: { ...FACIAL_OK, sunburn: true } }), { waitOf: () => 0 });
    expect(visit.blocked).toBe(true);
    expect(result.estimateMin).toBeNull();
    const active = () => ActiveVisits.of(state).list(state);
    expect(autoAssign(state, NOW + 1000, active())).toBeNull();
    expect(decideManualAssign(state, NOW, { visitId: visit.id, roomId: 'room-1', staffId: 'mei' }, active())).toMatchObject({
      code: 'conflict',
      reason: 'visit_blocked',
    });
    const override = decideOverrideBlock(state, NOW + 2000, { staffId: 'olivia', role: 'manager' }, { visitId: visit.id, reason: 'Sunburn healed, checked' });
    if ('code' in override) throw new Error('refused');
    applyChanges(state, override.changes);
    expect(state.visits[visit.id]!.blockOverride).toEqual({ by: 'olivia', at: NOW + 2000, reason: 'Sunburn healed, checked' });
    expect(decideOverrideBlock(state, NOW, { staffId: 'olivia', role: 'manager' }, { visitId: visit.id, reason: 'again' })).toMatchObject({
      reason: 'already_overridden',
    });
    const assigned = autoAssign(state, NOW + 3000, active());
    expect(assigned?.visits?.[visit.id]).toMatchObject({ state: 'assigned' });
  });

  it('a blocking answer holds the visit whatever the path: a booking QR with its consents on file, a phone-only returning number', () => {
    const first = commit(register({ answers: { ...FACIAL_OK, sunburn: true } }));
    expect(first.visit.blocked).toBe(true);
    const token = signVisitorToken(state.meta.sessionKey, first.client!.id, NOW + 60_000);
    // Consents on file: the kiosk asks none (an empty list), and the answers still hold the visit.
    const byQr = decide(register({ client: undefined, visitorToken: token, consents: [], signature: undefined, answers: { ...FACIAL_OK, sunburn: true } }));
    if ('code' in byQr) throw new Error(`refused ${byQr.reason}`);
    expect(Object.values(byQr.changes.visits!)[0]).toMatchObject({ blocked: true });
    expect(byQr.result.estimateMin).toBeNull();
    // "Nothing has changed" by the number only carries the owner's blocking answers: held, yet the kiosk is told the
    // same as for a number nothing is on file for (a wait, not the null a held client gets).
    // The transport finds who a number belongs to (existingClientId).
    const returning = (phone: string, existingClientId: string | undefined) =>
      decide(register({ client: undefined, returning: { phone }, answers: {}, consents: [], signature: undefined, sameAsLast: true }), NOW, {
        existingClientId,
      });
    const known = returning('13800138000', first.client!.id);
    const unknown = returning('13900139000', undefined);
    if ('code' in known || 'code' in unknown) throw new Error('refused');
    expect(Object.values(known.changes.visits!)[0]).toMatchObject({ blocked: true, answersToReview: true, answers: { sunburn: true } });
    expect(Object.values(unknown.changes.visits!)[0]).toMatchObject({ blocked: false });
    expect(known.result.estimateMin).not.toBeNull();
    expect({ ...known.result, visitId: '', ticket: '' }).toEqual({ ...unknown.result, visitId: '', ticket: '' });
  });

  it('refuses to override a visit that is not blocked', () => {
    const { visit } = commit(register());
    expect(decideOverrideBlock(state, NOW, { staffId: 'olivia', role: 'manager' }, { visitId: visit.id, reason: 'x' })).toMatchObject({ reason: 'not_blocked' });
  });

  it('a booked client checks in for today’s booking: booked visit, due at the start, their beautician', () => {
    const first = commit(register());
    const booking: Booking = {
      id: 'bk1',
      clientId: first.client!.id,
      serviceId: 'facial-hydrating',
      staffId: 'anna',
      anyStaff: false,
      roomId: null,
      startsAt: NOW + 20 * 60_000,
      endsAt: NOW + 65 * 60_000,
      state: 'booked',
      holdExpiresAt: null,
      source: 'phone',
      visitId: null,
      createdAt: 0,
      cancelledAt: null,
      reminder: { dueAt: 0, doneAt: null, doneBy: null },
    };
    state.bookings = { bk1: booking, other: { ...booking, id: 'other', clientId: 'someone-else' }, later: { ...booking, id: 'later', startsAt: NOW + 86_400_000 } };
    const token = signVisitorToken(state.meta.sessionKey, first.client!.id, NOW + 60_000);
    const booked = (bookingId: string) =>
      register({ commandId: 'cmd-000009', client: undefined, visitorToken: token, bookingId, consents: [], signature: undefined });
    expect(decide(booked('other'))).toMatchObject({ code: 'not_found', reason: 'unknown_booking' });
    expect(decide(booked('later'))).toMatchObject({ code: 'conflict', reason: 'booking_not_today' });
    const d = decide(booked('bk1'));
    if ('code' in d) throw new Error(`refused ${d.reason}`);
    const visit = Object.values(d.changes.visits!)[0]!;
    expect(visit).toMatchObject({ kind: 'booked', serviceId: 'facial-hydrating', dueAt: booking.startsAt, preferredStaffId: 'anna', waitForPreferred: true });
    expect(d.changes.bookings!.bk1).toMatchObject({ state: 'checked_in', visitId: visit.id });
    applyChanges(state, d.changes);
    expect(decide(booked('bk1'))).toMatchObject({ reason: 'booking_not_checkinable' });
  });
});
