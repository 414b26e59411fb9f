import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { createTranslator, type KioskPatch, type StaffPatch } from '@glow/shared';
import { closedFacial } from '../support/aftercare-visit.ts';
import { connectKiosk, connectStaff, expectOk, newCommandId, send, startHub, type TestHub } from '../support/hub-harness.ts';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');
/** Monday 23 November 2026, 09:30 in the salon (UTC here): everyone is on shift. */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);
const settle = () => new Promise((r) => setTimeout(r, 150));
const both = (s: string) => ({ en: s, 'zh-CN': `${s}（中文）` });

/** Everything a socket is sent after it connects. */
function record<P>(socket: unknown): P[] {
  const got: P[] = [];
  (socket as Socket).on('sync:patch', (p: P) => got.push(p));
  return got;
}

const aftercareEdit = {
  serviceId: 'facial-classic',
  aftercare: { en: 'Settings test: no make-up for 12 hours.', 'zh-CN': '设置测试：12 小时内请勿化妆。' },
  aftercareGuide: {
    normal: both('A little pink for an hour'),
    notNormal: both('Hives or swelling'),
    whenToCall: both('Call us if it stings after a day'),
    nextTreatmentWeeks: 5,
  },
};
const bookingEdit = () => ({
  openingHours: [null, { start: '08:30', end: '18:00' }, null, { start: '10:00', end: '20:00' }, { start: '10:00', end: '20:00' }, { start: '10:00', end: '20:00' }, { start: '09:00', end: '13:00' }],
  holdMinutes: 7,
  changeCutoffHours: 48,
  horizonDays: 90,
});
const contactEdit = { phone: '+44 20 7946 7777', address: both('12 Rose Lane') };

