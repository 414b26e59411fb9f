import { afterEach, describe, expect, it } from 'vitest';
import { createTranslator } from '@glow/shared';
import { connectKiosk, connectStaff, expectOk, newCommandId, send, startHub, type KioskSocket, type TestHub } from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

/**
 * One number, one client (#14): the hub keeps every phone number in one canonical form, read with the salon's country
 * (CN for the demo), so the ways people type the same number at the kiosk and at the desk find the same client; a
 * number that cannot exist is refused in the sender's language, before anything is decided.
 */
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
/** 13 national digits after +86: 15 digits, the shape of a number, but no Chinese number is that long. */
const IMPOSSIBLE = '+86 138 0013 8000 99';

const register = (kiosk: KioskSocket, phone: string, language: 'en' | 'zh-CN' = 'en') =>
  send(kiosk, 'visit:checkIn', {
    commandId: newCommandId(),
    client: { firstName: 'Lena', lastName: 'Zhou', phone },
    serviceId: 'facial-classic',
    language,
    answers: FACIAL_OK,
    consents: ALL_GRANTED,
    signature: [SIGNATURE],
  } as never);
const returning = (kiosk: KioskSocket, phone: string) =>
  send(kiosk, 'visit:checkIn', kioskCheckIn({ returning: { phone }, serviceId: 'facial-classic', language: 'en', sameAsLast: true }) as never);

describe('phone numbers in one form', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  async function deskAndKiosk() {
    const clock = { now: MONDAY_0930 };
    h = await startHub({ clock: () => clock.now, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const desk = await connectStaff(h, { staffId: 'grace', pin: '4444' });
    const kiosk = await connectKiosk(h.url);
    return { hub: h, desk, kiosk };
  }
  const cancelAll = async (hub: TestHub, desk: Awaited<ReturnType<typeof deskAndKiosk>>['desk']) => {
    for (const v of hub.hub.core.active.list(hub.hub.core.engine.state)) expectOk(await send(desk.socket, 'visit:cancel', { visitId: v.id }));
  };

  it('"+86 138 0013 8000", "13800138000" and "138-0013-8000" are the same client at the kiosk and at the desk', async () => {
    const { hub, desk, kiosk } = await deskAndKiosk();
    const state = () => hub.hub.core.engine.state;
    const { visitId } = expectOk(await register(kiosk.socket, '+86 138 0013 8000'));
    const clientId = state().visits[visitId]!.clientId;
    expect(state().clients[clientId]!.phone).toBe('+8613800138000');
    await cancelAll(hub, desk);

    // "I have been here before" without the country code: the number is on file (the known client's review).
    const back = expectOk(await returning(kiosk.socket, '13800138000'));
    expect(state().visits[back.visitId]).toMatchObject({ clientId, identityCheck: 'returning_unproven' });
    await cancelAll(hub, desk);

    // A registration at the kiosk with the number typed another way is the same number: kept apart as a duplicate.
    const again = expectOk(await register(kiosk.socket, '138 0013 8000'));
    expect(state().visits[again.visitId]!.identityCheck).toBe('duplicate_number');
    expect(state().clients[state().visits[again.visitId]!.clientId]!.duplicateOf).toBe(clientId);
    await cancelAll(hub, desk);

    // The desk, face to face, with dashes: that client.
    const byHand = expectOk(
      await send(desk.socket, 'visit:checkInByHand', { client: { firstName: 'Lena', phone: '138-0013-8000' }, serviceId: 'nails-gel', language: 'en' }),
    );
    expect(state().visits[byHand.visitId]!.clientId).toBe(clientId);
    expect(new Set(Object.values(state().clients).map((c) => c.phone))).toEqual(new Set(['+8613800138000']));
  });

  it('refuses a number that cannot exist, naming the field, in the sender’s language; nothing is saved', async () => {
    const { hub, desk, kiosk } = await deskAndKiosk();
    const zhKiosk = await connectKiosk(hub.url, 'zh-CN');
    const before = hub.hub.revision;
    for (const [refused, t] of [
      [await register(kiosk.socket, IMPOSSIBLE), en],
      [await register(zhKiosk.socket, IMPOSSIBLE, 'zh-CN'), zh],
      [await returning(kiosk.socket, '+999 1234 5678'), en],
      [await send(desk.socket, 'visit:checkInByHand', { client: { firstName: 'Lena', phone: IMPOSSIBLE }, serviceId: 'nails-gel', language: 'en' }), en],
    ] as const) {
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', reason: 'phone_impossible', message: t('reason.phone_impossible'), issues: [{ rule: 'phone_impossible', message: t('rule.phone_impossible') }] },
      });
    }
    expect(en('reason.phone_impossible')).not.toBe(zh('reason.phone_impossible'));
    expect(hub.hub.revision).toBe(before);
    expect(Object.values(hub.hub.core.engine.state.clients).some((c) => c.phone.includes('8000'))).toBe(false);
  });
});
