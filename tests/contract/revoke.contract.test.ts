import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { AppError } from '@glow/shared';
import { checkIn, connectKiosk, connectStaff, expectOk, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { until } from '../support/live-tablet.ts';

const raw = (s: unknown) => s as Socket;

/** The Wi-Fi drops under the tablet; it stays away until `restore`. socket.io keeps its session for recovery. */
const drop = (s: Socket) => {
  s.io.reconnection(false);
  s.io.engine.close();
};
/** Back on the network: the client offers its recovery session (pid and offset) in the handshake. */
function restore(s: Socket): Promise<{ connected: true } | { error: AppError | undefined }> {
  const events: string[] = [];
  // Every socket.io packet that reaches this client, decoded: proof of what the hub sent, not just what was emitted.
  s.io.on('packet', (p: { type: number; data?: unknown }) => {
    if (p.type === 2 && Array.isArray(p.data)) events.push(String(p.data[0]));
  });
  (s as Socket & { wire?: string[] }).wire = events;
  return new Promise((resolve) => {
    s.once('connect', () => resolve({ connected: true }));
    s.once('connect_error', (err: Error & { data?: AppError }) => resolve({ error: err.data }));
    s.connect();
  });
}
const wire = (s: Socket): string[] => (s as Socket & { wire?: string[] }).wire ?? [];

describe('revoking a tablet', () => {
  let t: TestHub;
  afterEach(async () => {
    await t.stop();
  });

  it('disconnects it at once with the reason, and it cannot connect again', async () => {
    t = await startHub();
    const boss = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const tablet = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    const ended = new Promise((r) => raw(tablet.socket).once('auth:ended', r));
    const gone = new Promise((r) => raw(tablet.socket).once('disconnect', r));
    expectOk(await send(boss.socket, 'device:revoke', { deviceId: tablet.device.deviceId }));
    expect(await ended).toEqual({ reason: 'revoked' });
    expect(await gone).toBe('io server disconnect');
    expect(t.hub.core.engine.state.devices[tablet.device.deviceId]!.revokedAt).not.toBeNull();
    await until(() => true, 0, '');

    const again = await restore(raw(tablet.socket));
    expect(again).toMatchObject({ error: { code: 'unauthorized', reason: 'unknown_device' } });
    // The manager's list shows it revoked.
    const snapshot = await raw(boss.socket).timeout(5000).emitWithAck('sync:resync');
    expect(snapshot.view.devices[tablet.device.deviceId].revokedAt).not.toBeNull();
  });

  it('cannot come back through connection-state recovery, and is sent nothing it missed', async () => {
    t = await startHub();
    const kiosk = await connectKiosk(t.url);
    const boss = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const lost = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    const control = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    drop(raw(lost.socket));
    drop(raw(control.socket));
    expectOk(await send(boss.socket, 'device:revoke', { deviceId: lost.device.deviceId }));
    // The floor moves on while both are away: there are patches to miss.
    expectOk(await checkIn(kiosk.socket, { firstName: 'Away', phone: '5550100' }));
    expectOk(await checkIn(kiosk.socket, { firstName: 'Gone', phone: '5550101' }));

    // A tablet still paired comes back through recovery and is replayed what it missed (the path is real).
    expect(await restore(raw(control.socket))).toEqual({ connected: true });
    expect(raw(control.socket).recovered).toBe(true);
    expect(wire(raw(control.socket)).filter((e) => e === 'sync:patch').length).toBeGreaterThanOrEqual(2);

    // The revoked one offers its session the same way: refused, not recovered, and nothing of the floor on the wire.
    const back = await restore(raw(lost.socket));
    expect(back).toMatchObject({ error: { code: 'unauthorized', reason: 'unknown_device' } });
    expect(raw(lost.socket).recovered).toBe(false);
    expect(wire(raw(lost.socket))).toEqual([]);
  });

  it('runs the handshake checks on a recovered connection too (skipMiddlewares: false)', async () => {
    t = await startHub();
    const kiosk = await connectKiosk(t.url);
    const tablet = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    drop(raw(tablet.socket));
    expectOk(await checkIn(kiosk.socket, { firstName: 'Miss', phone: '5550102' }));
    // Same recovery session, but a credential that is no longer right (the device secret was replaced): the
    // middleware, which recovery must not skip, refuses it.
    raw(tablet.socket).auth = { ...(raw(tablet.socket).auth as object), deviceSecret: 'x'.repeat(43) };
    expect(await restore(raw(tablet.socket))).toMatchObject({ error: { code: 'unauthorized', reason: 'unknown_device' } });
  });
});