describe('salon settings over real sockets', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it('the manager’s edits reach the kiosk view, the manager’s view and the aftercare page at once; a retry acts once', async () => {
    const hub = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    h = hub;
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const { path } = await closedFacial(hub, desk.socket);
    const kiosk = await connectKiosk(hub.url);
    const kioskPatches = record<KioskPatch>(kiosk.socket);
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const bossPatches = record<StaffPatch>(boss.socket);
    expect(boss.snapshot.view.salonSettings.settings?.consents.health?.version).toBe(1);
    expect(desk.snapshot.view.salonSettings).toEqual({});

    // Aftercare text of a service: the phone page reads it on the next request.
    const before = await (await fetch(hub.url + path)).text();
    expect(before).not.toContain('no make-up for 12 hours');
    expectOk(await send(boss.socket, 'settings:serviceAftercare', aftercareEdit));
    const page = await (await fetch(hub.url + path)).text();
    expect(page).toContain('Settings test: no make-up for 12 hours.');
    expect(page).toContain('Hives or swelling');
    expect(await (await fetch(`${hub.url}${path}?lang=zh-CN`)).text()).toContain('设置测试：12 小时内请勿化妆。');

    // The salon's contact, printed on the same page.
    expect(expectOk(await send(boss.socket, 'settings:contact', contactEdit))).toEqual(contactEdit);
    expect(await (await fetch(hub.url + path)).text()).toContain('+44 20 7946 7777');

    // A changed consent text becomes version 2; the same command retried answers the same and changes nothing more.
    const health = hub.hub.core.engine.state.meta.consents!.health!;
    const commandId = newCommandId();
    const edit = { commandId, kind: 'health' as const, title: health.title, body: both('We use your answers only to treat you safely.'), purpose: health.purpose, ifDeclined: health.ifDeclined, signatureRequired: false };
    expect(expectOk(await send(boss.socket, 'settings:consent', edit))).toEqual({ kind: 'health', version: 2, newVersion: true });
    const revision = hub.hub.core.engine.revision;
    expect(expectOk(await send(boss.socket, 'settings:consent', edit))).toEqual({ kind: 'health', version: 2, newVersion: true });
    expect(hub.hub.core.engine.revision).toBe(revision);
    expect(hub.hub.core.engine.state.meta.consents!.health).toMatchObject({ version: 2, signatureRequired: false });

    // Booking settings. The opening hours are one setting (#11): the aftercare sheet prints the hours the phone can
    // book, in the client's language, from the moment they change.
    expect(await (await fetch(hub.url + path)).text()).toContain('Every day 09:00–20:00');
    expectOk(await send(boss.socket, 'settings:booking', bookingEdit()));
    expect(hub.hub.core.engine.state.meta.booking).toMatchObject(bookingEdit());
    const sheet = await (await fetch(hub.url + path)).text();
    expect(sheet).toContain('Mon 08:30–18:00 · Tue closed · Wed–Fri 10:00–20:00 · Sat 09:00–13:00 · Sun closed');
    expect(sheet).not.toContain('Every day');
    expect(await (await fetch(`${hub.url}${path}?lang=zh-CN`)).text()).toContain('周一 08:30–18:00 · 周二休息 · 周三–周五 10:00–20:00 · 周六 09:00–13:00 · 周日休息');

    await settle();
    const kioskConsents = kioskPatches.filter((p) => p.set.consents).at(-1)!.set.consents!;
    expect(kioskConsents.health).toMatchObject({ version: 2, body: both('We use your answers only to treat you safely.'), signatureRequired: false });
    expect(kioskPatches.filter((p) => p.set.services).at(-1)!.set.services!['facial-classic']!.aftercare).toEqual(aftercareEdit.aftercare);
    const settings = bossPatches.filter((p) => p.set.salonSettings).at(-1)!.set.salonSettings!.settings!;
    expect(settings.booking).toMatchObject(bookingEdit());
    expect(settings.consents.health?.version).toBe(2);
    expect(bossPatches.filter((p) => p.set.aftercare).at(-1)!.set.aftercare!.settings!.contact).toEqual(contactEdit);

    // A consent given from now on records the new version; the old one is refused as out of date.
    const client = { firstName: 'Ada', lastName: 'Wong', phone: '07700 900123' };
    const consents = (v: number) => [
      { kind: 'terms' as const, version: 1, granted: true },
      { kind: 'health' as const, version: v, granted: true },
      { kind: 'marketing' as const, version: 1, granted: false },
    ];
    const signature = { consent: 'terms' as const, width: 400, height: 150, strokes: [[10, 10, 60, 40, 110, 30, 160, 70, 210, 20]] };
    const answers = { pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false, concerns: ['dryness'] };
    const old = await send(kiosk.socket, 'visit:checkIn', { client, serviceId: 'facial-classic', language: 'en', answers, consents: consents(1), signature: [signature] });
    expect(old).toMatchObject({ ok: false, error: { reason: 'consent_outdated' } });
    const { visitId } = expectOk(await send(kiosk.socket, 'visit:checkIn', { client, serviceId: 'facial-classic', language: 'en', answers, consents: consents(2), signature: [signature] }));
    const clientId = hub.hub.core.engine.state.visits[visitId]!.clientId;
    expect(hub.hub.core.engine.state.clients[clientId]!.consents).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'health', version: 2, granted: true })]));
  });

  it('refuses the front desk and a beautician, and bad input is answered field by field with nothing changed', async () => {
    const hub = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    h = hub;
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const mei = await connectStaff(hub, { staffId: 'mei', pin: '1111' });
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const state = () => JSON.stringify({ ...hub.hub.core.engine.state, commands: {} });
    const before = state();
    const revision = hub.hub.core.engine.revision;
    const health = hub.hub.core.engine.state.meta.consents!.health!;
    const consentEdit = { kind: 'health' as const, title: both('x'), body: both('y'), purpose: both('z'), ifDeclined: both('w'), signatureRequired: true };

    for (const who of [desk, mei]) {
      for (const ack of [
        await send(who.socket, 'settings:serviceAftercare', aftercareEdit),
        await send(who.socket, 'settings:booking', bookingEdit()),
        await send(who.socket, 'settings:consent', consentEdit),
        await send(who.socket, 'settings:contact', contactEdit),
      ]) {
        expect(ack).toEqual({ ok: false, error: { code: 'forbidden', message: en('error.forbidden') } });
      }
    }

    const badHours = bookingEdit();
    badHours.openingHours[1] = { start: '18:00', end: '08:30' };
    const refused = await send(boss.socket, 'settings:booking', { ...badHours, holdMinutes: 0, language: 'zh-CN' } as never);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: expect.arrayContaining([
          { field: 'openingHours.1.end', rule: 'hours_order', message: zh('rule.hours_order') },
          { field: 'holdMinutes', rule: 'hold_range', message: zh('rule.hold_range') },
        ]),
      },
    });
    const blank = await send(boss.socket, 'settings:serviceAftercare', { ...aftercareEdit, aftercare: { en: 'fine', 'zh-CN': ' ' } });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ field: 'aftercare.zh-CN', rule: 'required', message: 'Chinese is required.' }] } });
    const marketingSigned = await send(boss.socket, 'settings:consent', { ...consentEdit, kind: 'marketing' });
    expect(marketingSigned).toMatchObject({ ok: false, error: { issues: [{ field: 'signatureRequired', rule: 'signature_not_signable' }] } });
    const unknown = await send(boss.socket, 'settings:serviceAftercare', { ...aftercareEdit, serviceId: 'no-such-service' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', message: en('reason.unknown_service') } });
    const phone = await send(boss.socket, 'settings:contact', { ...contactEdit, phone: 'ring us' });
    expect(phone).toMatchObject({ ok: false, error: { issues: [{ field: 'phone', rule: 'contact_phone' }] } });

    expect(state()).toBe(before);
    expect(hub.hub.core.engine.revision).toBe(revision);
    expect(hub.hub.core.engine.state.meta.consents!.health).toEqual(health);
  });
});
