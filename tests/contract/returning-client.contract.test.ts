import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINA, closedFacial } from '../support/aftercare-visit.ts';
import { connectStaff, expectOk, send, startHub, type TestHub } from '../support/hub-harness.ts';

/**
 * The beautician's alert said "New client" for every client (#11). A client with an earlier closed visit is a
 * returning client: the visit says so from check-in, and the tablet's badge follows it.
 */
describe('a returning client', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub();
  });
  afterAll(() => t.stop());

  it('is told apart from a new one on the visit the tablets receive', async () => {
    const desk = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const first = await closedFacial(t, desk.socket);
    expect(t.hub.core.engine.state.visits[first.visitId]?.returningClient).toBe(false);

    const again = expectOk(
      await send(desk.socket, 'visit:checkInByHand', {
        client: { firstName: LINA.firstName, lastName: LINA.lastName, phone: LINA.phone },
        serviceId: 'facial-classic',
        language: 'en',
      }),
    );
    const stranger = expectOk(
      await send(desk.socket, 'visit:checkInByHand', {
        client: { firstName: 'Zoë', lastName: 'Novak', phone: '+44 20 7946 0000' },
        serviceId: 'facial-classic',
        language: 'en',
      }),
    );
    const visits = t.hub.core.engine.state.visits;
    expect(visits[again.visitId]).toMatchObject({ clientId: first.clientId, returningClient: true });
    expect(visits[stranger.visitId]?.returningClient).toBe(false);
    desk.socket.disconnect();
  });
});
