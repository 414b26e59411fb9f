import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACIAL_ANSWERS } from '../support/aftercare-visit.ts';
import { connectKiosk, connectStaff, expectOk, newCommandId, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

/**
 * A note written by mistake can be removed (#11): a journaled command, by the visit's beautician only; a retry of the
 * same command changes nothing more.
 */
describe('removing a session note', () => {
  let t: TestHub;
  let mei: StaffSocket;
  let desk: StaffSocket;
  let visitId: string;
  const notes = () => t.hub.core.engine.state.visits[visitId]!.notes;

  beforeAll(async () => {
    t = await startHub();
    desk = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
    const kiosk = await connectKiosk(t.url);
    const ticket = expectOk(
      await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({
        client: { firstName: 'Nora', lastName: 'Quinn', phone: '+44 7700 900123' },
        serviceId: 'facial-classic',
        language: 'en',
        answers: { ...FACIAL_ANSWERS, concerns: [...FACIAL_ANSWERS.concerns] },
      })),
    );
    kiosk.socket.disconnect();
    visitId = ticket.visitId;
    if (t.hub.core.engine.state.visits[visitId]!.state === 'queued') {
      expectOk(await send(desk, 'visit:assign', { visitId, roomId: 'room-1', staffId: 'mei' }));
    }
    const plan = expectOk(await send(mei, 'plan:update', { visitId, plan: { serviceIds: ['facial-classic'], products: [], durationMin: 60 } }));
    expectOk(await send(mei, 'plan:confirm', { visitId, planVersion: plan.version }));
    expectOk(await send(mei, 'visit:start', { visitId }));
  }, 30_000);
  afterAll(() => t.stop());

  it('takes the note away for its beautician, once, and not for anyone else', async () => {
    expectOk(await send(mei, 'session:note', { visitId, kind: 'pressure', text: 'Firmer pressure' }));
    expectOk(await send(mei, 'session:note', { visitId, kind: 'skin', text: 'Dry cheeks' }));
    const wrong = notes().find((n) => n.text === 'Firmer pressure')!;

    const byDesk = await send(desk, 'session:removeNote', { visitId, at: wrong.at, text: wrong.text });
    expect(byDesk).toMatchObject({ ok: false, error: { reason: 'not_your_note' } });

    const commandId = newCommandId();
    expectOk(await send(mei, 'session:removeNote', { commandId, visitId, at: wrong.at, text: wrong.text }));
    expect(notes().map((n) => n.text)).toEqual(['Dry cheeks']);
    // The same tap sent again (a retry) answers alike and removes nothing more.
    expectOk(await send(mei, 'session:removeNote', { commandId, visitId, at: wrong.at, text: wrong.text }));
    expect(notes().map((n) => n.text)).toEqual(['Dry cheeks']);
    // A note already gone is said so.
    const gone = await send(mei, 'session:removeNote', { visitId, at: wrong.at, text: wrong.text });
    expect(gone).toMatchObject({ ok: false, error: { reason: 'unknown_note' } });
  });
});
