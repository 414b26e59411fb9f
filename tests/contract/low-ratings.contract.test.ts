import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { LOW_RATING_WINDOW_MS, type StaffPatch, type StaffSnapshot } from '@glow/shared';
import {
  checkIn,
  connectKiosk,
  connectStaff,
  expectOk,
  send,
  startHub,
  type StaffSocket,
  type TestHub,
} from '../support/hub-harness.ts';

const MIN = 60_000;
/** Monday 23 November 2026, 09:30 in the salon (UTC here): everyone is on shift. */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);

const snapshotOf = async (socket: StaffSocket): Promise<StaffSnapshot> => (socket as unknown as Socket).timeout(5000).emitWithAck('sync:resync');
const patches = (socket: StaffSocket): StaffPatch[] => {
  const seen: StaffPatch[] = [];
  (socket as unknown as Socket).on('sync:patch', (p: StaffPatch) => seen.push(p));
  return seen;
};
const settle = () => new Promise((r) => setTimeout(r, 100));
const expectConsecutive = (seen: StaffPatch[]) => {
  const revs = seen.map((p) => p.revision);
  for (let i = 1; i < revs.length; i++) expect(revs[i]).toBe(revs[i - 1]! + 1);
};

describe('unhappy clients on the front-desk board', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it('shows a visit closed with CSAT ≤ 2 to the floor for an hour (hub clock), never to beauticians, and takes it away after', async () => {
    const clock = { now: MONDAY_0930 };
    const hub = await startHub({ clock: () => clock.now, timeZone: 'UTC', floorTickMs: 3_600_000 });
    h = hub;
    const kiosk = await connectKiosk(hub.url);
    const staff: Record<string, StaffSocket> = {
      mei: (await connectStaff(hub, { staffId: 'mei', pin: '1111' })).socket,
      anna: (await connectStaff(hub, { staffId: 'anna', pin: '2222' })).socket,
    };
    const desk = await connectStaff(hub, { staffId: 'grace', pin: '4444' });
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const deskSeen = patches(desk.socket);
    const bossSeen = patches(boss.socket);
    const meiSeen = patches(staff.mei!);
    const annaSeen = patches(staff.anna!);

    const unhappy = expectOk(await checkIn(kiosk.socket, { firstName: 'Lina', lastName: 'Zhou', phone: '13800138000' }));
    const happy = expectOk(await checkIn(kiosk.socket, { firstName: 'Bea', phone: '5550002' }));
    await settle();
    const assigned = (await snapshotOf(desk.socket)).view.visits;
    /** Runs a visit through to closing with its beautician's tablet. */
    const runToClose = async (visitId: string, rating: { csat: number; comment?: string }) => {
      const socket = staff[assigned[visitId]!.staffId!]!;
      expectOk(await send(socket, 'plan:confirm', { visitId }));
      expectOk(await send(socket, 'visit:start', { visitId }));
      expectOk(await send(socket, 'visit:finish', { visitId }));
      expectOk(await send(socket, 'visit:close', { visitId, rating }));
    };

    // Each beautician accepts at once (an assignment left unaccepted would go back to the queue within minutes).
    for (const { visitId } of [unhappy, happy]) expectOk(await send(staff[assigned[visitId]!.staffId!]!, 'visit:accept', { visitId }));
    clock.now += 45 * MIN;
    await runToClose(unhappy.visitId, { csat: 2, comment: 'The mask stung' });
    await runToClose(happy.visitId, { csat: 4 });
    await settle();
    const holder = assigned[unhappy.visitId]!.staffId!;
    const closedAt = hub.hub.core.engine.state.visits[unhappy.visitId]!.times.closed!;
    expect(closedAt).toBe(clock.now);

    // The close reached the floor as a patch carrying the closed, low-rated card…
    const closing = deskSeen.find((p) => p.set.visits?.[unhappy.visitId]?.state === 'closed');
    expect(closing?.set.visits?.[unhappy.visitId]).toMatchObject({ rating: { csat: 2, comment: 'The mask stung' } });
    expect(bossSeen.some((p) => p.set.visits?.[unhappy.visitId]?.state === 'closed')).toBe(true);
    // …while the happy one left the floor, and beauticians (even the one who served her) only ever saw them go.
    expect(deskSeen.some((p) => p.del.visits?.includes(happy.visitId))).toBe(true);
    for (const seen of [meiSeen, annaSeen]) {
      expect(seen.some((p) => Object.values(p.set.visits ?? {}).some((v) => v.state === 'closed'))).toBe(false);
    }
    expect(holder === 'mei' ? meiSeen : annaSeen).toSatisfy((seen: StaffPatch[]) => seen.some((p) => p.del.visits?.includes(unhappy.visitId)));

    // A fresh snapshot agrees: the desk and the manager have it with what the board shows; nobody else does.
    const fresh = (await snapshotOf(desk.socket)).view;
    expect(fresh.visits[unhappy.visitId]).toMatchObject({
      state: 'closed',
      clientName: 'Lina Z.',
      ticket: hub.hub.core.engine.state.visits[unhappy.visitId]!.ticket,
      serviceId: 'facial-classic',
      rating: { csat: 2, comment: 'The mask stung' },
      times: { closed: closedAt },
    });
    expect(fresh.visits[happy.visitId]).toBeUndefined();
    expect((await snapshotOf(boss.socket)).view.visits[unhappy.visitId]).toMatchObject({ state: 'closed' });
    for (const s of Object.values(staff)) expect((await snapshotOf(s)).view.visits).toEqual({});

    // Within the hour it stays (the tick may free the rooms, but the low rating is not due to leave).
    clock.now = closedAt + LOW_RATING_WINDOW_MS - MIN;
    while (await hub.hub.tickFloor());
    await settle();
    expect((await snapshotOf(desk.socket)).view.visits[unhappy.visitId]).toBeDefined();
    expect(deskSeen.some((p) => p.del.visits?.includes(unhappy.visitId))).toBe(false);

    // The hour passes: time alone is a change, so the tick writes one revision and the floor is told to drop it.
    clock.now = closedAt + LOW_RATING_WINDOW_MS;
    const before = hub.hub.revision;
    expect(await hub.hub.tickFloor()).toBe(true);
    expect(hub.hub.revision).toBe(before + 1);
    await settle();
    for (const seen of [deskSeen, bossSeen]) {
      const last = seen.at(-1)!;
      expect(last.revision).toBe(before + 1);
      expect(last.del.visits).toEqual([unhappy.visitId]);
    }
    expect(meiSeen.at(-1)!.del.visits).toBeUndefined();
    expect(annaSeen.at(-1)!.del.visits).toBeUndefined();
    expect((await snapshotOf(desk.socket)).view.visits).toEqual({});
    expect((await snapshotOf(boss.socket)).view.visits).toEqual({});
    // Nothing more to publish: a quiet floor journals nothing.
    expect(await hub.hub.tickFloor()).toBe(false);
    expect(hub.hub.revision).toBe(before + 1);
    for (const seen of [deskSeen, bossSeen, meiSeen, annaSeen]) expectConsecutive(seen);
  });
});
