import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { StaffPatch } from '@glow/shared';
import { FloorDriver } from '../support/floor-driver.ts';
import { connectKiosk, pairDevice, startHub, type KioskSocket, type TestHub } from '../support/hub-harness.ts';
import { inSync, openTablet, until, type LiveTablet } from '../support/live-tablet.ts';

const grace = { staffId: 'grace', pin: '4444' };
const olivia = { staffId: 'olivia', pin: '9999' };
const mei = { staffId: 'mei', pin: '1111' };

/** The Wi-Fi drops: the transport closes under the tablet, which does not try to come back until `restore`. */
const drop = (s: Socket) => {
  s.io.reconnection(false);
  s.io.engine.close();
};
const restore = (s: Socket) => {
  s.io.reconnection(true);
  s.connect();
};

describe('tablets that drop off the network while the floor keeps moving', () => {
  let t: TestHub | null = null;
  const open: Array<LiveTablet | KioskSocket> = [];
  afterEach(async () => {
    for (const x of open) 'live' in x ? x.close() : x.disconnect();
    open.length = 0;
    await t?.stop();
    t = null;
    vi.useRealTimers();
  });

  it('one away for 10 s and one for 3 minutes while 50 changes happen both end with exactly the hub’s view, with no gap in revisions', async () => {
    // Only Date is faked, and it keeps running: socket.io's recovery window (2 minutes) and the hub's clock see the
    // minutes pass, while every timer and socket runs for real.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    t = await startHub({ floorTickMs: 100 });
    const hub = t;
    const [deskDevice, managerDevice, roomDevice, writerDevice] = await Promise.all([1, 2, 3, 4].map(() => pairDevice(hub)));
    const desk = await openTablet(hub.url, deskDevice!, grace);
    const manager = await openTablet(hub.url, managerDevice!, olivia);
    const room = await openTablet(hub.url, roomDevice!, mei);
    open.push(desk, manager, room);
    const raw: number[] = [];
    room.socket.on('sync:patch', (p: StaffPatch) => raw.push(p.revision));
    const firstRevision = hub.hub.revision;

    // Whoever sends commands is re-created after each jump of the clock: a socket that has not heard the hub's
    // heartbeat for "minutes" would (rightly) consider its connection dead before sending.
    let writer = await openTablet(hub.url, writerDevice!, grace);
    let kiosk = (await connectKiosk(hub.url)).socket;
    open.push(writer, kiosk);
    const driver = new FloorDriver(
      () => ({ socket: writer.socket, view: () => writer.live.snapshot!.view }),
      () => kiosk as unknown as Socket,
    );
    const renewWriters = async () => {
      writer = await openTablet(hub.url, writerDevice!, grace);
      kiosk = (await connectKiosk(hub.url)).socket;
      open.push(writer, kiosk);
    };

    drop(manager.socket);
    await driver.run(20);
    vi.setSystemTime(Date.now() + 170_000);
    await renewWriters();
    drop(desk.socket);
    await driver.run(20);
    vi.setSystemTime(Date.now() + 10_000);

    restore(desk.socket);
    restore(manager.socket);
    await until(() => desk.socket.connected && manager.socket.connected, 5000, 'both tablets back');
    // 10 s away: socket.io replays what it missed. 3 minutes: past the recovery window, a fresh snapshot.
    expect(desk.socket.recovered).toBe(true);
    expect(manager.socket.recovered).toBe(false);
    await driver.run(10);

    expect(hub.hub.revision - firstRevision).toBeGreaterThanOrEqual(50);
    for (const tablet of [desk, manager, room]) {
      let last = await inSync(tablet);
      await until(() => last.ok, 5000, 'tablet in sync').catch(() => undefined);
      for (let i = 0; !last.ok && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 50));
        last = await inSync(tablet);
      }
      expect(last, last.diff).toMatchObject({ ok: true });
    }
    // The tablet that stayed connected saw every revision, one after another (the floor tick's included).
    expect(raw.length).toBeGreaterThanOrEqual(50);
    for (let i = 1; i < raw.length; i++) expect(raw[i], `after ${raw[i - 1]}`).toBe(raw[i - 1]! + 1);
    // The desk came back through recovery: no snapshot beyond its first two (connect, sign-in).
    expect(desk.snapshots).toBe(2);
    expect(manager.snapshots).toBe(3);
  });
});
