import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, type AppError, type StaffSnapshot } from '@glow/shared';
import { pairKioskDevice, pairTablet } from '../support/pair-tablet.ts';
import {
  checkIn,
  connectKiosk,
  connectStaff,
  expectOk,
  kioskAuth,
  nextEvent,
  pairDevice,
  pairKiosk,
  send,
  startHub,
  type TestHub,
} from '../support/hub-harness.ts';

/**
 * Issue #10, finding 3: kiosks are paired devices. Any browser on the salon's Wi-Fi used to be a kiosk; now the
 * /kiosk handshake wants a kiosk's credential, the manager pairs and revokes kiosks, and revoking one cuts it off
 * at once without losing what it had been acknowledged.
 */
describe('kiosks are paired devices', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub();
  });
  afterAll(async () => {
    await t.stop();
  });

  /** Tries a handshake on a namespace: the refusal's AppError, or null if it connected (and got a snapshot). */
  const handshake = (nsp: string, auth: object) =>
    new Promise<{ refused: AppError | null; snapshot: boolean }>((resolve) => {
      const s: Socket = io(t.url + nsp, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
      let snapshot = false;
      s.on('sync:snapshot', () => (snapshot = true));
      s.once('connect', () => {
        // The snapshot follows the connection: wait for it before saying whether it came.
        s.once('sync:snapshot', () => {
          s.disconnect();
          resolve({ refused: null, snapshot: true });
        });
      });
      s.once('connect_error', (err: Error & { data?: AppError }) => {
        s.disconnect();
        resolve({ refused: err.data ?? null, snapshot });
      });
    });

  it('a browser that was never paired gets no kiosk socket, and is told so in its language', async () => {
    for (const [language, words] of [
      ['en', /not paired/],
      ['zh-CN', /尚未与服务器配对/],
    ] as const) {
      const result = await handshake(NAMESPACES.kiosk, { protocolVersion: PROTOCOL_VERSION, language });
      expect(result.snapshot).toBe(false);
      expect(result.refused).toMatchObject({ code: 'unauthorized', reason: 'unknown_kiosk' });
      expect(result.refused!.message).toMatch(words);
    }
    // A made-up credential fares no better.
    const forged = await handshake(NAMESPACES.kiosk, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: 'made-up-device',
      deviceSecret: 'x'.repeat(43),
      language: 'en',
    });
    expect(forged).toEqual({ refused: expect.objectContaining({ reason: 'unknown_kiosk' }), snapshot: false });
  });

  it('a kiosk credential opens the kiosk namespace only, a tablet one the staff namespace only, and codes pair their own kind', async () => {
    const kiosk = await pairKiosk(t);
    const tablet = await pairDevice(t);
    expect((await handshake(NAMESPACES.kiosk, kioskAuth(kiosk))).refused).toBeNull();
    expect((await handshake(NAMESPACES.kiosk, kioskAuth(tablet))).refused).toMatchObject({ reason: 'unknown_kiosk' });
    expect((await handshake(NAMESPACES.staff, { protocolVersion: PROTOCOL_VERSION, ...kiosk, language: 'en' })).refused).toMatchObject({
      reason: 'unknown_device',
    });
    // A tablet's code does not make a kiosk, nor a kiosk's code a tablet; the code stays good for its own kind.
    const tabletCode = (await t.hub.createPairingCode('tablet')).code;
    await expect(pairKioskDevice(t.url, tabletCode)).rejects.toThrow(/401.*pairing_code_kind/);
    await expect(pairTablet(t.url, tabletCode, 'Room 9')).resolves.toMatchObject({ deviceId: expect.any(String) });
    const kioskCode = (await t.hub.createPairingCode('kiosk')).code;
    await expect(pairTablet(t.url, kioskCode, 'Sneaky tablet')).rejects.toThrow(/401.*pairing_code_kind/);
  });

  it('the manager makes a kiosk code on a tablet, sees the kiosk among the devices, and revokes it mid-check-in', async () => {
    const manager = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const code = expectOk(await send(manager.socket, 'pairing:create', { kind: 'kiosk' }));
    const kiosk = await pairKioskDevice(t.url, code.code, 'Lobby left');
    const lobby = await connectKiosk(t.url, 'en', kiosk);

    // The first client is checked in and acknowledged.
    const first = expectOk(await checkIn(lobby.socket, { firstName: 'Acked', phone: '+15550101010' }));

    // The manager revokes the kiosk while the next client is at it: the kiosk is told why and cut off at once.
    const ended = nextEvent<{ reason: string }>(lobby.socket as unknown as Socket, 'auth:ended');
    const gone = nextEvent<string>(lobby.socket as unknown as Socket, 'disconnect');
    expectOk(await send(manager.socket, 'device:revoke', { deviceId: kiosk.deviceId }));
    expect(await ended).toEqual({ reason: 'revoked' });
    expect(await gone).toBe('io server disconnect');
    // It cannot come back, with or without connection-state recovery.
    const again = await handshake(NAMESPACES.kiosk, kioskAuth(kiosk));
    expect(again).toEqual({ refused: expect.objectContaining({ reason: 'unknown_kiosk' }), snapshot: false });

    // What it had been acknowledged is on the floor; the manager sees the kiosk listed as revoked.
    const fresh = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const view: StaffSnapshot['view'] = fresh.snapshot.view;
    expect(view.visits[first.visitId]?.clientName).toMatch(/^Acked/);
    expect(view.devices[kiosk.deviceId]).toMatchObject({ kind: 'kiosk', name: 'Lobby left', revokedAt: expect.any(Number) });
    manager.socket.disconnect();
    fresh.socket.disconnect();
  });
});
