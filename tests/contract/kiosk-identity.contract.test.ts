import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { createTranslator, type KioskPatch, type KioskSnapshot } from '@glow/shared';
import {
  connectKiosk,
  connectStaff,
  expectOk,
  newCommandId,
  send,
  startHub,
  type KioskSocket,
  type TestHub,
} from '../support/hub-harness.ts';
import { signVisitorToken } from '../../hub/src/security/visitor-token.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

const MIN = 60_000;
/** Monday 23 November 2026, 09:30 in the salon (UTC here): everyone is on shift. */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);
const en = createTranslator('en');
const zh = createTranslator('zh-CN');

const FACIAL_OK = { pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false, concerns: ['dryness'] };
const SIGNATURE = { consent: 'health' as const, width: 400, height: 150, strokes: [[10, 10, 60, 40, 110, 30, 160, 70, 210, 20]] };
const ALL_GRANTED = [
  { kind: 'terms' as const, version: 1, granted: true },
  { kind: 'health' as const, version: 1, granted: true },
  { kind: 'marketing' as const, version: 1, granted: true },
];
// Not a demo staff member's name: the lobby may show a beautician's first name, never a client's.
const MEI = { firstName: 'Lena', lastName: 'Zhou', phone: '13800138000', birthday: '1990-04-25' };

/** A hub whose clock the test moves by hand. */
async function hubAt(start: number) {
  const clock = { now: start };
  const hub = await startHub({ clock: () => clock.now, timeZone: 'UTC', floorTickMs: 3_600_000 });
  return { hub, clock };
}
const settle = () => new Promise((r) => setTimeout(r, 100));

/** A kiosk that records everything the hub sends it. */
async function watchedKiosk(url: string, language: 'en' | 'zh-CN' = 'en') {
  const k = await connectKiosk(url, language);
  const received: unknown[] = [k.snapshot];
  (k.socket as unknown as Socket).on('sync:patch', (p: KioskPatch) => received.push(p));
  (k.socket as unknown as Socket).on('sync:snapshot', (s: KioskSnapshot) => received.push(s));
  return { ...k, received };
}

const register = (kiosk: KioskSocket, over: Record<string, unknown> = {}, commandId = newCommandId()) =>
  send(kiosk, 'visit:checkIn', {
    commandId,
    client: MEI,
    serviceId: 'facial-classic',
    language: 'en',
    answers: FACIAL_OK,
    consents: ALL_GRANTED,
    signature: [SIGNATURE],
    ...over,
  } as never);

/** "I have been here before" with the number only. */
const returning = (kiosk: KioskSocket, phone: string, over: Record<string, unknown> = {}) =>
  send(kiosk, 'visit:checkIn', { ...kioskCheckIn({ returning: { phone }, serviceId: 'facial-classic', sameAsLast: true }), ...over } as never);

/** The visitor token a booking's QR gives a client (booking:confirmByToken), signed as the hub signs it. */
const tokenFor = (hub: TestHub, clientId: string, at: number) => signVisitorToken(hub.hub.core.engine.state.meta.sessionKey, clientId, at + 30 * MIN);

/** Ends every visit on the floor (the desk cancels), so the next check-in is not "already checked in". */
async function clearFloor(hub: TestHub) {
  const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
  for (const v of hub.hub.core.active.list(hub.hub.core.engine.state)) expectOk(await send(desk.socket, 'visit:cancel', { visitId: v.id }));
  return desk;
}

