import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { createTranslator, type StaffSnapshot } from '@glow/shared';
import { connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';

/**
 * #11 safety: a client checked in at the desk is never asked the consultation there, so the tablet runs it in the room
 * with the kiosk's rules before the plan can be confirmed; never "no contraindications" by default.
 */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);
const en = createTranslator('en');
const settle = () => new Promise((r) => setTimeout(r, 100));
const resync = (socket: StaffSocket): Promise<StaffSnapshot> => (socket as unknown as Socket).timeout(5000).emitWithAck('sync:resync');
const OK = { pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false };

describe('the consultation run in the room', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  async function deskVisit() {
    const t = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    h = t;
    const desk = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    const boss = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const ack = await send(desk.socket, 'visit:checkInByHand', { client: { firstName: 'Ada', phone: '5550001' }, serviceId: 'facial-classic', language: 'en' } as never);
    const { visitId } = expectOk(ack);
    await settle();
    expect(t.hub.core.engine.state.visits[visitId]).toMatchObject({ state: 'assigned', staffId: 'mei', consultationInPerson: true, answers: {} });
    return { t, desk, mei, boss, visitId };
  }

  it('a desk check-in is pending, never "no contraindications"; the plan waits for the consultation', async () => {
    const { t, desk, mei, visitId } = await deskVisit();
    expect((await resync(mei.socket)).view.visits[visitId]!.consultation).toEqual({ status: 'pending', flags: [], answers: [] });
    expect((await resync(mei.socket)).view.questionnaires.facial?.id).toBe('q-facial');
    const early = await send(mei.socket, 'plan:confirm', { visitId });
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'consultation_pending', message: en('reason.consultation_pending') } });

    // The desk may not record health answers; the answers go through the kiosk's rules, naming the question.
    expect(await send(desk.socket, 'consultation:record', { visitId, answers: OK })).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'health_data_not_yours' } });
    const missing = await send(mei.socket, 'consultation:record', { visitId, answers: { pregnant: false } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', reason: 'answers_invalid' } });
    if (!missing.ok) expect(missing.error.issues?.map((i) => i.field)).toEqual(expect.arrayContaining(['answers.isotretinoin', 'answers.sunburn']));

    expect(expectOk(await send(mei.socket, 'consultation:record', { visitId, answers: { ...OK, skin_allergy: true, allergens: ['fragrance'] } }))).toEqual({ visitId, blocked: false });
    await settle();
    const card = (await resync(mei.socket)).view.visits[visitId]!;
    expect(card.consultation.status).toBe('done');
    expect(card.consultation.flags.map((f) => f.text.en)).toEqual(['Fragrance allergy: fragrance-free products only']);
    expect(card.inRoomConsultation).toEqual({ by: 'mei', at: MONDAY_0930 });
    expect(await send(mei.socket, 'consultation:record', { visitId, answers: OK })).toMatchObject({ ok: false, error: { reason: 'consultation_already_done' } });
    expectOk(await send(mei.socket, 'plan:confirm', { visitId }));
    expect(t.hub.core.engine.state.visits[visitId]!.state).toBe('plan_confirmed');
  });

  it('a blocking answer in the room blocks the plan until the manager overrides it, as at the kiosk', async () => {
    const { mei, boss, visitId } = await deskVisit();
    expect(expectOk(await send(mei.socket, 'consultation:record', { visitId, answers: { ...OK, sunburn: true } }))).toEqual({ visitId, blocked: true });
    expect(await send(mei.socket, 'plan:confirm', { visitId })).toMatchObject({ ok: false, error: { reason: 'contraindication_blocked' } });
    expectOk(await send(boss.socket, 'visit:overrideBlock', { visitId, reason: 'Checked the skin: the sunburn has healed' }));
    expectOk(await send(mei.socket, 'plan:confirm', { visitId }));
  });

  it('another beautician cannot record a consultation for a client who is not theirs', async () => {
    const { t, visitId } = await deskVisit();
    const anna = await connectStaff(t, { staffId: 'anna', pin: '2222' });
    expect(await send(anna.socket, 'consultation:record', { visitId, answers: OK })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
