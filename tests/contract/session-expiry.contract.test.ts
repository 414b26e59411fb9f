import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { StaffSnapshot } from '@glow/shared';
import { checkIn, connectKiosk, connectStaff, expectOk, nextEvent, send, startHub, type TestHub } from '../support/hub-harness.ts';

/** The hub, not the tablet's clock, ends a staff session when its `expiresAt` passes (issue #6). */
describe('staff sessions end on the hub', () => {
  let t: TestHub;
  afterEach(async () => {
    await t?.stop();
  });

  it('emits auth:ended {reason: expired} when the session runs out, and sends the signed-out view', async () => {
    let now = Date.now();
    t = await startHub({ clock: () => now });
    const kiosk = await connectKiosk(t.url);
    expectOk(await checkIn(kiosk.socket, { firstName: 'Expiry', phone: '5550199' }));
    const { socket, session, snapshot: signedIn } = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    expect(Object.keys(signedIn.view.visits)).toHaveLength(1);
    const raw = socket as unknown as Socket;
    const ended: unknown[] = [];
    raw.on('auth:ended', (info: unknown) => ended.push(info));

    // Nothing happens while the session is valid.
    now = session!.expiresAt - 1;
    await new Promise((r) => setTimeout(r, 1_300));
    expect(ended).toEqual([]);

    const signedOut = nextEvent<StaffSnapshot>(raw, 'sync:snapshot', 3_000);
    const endedNow = nextEvent<{ reason: string }>(raw, 'auth:ended', 3_000);
    now = session!.expiresAt;
    // The tablet sends nothing: the hub's own sweep notices within a second or so.
    expect(await endedNow).toEqual({ reason: 'expired' });
    const snapshot = await signedOut;
    expect(snapshot.session).toBeNull();
    // The front desk's floor is no longer on this tablet.
    expect(snapshot.view.visits).toEqual({});

    const ack = await send(socket, 'visit:accept', { visitId: 'whatever' });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.code).toBe('unauthorized');
    expect(ended).toHaveLength(1);
  });

  it('a command sent after the expiry is refused and ends the session at once, before the sweep runs', async () => {
    let now = Date.now();
    t = await startHub({ clock: () => now });
    const { socket, session } = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const raw = socket as unknown as Socket;
    const endedNow = nextEvent<{ reason: string }>(raw, 'auth:ended', 3_000);
    now = session!.expiresAt + 1;
    const ack = await send(socket, 'floor:setAutoAssign', { enabled: false });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error).toMatchObject({ code: 'unauthorized', reason: 'session_expired' });
    expect(await endedNow).toEqual({ reason: 'expired' });
  });
});