describe('kiosk identity over real sockets', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it('“I have been here before”: a known and an unknown number answer alike; no name comes back; no client changes', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    expectOk(await register(kiosk.socket));
    await clearFloor(hub);
    const clients = structuredClone(hub.hub.core.engine.state.clients);
    const known = expectOk(await returning(kiosk.socket, '138 0013 8000'));
    const unknown = expectOk(await returning(kiosk.socket, '13900139000'));
    for (const r of [known, unknown]) {
      expect(Object.keys(r).sort()).toEqual(['estimateMin', 'firstName', 'ticket', 'visitId']);
      expect(r.firstName).toBeNull();
    }
    expect(known.estimateMin).toBe(unknown.estimateMin);
    const state = hub.hub.core.engine.state;
    // The known number's client is untouched; the unknown one gets a record named for the desk by the number's end.
    for (const [id, c] of Object.entries(clients)) expect(state.clients[id]).toEqual(c);
    expect(state.visits[known.visitId]).toMatchObject({ identityCheck: 'returning_unproven', answersToReview: true, answers: FACIAL_OK });
    expect(state.visits[unknown.visitId]).toMatchObject({ identityCheck: 'number_not_on_file', answersToReview: false, answers: {}, consultationInPerson: true });
    expect(state.clients[state.visits[unknown.visitId]!.clientId]).toMatchObject({ firstName: '…9000', phone: '+8613900139000' });
  });

  it('limits phone check-ins per kiosk with a clear message in the kiosk’s language, until the minute has passed', async () => {
    const { hub, clock } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url, 'zh-CN');
    for (let i = 0; i < 6; i++) expectOk(await returning(kiosk.socket, `1390013900${i}`, { language: 'zh-CN' }));
    const refused = await returning(kiosk.socket, '13900139009', { language: 'zh-CN' });
    expect(refused).toEqual({ ok: false, error: { code: 'rate_limited', reason: 'lookup_rate_limited', message: zh('reason.lookup_rate_limited') } });
    // A new socket of the same kiosk does not reset the count.
    const other = await connectKiosk(hub.url, 'en', kiosk.device);
    const again = await returning(other.socket, '13900139009');
    expect(again.ok ? null : again.error.message).toBe(en('reason.lookup_rate_limited'));
    clock.now += MIN + 1;
    expectOk(await returning(kiosk.socket, '13900139009'));
  });

  it('a registration with a known number (“that’s not me”, or a stranger) is kept apart; the desk attaches it or keeps it separate', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const { visitId: first } = expectOk(await register(kiosk.socket));
    const desk = await clearFloor(hub);
    const state = () => hub.hub.core.engine.state;
    const ownerId = state().visits[first]!.clientId;
    const owner = structuredClone(state().clients[ownerId]!);
    const other = expectOk(await register(kiosk.socket, { client: { firstName: 'Lena', lastName: 'Z', phone: MEI.phone }, answers: { ...FACIAL_OK, pregnant: true } }));
    expect(other.firstName).toBe('Lena');
    const dupId = state().visits[other.visitId]!.clientId;
    expect(dupId).not.toBe(ownerId);
    expect(state().visits[other.visitId]!.identityCheck).toBe('duplicate_number');
    expect(state().clients[ownerId]).toEqual(owner);
    // The desk (not a beautician, not the kiosk) settles it: the same person, so the record is attached.
    const beautician = await connectStaff(hub, { staffId: 'mei', pin: '1111' });
    expect(await send(beautician.socket, 'visit:resolveIdentity', { visitId: other.visitId, decision: 'same_person' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(expectOk(await send(desk.socket, 'visit:resolveIdentity', { visitId: other.visitId, decision: 'same_person' }))).toEqual({
      visitId: other.visitId,
      clientId: ownerId,
    });
    expect(state().clients[dupId]).toBeUndefined();
    expect(state().visits[other.visitId]).toMatchObject({ clientId: ownerId, identityCheck: null });
    expect(state().clients[ownerId]!.lastAnswers!.facial!.answers).toEqual({ ...FACIAL_OK, pregnant: true });
    const twice = await send(desk.socket, 'visit:resolveIdentity', { visitId: other.visitId, decision: 'separate' });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'not_a_duplicate', message: en('reason.not_a_duplicate') } });
  });

  it('one person, one ticket: “already checked in” with the ticket, at the kiosk and at the desk', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url, 'zh-CN');
    const { ticket } = expectOk(await register(kiosk.socket));
    const byPhone = await returning(kiosk.socket, MEI.phone, { language: 'zh-CN' });
    expect(byPhone).toEqual({ ok: false, error: { code: 'conflict', reason: 'already_checked_in', message: zh('reason.already_checked_in', { ticket }) } });
    const again = await register(kiosk.socket, { language: 'zh-CN' });
    expect(again).toMatchObject({ ok: false, error: { reason: 'already_checked_in' } });
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const byHand = await send(desk.socket, 'visit:checkInByHand', { client: { firstName: 'Lena', phone: MEI.phone }, serviceId: 'nails-gel', language: 'en' });
    expect(byHand).toEqual({ ok: false, error: { code: 'conflict', reason: 'already_checked_in', message: en('reason.already_checked_in', { ticket }) } });
    expect(hub.hub.core.active.list(hub.hub.core.engine.state)).toHaveLength(1);
  });

  it('records a registration’s consents with the versions shown; health declined → asked in person, nothing stored', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const { visitId } = expectOk(await register(kiosk.socket));
    const state = hub.hub.core.engine.state;
    const clientId = state.visits[visitId]!.clientId;
    expect(state.clients[clientId]).toMatchObject({ firstName: 'Lena', lastName: 'Zhou', birthday: '1990-04-25' });
    expect(state.clients[clientId]!.consents).toEqual(ALL_GRANTED.map((c) => ({ ...c, at: MONDAY_0930 })));
    expect(state.visits[visitId]).toMatchObject({ answers: FACIAL_OK, consultationInPerson: false, signature: [{ ...SIGNATURE, at: MONDAY_0930 }] });

    const declined = [ALL_GRANTED[0], { kind: 'health', version: 1, granted: false }, { kind: 'marketing', version: 1, granted: false }];
    const other = expectOk(
      await register(kiosk.socket, {
        client: { firstName: 'Ann', phone: '13900139000' },
        serviceId: 'nails-gel',
        consents: declined,
        signature: undefined,
        answers: { nail_infection: true },
      }),
    );
    const v = hub.hub.core.engine.state.visits[other.visitId]!;
    expect(v).toMatchObject({ answers: {}, consultationInPerson: true, blocked: false });
    expect(hub.hub.core.engine.state.clients[v.clientId]!.lastAnswers).toBeUndefined();

    // The kiosk reads the consent texts and questionnaires from its view.
    const view = (await connectKiosk(hub.url)).snapshot.view;
    expect(view.consents.health).toMatchObject({ version: 1, signatureRequired: true, required: false });
    expect(Object.keys(view.questionnaires).sort()).toEqual(['body', 'facial', 'hair_colour', 'nails']);
    // Terms not accepted: refused, nothing saved.
    const before = hub.hub.revision;
    const noTerms = await register(kiosk.socket, { client: { firstName: 'Bo', phone: '13700137000' }, consents: ALL_GRANTED.slice(1) });
    expect(noTerms).toMatchObject({ ok: false, error: { reason: 'consent_terms_required', message: en('reason.consent_terms_required') } });
    expect(hub.hub.revision).toBe(before);
  });

  it('a salon asking for signatures on both the terms and the health consent gets both on the visit', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const terms = boss.snapshot.view.salonSettings.settings!.consents.terms!;
    const { title, body, purpose, ifDeclined } = terms;
    const edit = { commandId: newCommandId(), kind: 'terms' as const, title, body, purpose, ifDeclined, signatureRequired: true };
    expect(expectOk(await send(boss.socket, 'settings:consent', edit))).toEqual({ kind: 'terms', version: 1, newVersion: false });
    const kiosk = await connectKiosk(hub.url, 'zh-CN');
    expect(kiosk.snapshot.view.consents.terms).toMatchObject({ version: 1, signatureRequired: true });

    const termsSig = { ...SIGNATURE, consent: 'terms' as const };
    // The health signature alone is not enough now: refused in the client's language, naming the terms, nothing saved.
    const before = hub.hub.revision;
    const one = await register(kiosk.socket, { language: 'zh-CN' });
    expect(one).toMatchObject({
      ok: false,
      error: { reason: 'signature_required', message: zh('reason.signature_required', { consent: zh('consent.kind.terms') }) },
    });
    expect(hub.hub.revision).toBe(before);
    const twice = await register(kiosk.socket, { signature: [SIGNATURE, SIGNATURE] });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(hub.hub.revision).toBe(before);

    const { visitId } = expectOk(await register(kiosk.socket, { signature: [termsSig, SIGNATURE] }));
    expect(hub.hub.core.engine.state.visits[visitId]!.signature).toEqual([
      { ...termsSig, at: MONDAY_0930 },
      { ...SIGNATURE, at: MONDAY_0930 },
    ]);
  });

  it('“nothing has changed” after the booking QR copies the client’s last answers on the hub', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const { visitId: first } = expectOk(await register(kiosk.socket));
    await clearFloor(hub);
    const me = { visitorToken: tokenFor(hub, hub.hub.core.engine.state.visits[first]!.clientId, MONDAY_0930) };
    const { visitId, firstName } = expectOk(
      await send(kiosk.socket, 'visit:checkIn', { visitorToken: me.visitorToken, serviceId: 'facial-hydrating', language: 'en', sameAsLast: true, consents: [] }),
    );
    expect(firstName).toBe('Lena');
    expect(hub.hub.core.engine.state.visits[visitId]!.answers).toEqual(FACIAL_OK);
    await clearFloor(hub);
    const none = await send(kiosk.socket, 'visit:checkIn', { visitorToken: me.visitorToken, serviceId: 'nails-gel', language: 'en', sameAsLast: true, consents: [] });
    expect(none).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'no_last_answers', message: en('reason.no_last_answers') } });
  });

  it('a blocking answer keeps the client from being assigned until a manager overrides it with a reason', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const mei = await connectStaff(hub, { staffId: 'mei', pin: '1111' });
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const { visitId } = expectOk(await register(kiosk.socket, { answers: { ...FACIAL_OK, sunburn: true } }));
    await settle();
    const visit = () => hub.hub.core.engine.state.visits[visitId]!;
    expect(visit()).toMatchObject({ state: 'queued', blocked: true, blockOverride: null, staffId: null });

    const placed = await send(desk.socket, 'visit:assign', { visitId, roomId: 'room-1', staffId: 'mei' });
    expect(placed).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'visit_blocked', message: en('reason.visit_blocked') } });
    for (const who of [desk, mei]) {
      const r = await send(who.socket, 'visit:overrideBlock', { visitId, reason: 'looks fine' });
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const noReason = await send(boss.socket, 'visit:overrideBlock', { visitId, reason: '   ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'reason', rule: 'required' }] } });
    expect(visit().state).toBe('queued');

    expectOk(await send(boss.socket, 'visit:overrideBlock', { visitId, reason: 'Sunburn has healed; checked the skin with the client' }));
    await settle();
    expect(visit().blockOverride).toEqual({ by: 'olivia', at: MONDAY_0930, reason: 'Sunburn has healed; checked the skin with the client' });
    expect(visit()).toMatchObject({ state: 'assigned', staffId: 'mei' });
    // The beautician sees the flag and the override in the consultation.
    const card = ((await (mei.socket as unknown as Socket).timeout(5000).emitWithAck('sync:resync')) as { view: { visits: Record<string, unknown> } }).view.visits[visitId];
    expect(card).toMatchObject({ blocked: true, blockOverride: { by: 'olivia' }, consultation: { flags: [{ effect: 'block', text: { en: 'Recent sunburn' } }] } });
    expectOk(await send(mei.socket, 'plan:confirm', { visitId }));
  });

  it('the kiosk never receives a client’s details, in snapshots or patches', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const watcher = await watchedKiosk(hub.url);
    const kiosk = await connectKiosk(hub.url);
    const { visitId: first } = expectOk(await register(kiosk.socket, { answers: { ...FACIAL_OK, notes: 'Sensitive around the eyes' } }));
    await clearFloor(hub);
    const me = { visitorToken: tokenFor(hub, hub.hub.core.engine.state.visits[first]!.clientId, MONDAY_0930) };
    expectOk(await send(kiosk.socket, 'visit:checkIn', { visitorToken: me.visitorToken, serviceId: 'body-massage', language: 'en', answers: { pregnant: false, pressure: 3, oil_allergy: false }, consents: [] }));
    await clearFloor(hub);
    expectOk(await returning(kiosk.socket, MEI.phone));
    await settle();
    const received = JSON.stringify(watcher.received);
    expect(watcher.received.length).toBeGreaterThan(2);
    for (const secret of ['Lena', 'Zhou', '13800138000', '1990-04-25', 'Sensitive around', me.visitorToken, 'clientId', '"answers"', 'strokes']) {
      expect(received).not.toContain(secret);
    }
  });

  it('gives clear messages for malformed phone, birthday, over-long text, and takes emoji and mixed scripts', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const phone = await returning(kiosk.socket, '12ab');
    expect(phone).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ field: 'returning.phone', rule: 'phone_format', message: en('rule.phone_format', { field: en('field.phone') }) }] },
    });
    const extra = await returning(kiosk.socket, '13800138000', { returning: { phone: '13800138000', name: 'x' } });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ rule: 'unrecognized_keys' }] } });
    // A phone-only check-in carries nothing that could stand for the client's record.
    const withAnswers = await returning(kiosk.socket, '13800138000', { answers: FACIAL_OK });
    expect(withAnswers).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ rule: 'returning_phone_only' }] } });

    const impossible = await register(kiosk.socket, { client: { ...MEI, birthday: '1990-02-30' } });
    expect(impossible).toMatchObject({
      ok: false,
      error: { issues: [{ field: 'client.birthday', rule: 'birthday_format', message: en('rule.birthday_format', { field: en('field.birthday') }) }] },
    });
    const future = await register(kiosk.socket, { language: 'zh-CN', client: { ...MEI, birthday: '2026-12-01' } });
    expect(future).toMatchObject({ ok: false, error: { reason: 'birthday_future', message: zh('reason.birthday_future') } });
    const long = await register(kiosk.socket, { client: { ...MEI, firstName: 'M'.repeat(61) } });
    expect(long).toMatchObject({ ok: false, error: { issues: [{ field: 'client.firstName', rule: 'too_long', message: en('rule.too_long', { field: en('field.firstName') }) }] } });
    const longAnswer = await register(kiosk.socket, { answers: { ...FACIAL_OK, notes: 'x'.repeat(501) } });
    expect(longAnswer).toMatchObject({
      ok: false,
      error: { reason: 'answers_invalid', issues: [{ field: 'answers.notes', rule: 'answer_too_long', message: en('rule.answer_too_long', { field: 'Anything else your beautician should know?' }) }] },
    });
    const both = await register(kiosk.socket, { visitorToken: 'x'.repeat(40) });
    expect(both).toMatchObject({ ok: false, error: { issues: [{ field: 'client', rule: 'identity_one' }] } });

    // Emoji and mixed scripts are names like any other.
    const mixed = expectOk(await register(kiosk.socket, { client: { firstName: 'Mei 🌸', lastName: '林 Lin', phone: '13600136000' } }));
    expect(hub.hub.core.engine.state.clients[hub.hub.core.engine.state.visits[mixed.visitId]!.clientId]).toMatchObject({ firstName: 'Mei 🌸', lastName: '林 Lin' });
  });

  it('a retried check-in (same commandId) makes one visit, on every new path, even after the token expired', async () => {
    const { hub, clock } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const cmd = newCommandId();
    const first = await register(kiosk.socket, {}, cmd);
    expect(await register(kiosk.socket, {}, cmd)).toEqual(first);
    await clearFloor(hub);
    const me = { visitorToken: tokenFor(hub, hub.hub.core.engine.state.visits[expectOk(first).visitId]!.clientId, MONDAY_0930) };
    const returning = { commandId: newCommandId(), visitorToken: me.visitorToken, serviceId: 'facial-classic', language: 'en' as const, sameAsLast: true, consents: [] };
    const a = await send(kiosk.socket, 'visit:checkIn', returning);
    clock.now += 31 * MIN;
    const b = await send(kiosk.socket, 'visit:checkIn', returning);
    expect(b).toEqual(a);
    expect(Object.keys(hub.hub.core.engine.state.visits)).toHaveLength(2);
    expect(Object.keys(hub.hub.core.engine.state.clients)).toHaveLength(1);
    // A new command with the expired token is refused.
    const late = await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({ ...returning, commandId: newCommandId() }));
    expect(late).toMatchObject({ ok: false, error: { code: 'unauthorized', reason: 'visitor_token_invalid', message: en('reason.visitor_token_invalid') } });
  });

  it('a booked client who proved who they are (the QR’s visitor token) checks in for today’s booking', async () => {
    const { hub, clock } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const { visitId: first } = expectOk(await register(kiosk.socket));
    await clearFloor(hub);
    const clientId = hub.hub.core.engine.state.visits[first]!.clientId;
    const startsAt = MONDAY_0930 + 3 * 60 * MIN;
    const booking = {
      id: 'bk-today',
      clientId,
      serviceId: 'facial-hydrating',
      staffId: 'anna',
      anyStaff: false,
      roomId: null,
      startsAt,
      endsAt: startsAt + 45 * MIN,
      state: 'booked' as const,
      holdExpiresAt: null,
      source: 'phone' as const,
      visitId: null,
      createdAt: MONDAY_0930 - 86_400_000,
      cancelledAt: null,
      reminder: { dueAt: 0, doneAt: null, doneBy: null },
    };
    // The booking as the booking pages would have stored it (through the one command path).
    expectOk(await hub.hub.core.engine.execute({ command: 'test:book', commandId: null, language: 'en' }, () => ({ changes: { bookings: { [booking.id]: booking } }, result: {} })));

    clock.now = startsAt - 10 * MIN;
    const me = { visitorToken: tokenFor(hub, clientId, clock.now) };
    const cmd = { commandId: newCommandId(), visitorToken: me.visitorToken, bookingId: 'bk-today', serviceId: 'facial-hydrating', language: 'en' as const, sameAsLast: true, consents: [] };
    const { visitId } = expectOk(await send(kiosk.socket, 'visit:checkIn', cmd));
    expect(await send(kiosk.socket, 'visit:checkIn', cmd)).toMatchObject({ ok: true, data: { visitId } });
    const state = hub.hub.core.engine.state;
    expect(state.visits[visitId]).toMatchObject({ kind: 'booked', dueAt: startsAt, preferredStaffId: 'anna', answers: FACIAL_OK });
    expect(state.bookings['bk-today']).toMatchObject({ state: 'checked_in', visitId });
    // The client is on the floor: one person, one ticket (said before anything about the booking).
    const twice = await send(kiosk.socket, 'visit:checkIn', { ...cmd, commandId: newCommandId() });
    expect(twice).toMatchObject({ ok: false, error: { reason: 'already_checked_in' } });
    // Once that visit ends, the booking itself is used up.
    await clearFloor(hub);
    const after = await send(kiosk.socket, 'visit:checkIn', { ...cmd, commandId: newCommandId() });
    expect(after).toMatchObject({ ok: false, error: { reason: 'booking_not_checkinable', message: en('reason.booking_not_checkinable') } });
  });

  it('the manager replaces a questionnaire with a checked new version; the kiosk gets it at once', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const watcher = await watchedKiosk(hub.url);
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const nails = structuredClone(watcher.snapshot.view.questionnaires.nails!);
    nails.questions.push({
      id: 'last_gel',
      kind: 'date',
      label: { en: 'When were your nails last done?', 'zh-CN': '上次做指甲是什么时候？' },
      required: false,
      options: [],
      rules: [{ when: { withinDays: 6 }, effect: 'warn', flag: { en: 'Nails done less than a week ago', 'zh-CN': '一周内做过指甲' } }],
    });
    expect(await send(desk.socket, 'questionnaire:replace', { questionnaire: nails })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const broken = structuredClone(nails);
    broken.questions.push({ ...broken.questions[0]!, rules: [{ when: 'yes', effect: 'block', flag: { en: 'x', 'zh-CN': 'x' } }] });
    const refused = await send(boss.socket, 'questionnaire:replace', { questionnaire: broken });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ field: 'questionnaire.questions.nail_infection', rule: 'questionnaire_duplicate_id' }, { rule: 'questionnaire_rule' }] },
    });
    expect(refused.ok ? '' : refused.error.issues![0]!.message).toBe(en('rule.questionnaire_duplicate_id', { field: 'nail_infection' }));

    expect(expectOk(await send(boss.socket, 'questionnaire:replace', { questionnaire: nails }))).toEqual({ questionnaireId: 'q-nails-v2', version: 2 });
    await settle();
    const patched = watcher.received.filter((r): r is KioskPatch => 'set' in (r as object) && !!(r as KioskPatch).set.questionnaires);
    expect(patched.at(-1)!.set.questionnaires!.nails).toMatchObject({ id: 'q-nails-v2', version: 2 });
    expect(patched.at(-1)!.set.questionnaires!.nails!.questions.at(-1)!.id).toBe('last_gel');
    // The old version stays for the visits answered on it.
    expect(Object.keys(hub.hub.core.engine.state.questionnaires)).toEqual(expect.arrayContaining(['q-nails', 'q-nails-v2']));
  });
});
