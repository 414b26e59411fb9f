import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { KIOSK_COMMANDS, NAMESPACES, PROTOCOL_VERSION, STAFF_COMMANDS, type StaffRole } from '@glow/shared';
import { connectKiosk, connectStaff, newCommandId, pairDevice, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { expectExplainedRefusal } from './support/ack-checks.ts';

/** Who may send what: the command maps say it (`roles`), so this matrix follows every command added later. */
const STAFF = Object.entries(STAFF_COMMANDS) as [string, { roles: readonly StaffRole[] | null }][];
const SIGNED_IN: { role: StaffRole; login: { staffId: string; pin: string } }[] = [
  { role: 'beautician', login: { staffId: 'mei', pin: '1111' } },
  { role: 'front_desk', login: { staffId: 'grace', pin: '4444' } },
  { role: 'manager', login: { staffId: 'olivia', pin: '9999' } },
];

/** Sends a command that has no listener where it is sent: no answer may come, and nothing may change. */
async function unanswered(socket: Socket, name: string): Promise<boolean> {
  try {
    await socket.timeout(400).emitWithAck(name, { commandId: newCommandId() });
    return false;
  } catch {
    return true;
  }
}

function handshake(t: TestHub, nsp: string, auth: object): Promise<{ connected: boolean; code?: string; reason?: string }> {
  return new Promise((resolve) => {
    const s = io(t.url + nsp, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('connect', () => {
      s.disconnect();
      resolve({ connected: true });
    });
    s.once('connect_error', (err: Error & { data?: { code: string; reason?: string } }) => {
      s.disconnect();
      resolve({ connected: false, code: err.data?.code, reason: err.data?.reason });
    });
  });
}

describe('every role against every command it must not reach', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('signed-in roles: each staff command outside the role is refused as forbidden, before its payload is even read', async () => {
    for (const { role, login } of SIGNED_IN) {
      const { socket } = await connectStaff(t, login);
      for (const [name, spec] of STAFF) {
        if (!spec.roles || spec.roles.includes(role)) continue;
        const revision = t.hub.revision;
        // An empty payload: the role check comes first, so a refusal for the payload would mean it was read.
        const ack = await (socket as unknown as Socket).timeout(5000).emitWithAck(name, {});
        expect(ack.ok, `${role} → ${name}`).toBe(false);
        expect(ack.error.code, `${role} → ${name}`).toBe('forbidden');
        expectExplainedRefusal(ack.error, 'en', `${role} → ${name}`);
        expect(t.hub.revision, `${role} → ${name} changed something`).toBe(revision);
      }
      socket.disconnect();
    }
  });

  it('a paired tablet nobody has signed in on: every command that needs a staff member is refused as unauthorized', async () => {
    const { socket } = await connectStaff(t);
    const revision = t.hub.revision;
    const needing = STAFF.filter(([, spec]) => spec.roles !== null);
    expect(needing.length).toBeGreaterThan(10);
    for (const [name] of needing) {
      const ack = await (socket as unknown as Socket).timeout(5000).emitWithAck(name, { commandId: newCommandId() });
      expect(ack.ok, name).toBe(false);
      expect(ack.error.code, name).toBe('unauthorized');
      expectExplainedRefusal(ack.error, 'en', name);
    }
    expect(t.hub.revision).toBe(revision);
    socket.disconnect();
  });

  it('the kiosk reaches no staff command (no listener answers it) and a tablet no kiosk command', async () => {
    const kiosk = (await connectKiosk(t.url)).socket as unknown as Socket;
    const tablet = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket as unknown as Socket;
    const revision = t.hub.revision;
    const staffOnly = STAFF.map(([name]) => name).filter((name) => !(name in KIOSK_COMMANDS));
    const kioskOnly = Object.keys(KIOSK_COMMANDS).filter((name) => !(name in STAFF_COMMANDS));
    const results = await Promise.all([
      ...staffOnly.map(async (name) => [`kiosk → ${name}`, await unanswered(kiosk, name)] as const),
      ...kioskOnly.map(async (name) => [`manager's tablet → ${name}`, await unanswered(tablet, name)] as const),
    ]);
    for (const [label, silent] of results) expect(silent, label).toBe(true);
    expect(t.hub.revision).toBe(revision);
    kiosk.disconnect();
    tablet.disconnect();
  });

  it('the kiosk, an unpaired device and a revoked tablet cannot open the staff namespace at all', async () => {
    const kioskAuth = await handshake(t, NAMESPACES.staff, { protocolVersion: PROTOCOL_VERSION, language: 'en' });
    expect(kioskAuth.connected).toBe(false);
    expect(kioskAuth.code).toBe('invalid_input');

    const unpaired = await handshake(t, NAMESPACES.staff, { protocolVersion: PROTOCOL_VERSION, deviceId: 'not-paired', deviceSecret: 'x'.repeat(43) });
    expect(unpaired).toMatchObject({ connected: false, code: 'unauthorized', reason: 'unknown_device' });

    const revoked = await pairDevice(t, 'to be revoked');
    const manager = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expect((await send(manager.socket, 'device:revoke', { deviceId: revoked.deviceId })).ok).toBe(true);
    const after = await handshake(t, NAMESPACES.staff, { protocolVersion: PROTOCOL_VERSION, ...revoked });
    expect(after).toMatchObject({ connected: false, code: 'unauthorized', reason: 'unknown_device' });
    // Its old session token is worth nothing either.
    const withToken = await handshake(t, NAMESPACES.staff, {
      protocolVersion: PROTOCOL_VERSION,
      ...revoked,
      sessionToken: manager.session!.token,
    });
    expect(withToken.connected).toBe(false);
    manager.socket.disconnect();
  });

  it('a session token taken from one tablet does not sign in another', async () => {
    const desk = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    const other = await pairDevice(t, 'other tablet');
    const { socket, snapshot } = await new Promise<{ socket: Socket; snapshot: { session: unknown } }>((resolve) => {
      const s = io(t.url + NAMESPACES.staff, {
        auth: { protocolVersion: PROTOCOL_VERSION, ...other, sessionToken: desk.session!.token, language: 'en' },
        transports: ['websocket'],
        forceNew: true,
      });
      s.once('sync:snapshot', (snap: { session: unknown }) => resolve({ socket: s, snapshot: snap }));
    });
    expect(snapshot.session).toBeNull();
    const ack = await socket.timeout(5000).emitWithAck('visit:cancel', { commandId: newCommandId(), visitId: 'x' });
    expect(ack.error.code).toBe('unauthorized');
    socket.disconnect();
    desk.socket.disconnect();
  });
});
