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
/** A masked name as the kiosk shows it. */
const MASKED = /^(\S+\*\* \S.*|\p{Script=Han}?\*\*\S+)$/u;

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
    signature: SIGNATURE,
    ...over,
  } as never);

/** Look up a number and pick the name that is `name` (or, if absent, a wrong one): the kiosk's two steps. */
async function identify(kiosk: KioskSocket, phone: string, name: string) {
  const lookup = expectOk(await send(kiosk, 'client:lookup', { phone }));
  const index = lookup.choices.indexOf(name);
  return { lookup, index, confirm: (choice: 0 | 1 | 2 | null) => send(kiosk, 'client:confirm', { lookupId: lookup.lookupId, choice }) };
}

describe('kiosk identity over real sockets', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it('answers a known and an unknown number alike, and the same number the same way every time', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    expectOk(await register(kiosk.socket));
    const known1 = expectOk(await send(kiosk.socket, 'client:lookup', { phone: '138 0013 8000' }));
    const known2 = expectOk(await send(kiosk.socket, 'client:lookup', { phone: '13800138000' }));
    const unknown1 = expectOk(await send(kiosk.socket, 'client:lookup', { phone: '13900139000' }));
    const unknown2 = expectOk(await send(kiosk.socket, 'client:lookup', { phone: '13900139000' }));
    for (const r of [known1, known2, unknown1, unknown2]) {
      expect(Object.keys(r).sort()).toEqual(['choices', 'expiresAt', 'lookupId']);
      expect(r.choices).toHaveLength(3);
      expect(new Set(r.choices).size).toBe(3);
      for (const c of r.choices) expect(c).toMatch(MASKED);
      expect(r.expiresAt).toBe(MONDAY_0930 + 5 * MIN);
    }
    expect(known1.choices).toContain('Z** Lena');
    expect(known2.choices).toEqual(known1.choices);
    expect(unknown2.choices).toEqual(unknown1.choices);
    expect(unknown1.choices).not.toContain('Z** Lena');
    expect(new Set([known1.lookupId, known2.lookupId, unknown1.lookupId, unknown2.lookupId]).size).toBe(4);
  });

  it('limits look-ups per kiosk with a clear message in the kiosk’s language, until the minute has passed', async () => {
    const { hub, clock } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url, 'zh-CN');
    for (let i = 0; i < 6; i++) expectOk(await send(kiosk.socket, 'client:lookup', { phone: `1390013900${i}` }));
    const refused = await send(kiosk.socket, 'client:lookup', { phone: '13900139009' });
    expect(refused).toEqual({ ok: false, error: { code: 'rate_limited', reason: 'lookup_rate_limited', message: zh('reason.lookup_rate_limited') } });
    // A new socket from the same kiosk does not reset the count.
    const other = await connectKiosk(hub.url);
    const again = await send(other.socket, 'client:lookup', { phone: '13900139009' });
    expect(again.ok ? null : again.error.message).toBe(en('reason.lookup_rate_limited'));
    clock.now += MIN + 1;
    expectOk(await send(kiosk.socket, 'client:lookup', { phone: '13900139009' }));
  });

  it('a wrong pick answers “not known” and burns the look-up; the right pick returns only the client’s own summary', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    expectOk(await register(kiosk.socket));
    const first = await identify(kiosk.socket, MEI.phone, 'Z** Lena');
    expect(expectOk(await first.confirm(((first.index + 1) % 3) as 0 | 1 | 2))).toEqual({ known: false });
    const burnt = await first.confirm(first.index as 0 | 1 | 2);
    expect(burnt).toMatchObject({ ok: false, error: { code: 'not_found', reason: 'lookup_expired', message: en('reason.lookup_expired') } });
    // "None of these" on an unknown number: not known either.
    const stranger = await identify(kiosk.socket, '13900139000', 'Z** Lena');
    expect(expectOk(await stranger.confirm(null))).toEqual({ known: false });

    const second = await identify(kiosk.socket, MEI.phone, 'Z** Lena');
    const me = expectOk(await second.confirm(second.index as 0 | 1 | 2));
    if (!me.known) throw new Error('not known');
    expect(Object.keys(me).sort()).toEqual(['booking', 'consents', 'firstName', 'known', 'language', 'lastAnswers', 'visitorToken']);
    expect(me).toMatchObject({ firstName: 'Lena', language: 'en', consents: { terms: 1, health: 1, marketing: 1 }, booking: null });
    expect(me.lastAnswers.facial).toMatchObject({ questionnaireId: 'q-facial', version: 1, answers: FACIAL_OK });
    expect(JSON.stringify(me)).not.toMatch(/Lin|13800138000|1990/);
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

  it('“nothing has changed” copies the returning client’s last answers on the hub', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    expectOk(await register(kiosk.socket));
    const id = await identify(kiosk.socket, MEI.phone, 'Z** Lena');
    const me = expectOk(await id.confirm(id.index as 0 | 1 | 2));
    if (!me.known) throw new Error('not known');
    const { visitId, firstName } = expectOk(
      await send(kiosk.socket, 'visit:checkIn', { visitorToken: me.visitorToken, serviceId: 'facial-hydrating', language: 'en', sameAsLast: true, consents: [] }),
    );
    expect(firstName).toBe('Lena');
    expect(hub.hub.core.engine.state.visits[visitId]!.answers).toEqual(FACIAL_OK);
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
    expectOk(await register(kiosk.socket, { answers: { ...FACIAL_OK, notes: 'Sensitive around the eyes' } }));
    const id = await identify(kiosk.socket, MEI.phone, 'Z** Lena');
    const me = expectOk(await id.confirm(id.index as 0 | 1 | 2));
    if (!me.known) throw new Error('not known');
    expectOk(await send(kiosk.socket, 'visit:checkIn', { visitorToken: me.visitorToken, serviceId: 'body-massage', language: 'en', answers: { pregnant: false, pressure: 3, oil_allergy: false }, consents: [] }));
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
    const phone = await send(kiosk.socket, 'client:lookup', { phone: '12ab' });
    expect(phone).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'phone', rule: 'phone_format', message: en('rule.phone_format', { field: en('field.phone') }) }] } });
    const extra = await send(kiosk.socket, 'client:lookup', { phone: '13800138000', name: 'x' } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ rule: 'unrecognized_keys' }] } });
    const badChoice = await send(kiosk.socket, 'client:confirm', { lookupId: 'abc', choice: 3 } as never);
    expect(badChoice).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

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

    // Emoji and mixed scripts are names like any other, masked whole.
    expectOk(await register(kiosk.socket, { client: { firstName: 'Mei 🌸', lastName: '林 Lin', phone: '13600136000' } }));
    expect(expectOk(await send(kiosk.socket, 'client:lookup', { phone: '13600136000' })).choices).toContain('林**Mei 🌸');
  });

  it('a retried check-in (same commandId) makes one visit, on every new path, even after the token expired', async () => {
    const { hub, clock } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const cmd = newCommandId();
    const first = await register(kiosk.socket, {}, cmd);
    expect(await register(kiosk.socket, {}, cmd)).toEqual(first);
    const id = await identify(kiosk.socket, MEI.phone, 'Z** Lena');
    const me = expectOk(await id.confirm(id.index as 0 | 1 | 2));
    if (!me.known) throw new Error('not known');
    const returning = { commandId: newCommandId(), visitorToken: me.visitorToken, serviceId: 'facial-classic', language: 'en' as const, sameAsLast: true, consents: [] };
    const a = await send(kiosk.socket, 'visit:checkIn', returning);
    clock.now += 31 * MIN;
    const b = await send(kiosk.socket, 'visit:checkIn', returning);
    expect(b).toEqual(a);
    expect(Object.keys(hub.hub.core.engine.state.visits)).toHaveLength(2);
    expect(Object.keys(hub.hub.core.engine.state.clients)).toHaveLength(1);
    // A new command with the expired token is refused.
    const late = await send(kiosk.socket, 'visit:checkIn', { ...returning, commandId: newCommandId() });
    expect(late).toMatchObject({ ok: false, error: { code: 'unauthorized', reason: 'visitor_token_invalid', message: en('reason.visitor_token_invalid') } });
  });

  it('a booked client is found after confirming their name, and checks in for today’s booking', async () => {
    const { hub, clock } = await hubAt(MONDAY_0930);
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const { visitId: first } = expectOk(await register(kiosk.socket));
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
    const id = await identify(kiosk.socket, MEI.phone, 'Z** Lena');
    const me = expectOk(await id.confirm(id.index as 0 | 1 | 2));
    if (!me.known) throw new Error('not known');
    expect(me.booking).toEqual({ bookingId: 'bk-today', serviceId: 'facial-hydrating', staffId: 'anna', startsAt, arrival: 'on_time', checkInFrom: startsAt - 30 * MIN });
    const cmd = { commandId: newCommandId(), visitorToken: me.visitorToken, bookingId: 'bk-today', serviceId: 'facial-hydrating', language: 'en' as const, sameAsLast: true, consents: [] };
    const { visitId } = expectOk(await send(kiosk.socket, 'visit:checkIn', cmd));
    expect(await send(kiosk.socket, 'visit:checkIn', cmd)).toMatchObject({ ok: true, data: { visitId } });
    const state = hub.hub.core.engine.state;
    expect(state.visits[visitId]).toMatchObject({ kind: 'booked', dueAt: startsAt, preferredStaffId: 'anna', answers: FACIAL_OK });
    expect(state.bookings['bk-today']).toMatchObject({ state: 'checked_in', visitId });
    const twice = await send(kiosk.socket, 'visit:checkIn', { ...cmd, commandId: newCommandId() });
    expect(twice).toMatchObject({ ok: false, error: { reason: 'booking_not_checkinable', message: en('reason.booking_not_checkinable') } });
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
