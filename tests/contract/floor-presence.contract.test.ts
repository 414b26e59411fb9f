import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { createTranslator, type StaffSnapshot } from '@glow/shared';
import { connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';

/**
 * #11 floor: the planner offers clients only to staff who are here today (signed in on a tablet, or marked present
 * by the desk); an assignment not accepted within the salon's minutes goes back to the queue and the desk sees it;
 * the desk can act on an assigned visit (back to the queue, reassign, cancel, no-show).
 */
const MIN = 60_000;
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);
const en = createTranslator('en');
const settle = () => new Promise((r) => setTimeout(r, 100));
const resync = (socket: StaffSocket): Promise<StaffSnapshot> => (socket as unknown as Socket).timeout(5000).emitWithAck('sync:resync');

async function hubAt(start: number) {
  const clock = { now: start };
  const hub = await startHub({ clock: () => clock.now, timeZone: 'UTC', floorTickMs: 3_600_000 });
  return { hub, clock };
}
const deskCheckIn = async (desk: StaffSocket, firstName: string, phone: string, serviceId = 'facial-classic') =>
  expectOk(await send(desk, 'visit:checkInByHand', { client: { firstName, phone }, serviceId, language: 'en' } as never)).visitId;

describe('who the planner offers clients to, and assignments nobody accepts', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it('assigns only staff present today: signed in on a tablet, or marked present by the desk', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const visitId = await deskCheckIn(desk.socket, 'Ada', '5550001');
    await settle();
    // Mei and Anna are on shift, but nobody has signed in as them: the client waits.
    expect(hub.hub.core.engine.state.visits[visitId]).toMatchObject({ state: 'queued', staffId: null });

    // Anna signs in on her tablet: she is here, and takes the client.
    await connectStaff(hub, { staffId: 'anna', pin: '2222' });
    await settle();
    expect(hub.hub.core.engine.state.visits[visitId]).toMatchObject({ state: 'assigned', staffId: 'anna' });

    // Mei works without a tablet today: the desk marks her present, and the next client goes to her.
    const unknown = await send(desk.socket, 'staff:markPresent', { staffId: 'nobody' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expectOk(await send(desk.socket, 'staff:markPresent', { staffId: 'mei' }));
    const second = await deskCheckIn(desk.socket, 'Bea', '5550002');
    await settle();
    expect(hub.hub.core.engine.state.visits[second]).toMatchObject({ state: 'assigned', staffId: 'mei' });
    expect(hub.hub.core.engine.state.meta.presence).toMatchObject({ anna: { day: '2026-11-23', by: 'anna' }, mei: { day: '2026-11-23', by: 'grace' } });
    // A beautician cannot mark anyone present.
    const anna = await connectStaff(hub, { staffId: 'anna', pin: '2222' });
    expect(await send(anna.socket, 'staff:markPresent', { staffId: 'sofia' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('gives an assignment not accepted within the salon’s minutes back to the queue, alerting the desk', async () => {
    const { hub, clock } = await hubAt(MONDAY_0930);
    h = hub;
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    expectOk(await send(desk.socket, 'floor:setAcceptWithin', { minutes: 3 }));
    expectOk(await send(desk.socket, 'staff:markPresent', { staffId: 'mei' }));
    const visitId = await deskCheckIn(desk.socket, 'Ada', '5550001');
    await settle();
    expect(hub.hub.core.engine.state.visits[visitId]).toMatchObject({ state: 'assigned', staffId: 'mei', roomId: 'room-1' });

    clock.now += 2 * MIN;
    await hub.hub.tickFloor();
    expect(hub.hub.core.engine.state.visits[visitId]!.state).toBe('assigned');

    clock.now += 1 * MIN;
    await hub.hub.tickFloor();
    await settle();
    const visit = hub.hub.core.engine.state.visits[visitId]!;
    expect(visit).toMatchObject({ state: 'queued', staffId: null, roomId: null });
    expect(visit.handBacks.at(-1)).toEqual({ at: clock.now, staffId: 'mei', reason: '', kind: 'not_accepted' });
    expect(hub.hub.core.engine.state.rooms['room-1']).toMatchObject({ state: 'free', visitId: null });
    // The desk's board has it (its card carries the not-accepted hand-back the board shows as an alert).
    const card = (await resync(desk.socket)).view.visits[visitId]!;
    expect(card.handBacks.at(-1)).toMatchObject({ staffId: 'mei', kind: 'not_accepted' });
    expect(en('staff.alert.unaccepted', { ticket: card.ticket, n: 3 })).toContain('not accepted within 3 min');
    // Mei is not offered the client again by the planner.
    await hub.hub.tickFloor();
    expect(hub.hub.core.engine.state.visits[visitId]!.staffId).toBeNull();
  });

  it('an accepted assignment stays, however long the client takes to reach the room', async () => {
    const { hub, clock } = await hubAt(MONDAY_0930);
    h = hub;
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const mei = await connectStaff(hub, { staffId: 'mei', pin: '1111' });
    const visitId = await deskCheckIn(desk.socket, 'Ada', '5550001');
    await settle();
    expectOk(await send(mei.socket, 'visit:accept', { visitId }));
    clock.now += 30 * MIN;
    await hub.hub.tickFloor();
    expect(hub.hub.core.engine.state.visits[visitId]).toMatchObject({ state: 'assigned', staffId: 'mei' });
  });

  it('the desk acts on an assigned visit: back to the queue, reassign, cancel, no-show', async () => {
    const { hub } = await hubAt(MONDAY_0930);
    h = hub;
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    await connectStaff(hub, { staffId: 'mei', pin: '1111' });
    const state = () => hub.hub.core.engine.state;
    const first = await deskCheckIn(desk.socket, 'Ada', '5550001');
    await settle();
    expect(state().visits[first]).toMatchObject({ state: 'assigned', staffId: 'mei' });
    expectOk(await send(desk.socket, 'floor:setAutoAssign', { enabled: false }));
    expectOk(await send(desk.socket, 'visit:handBack', { visitId: first, reason: 'Back to the queue' }));
    expect(state().visits[first]).toMatchObject({ state: 'queued', staffId: null, roomId: null });
    expectOk(await send(desk.socket, 'visit:assign', { visitId: first, roomId: 'room-2', staffId: 'anna' }));
    expectOk(await send(desk.socket, 'visit:assign', { visitId: first, roomId: 'room-1', staffId: 'mei' }));
    expect(state().visits[first]).toMatchObject({ state: 'assigned', staffId: 'mei', roomId: 'room-1' });
    expect(state().rooms['room-2']).toMatchObject({ state: 'free' });
    expectOk(await send(desk.socket, 'visit:cancel', { visitId: first }));
    expect(state().visits[first]!.state).toBe('cancelled');
    expect(state().rooms['room-1']).toMatchObject({ state: 'free', visitId: null });

    const second = await deskCheckIn(desk.socket, 'Bea', '5550002');
    expectOk(await send(desk.socket, 'visit:assign', { visitId: second, roomId: 'room-1', staffId: 'mei' }));
    expectOk(await send(desk.socket, 'visit:noShow', { visitId: second }));
    expect(state().visits[second]!.state).toBe('no_show');
    expect(state().rooms['room-1']).toMatchObject({ state: 'free', visitId: null });
  });
});
