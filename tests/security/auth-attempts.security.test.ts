import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, type Ack, type SecurityEvent, type StaffSnapshot } from '@glow/shared';
import { createHttpApp } from '../../hub/src/transport/http/http-app.ts';
import {
  connectKiosk,
  connectStaff,
  newCommandId,
  nextEvent,
  pairDevice,
  send,
  startHub,
  type StaffSocket,
  type TestHub,
} from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

/** Socket limits out of the way: these tests are about what the sign-in itself lets through. */
const UNLIMITED = { burst: 100_000, perSecond: 100_000 };
const NO_SOCKET_LIMITS = { socketCommands: UNLIMITED, deviceCommands: UNLIMITED, connections: UNLIMITED, strikes: UNLIMITED };

const MANAGER = { staffId: 'olivia', pin: '9999' };
const DESK = { staffId: 'grace', pin: '4444' };

async function securityEvents(manager: StaffSocket): Promise<SecurityEvent[]> {
  const ack = await send(manager, 'security:list', {});
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data.events;
}

const countOf = (events: SecurityEvent[], kind: SecurityEvent['kind']) =>
  events.filter((e) => e.kind === kind).reduce((n, e) => n + e.count, 0);

describe('PIN attempts (#10 finding 4)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub({ socketLimits: NO_SOCKET_LIMITS });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('600 concurrent wrong PINs from one tablet: only the first three are verified, then the right PIN is refused while locked', async () => {
    const { socket, device } = await connectStaff(t);
    const acks = await Promise.all(
      Array.from({ length: 600 }, (_, i) => send(socket, 'auth:login', { staffId: 'olivia', pin: String(1000 + (i % 8000)).padStart(4, '0') }, 20_000)),
    );
    expect(acks.every((a) => !a.ok)).toBe(true);
    const reasons = acks.map((a) => (a.ok ? 'ok' : a.error.reason));
    // Every attempt either was verified (bad_pin), saw the lock-out of those before it, or was refused unread.
    expect(reasons.filter((r) => r === 'bad_pin').length).toBeLessThanOrEqual(2);
    expect(new Set(reasons)).toEqual(new Set(['bad_pin', 'pin_locked', 'pin_busy']));
    const right = await send(socket, 'auth:login', MANAGER);
    expect(right.ok).toBe(false);
    expect(!right.ok && right.error).toMatchObject({ code: 'rate_limited', reason: 'pin_locked' });

    // The manager, on another tablet, is not locked out by this one, and sees what happened.
    const { socket: manager } = await connectStaff(t, MANAGER);
    const events = await securityEvents(manager);
    expect(countOf(events, 'pin_failed')).toBe(3);
    expect(events.find((e) => e.kind === 'pin_locked')).toMatchObject({ deviceId: device.deviceId, staffId: 'olivia', address: expect.any(String) });
  });

  it("a rogue tablet failing the manager's PIN locks itself out, not the manager on other tablets", async () => {
    const { socket: rogue } = await connectStaff(t);
    for (let i = 0; i < 5; i++) await send(rogue, 'auth:login', { staffId: 'olivia', pin: '0000' });
    const managerOnRogue = await send(rogue, 'auth:login', MANAGER);
    expect(!managerOnRogue.ok && managerOnRogue.error.reason).toBe('pin_locked');

    // Even while the rogue floods her sign-in with attempts, the manager signs in on another tablet.
    const elsewhere = await connectStaff(t);
    const flood = Array.from({ length: 50 }, () => send(rogue, 'auth:login', { staffId: 'olivia', pin: '0000' }));
    await new Promise((r) => setTimeout(r, 20)); // the flood reaches the hub first
    const manager = await send(elsewhere.socket, 'auth:login', MANAGER);
    await Promise.all(flood);
    expect(manager.ok).toBe(true);
  });

  it('a tablet that fails ten times in all, whoever it tries, is locked for everyone on it (and only it)', async () => {
    const { socket: rogue } = await connectStaff(t);
    for (let i = 0; i < 10; i++) await send(rogue, 'auth:login', { staffId: `nobody${i}`, pin: '0000' });
    const deskOnRogue = await send(rogue, 'auth:login', DESK);
    expect(!deskOnRogue.ok && deskOnRogue.error.reason).toBe('pin_locked');
    const elsewhere = await connectStaff(t);
    expect((await send(elsewhere.socket, 'auth:login', DESK)).ok).toBe(true);
  });

  it('three wrong PINs for one person lock that person on that tablet only; others can still sign in there', async () => {
    const { socket } = await connectStaff(t);
    for (let i = 0; i < 3; i++) await send(socket, 'auth:login', { staffId: 'grace', pin: '0000' });
    const grace = await send(socket, 'auth:login', DESK);
    expect(!grace.ok && grace.error.reason).toBe('pin_locked');
    expect((await send(socket, 'auth:login', MANAGER)).ok).toBe(true);
  });
});

describe('pairing codes (#10 finding 4)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub();
  });
  afterAll(async () => {
    await t.stop();
  });

  /** A pairing request as it arrives from a given address (the HTTP app in-process, with the peer address it sees). */
  let app: ReturnType<typeof createHttpApp>;
  const pairFrom = (address: string, code: string) =>
    app.request(
      '/api/devices/pair',
      { method: 'POST', headers: { host: '127.0.0.1', 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceName: 'Tablet', kind: 'tablet' }) },
      { incoming: { socket: { remoteAddress: address } } },
    );

  it('bad codes from one address do not make the real code fail from another', async () => {
    const { code } = await t.hub.createPairingCode();
    const wrong = code === '000000' ? '000001' : '000000';
    app = createHttpApp(t.hub.core);
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await pairFrom('10.0.0.66', wrong)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    // The attacker is refused even the real code; the real tablet is not.
    expect((await pairFrom('10.0.0.66', code)).status).toBe(429);
    expect((await pairFrom('10.0.0.20', code)).status).toBe(201);

    const { socket: manager } = await connectStaff(t, MANAGER);
    const events = await securityEvents(manager);
    expect(countOf(events, 'pairing_failed')).toBe(10);
    expect(events.find((e) => e.kind === 'pairing_limited')).toMatchObject({ address: '10.0.0.66' });
  });
});

describe('sessions end on the hub (#10 finding 6)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub();
  });
  afterAll(async () => {
    await t.stop();
  });

  const open = (device: { deviceId: string; deviceSecret: string }, sessionToken?: string): Promise<{ socket: StaffSocket; snapshot: StaffSnapshot }> => {
    const socket = io(t.url + NAMESPACES.staff, {
      auth: { protocolVersion: PROTOCOL_VERSION, ...device, language: 'en', ...(sessionToken ? { sessionToken } : {}) },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    }) as unknown as StaffSocket;
    return nextEvent<StaffSnapshot>(socket as unknown as Socket, 'sync:snapshot').then((snapshot) => ({ socket, snapshot }));
  };

  it('a token used after sign-out is refused in the handshake and on every command of a socket that still holds it', async () => {
    const { socket, session, device } = await connectStaff(t, MANAGER);
    const token = session!.token;
    // A second connection of the same tablet, signed in with the same token.
    const second = await open(device, token);
    expect(second.snapshot.session?.staffId).toBe('olivia');

    const ended = nextEvent<{ reason: string }>(second.socket as unknown as Socket, 'auth:ended');
    expect((await send(socket, 'auth:logout', {})).ok).toBe(true);
    // At once, before any notice: the next command on the other socket is refused.
    const after = await send(second.socket, 'floor:setAutoAssign', { enabled: false });
    expect(!after.ok && after.error.code).toBe('unauthorized');
    expect(await ended).toEqual({ reason: 'logout' });

    const third = await open(device, token);
    expect(third.snapshot.session).toBeNull();
    const denied = await send(third.socket, 'security:list', {});
    expect(!denied.ok && denied.error.code).toBe('unauthorized');
    for (const s of [second.socket, third.socket]) s.disconnect();
  });

  it('a token of a revoked tablet is refused, even on a tablet paired afterwards', async () => {
    const { socket: manager } = await connectStaff(t, MANAGER);
    const victim = await connectStaff(t, DESK);
    expect((await send(manager, 'device:revoke', { deviceId: victim.device.deviceId })).ok).toBe(true);
    const other = await pairDevice(t);
    const reused = await open(other, victim.session!.token);
    expect(reused.snapshot.session).toBeNull();
    reused.socket.disconnect();
    const events = await securityEvents(manager);
    expect(events.find((e) => e.kind === 'device_revoked')).toMatchObject({ deviceId: victim.device.deviceId, staffId: 'olivia' });
    expect(events.some((e) => e.kind === 'session_refused' && e.deviceId === other.deviceId)).toBe(true);
  });
});

describe('idempotency records belong to their sender (#10 finding 6)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub({ store: 'lowdb' });
  });
  afterAll(async () => {
    await t.stop();
  });

  it("another sender reusing the manager's commandId never receives the manager's answer", async () => {
    const { socket: manager } = await connectStaff(t, MANAGER);
    const commandId = newCommandId();
    const made = await send(manager, 'pairing:create', { commandId });
    expect(made.ok).toBe(true);
    const code = made.ok ? made.data.code : '';
    // The manager's own retry gets the same code back.
    expect(await send(manager, 'pairing:create', { commandId })).toEqual(made);

    const { socket: kiosk } = await connectKiosk(t.url);
    const fromKiosk = (await (kiosk as unknown as Socket)
      .timeout(5000)
      .emitWithAck('visit:checkIn', kioskCheckIn({ commandId, client: { firstName: 'Eve', phone: '+61 400 000 999' }, serviceId: 'facial-classic', language: 'en' }))) as Ack<unknown>;
    const { socket: otherManager } = await connectStaff(t, MANAGER);
    const fromOtherTablet = await send(otherManager, 'pairing:create', { commandId });
    for (const ack of [fromKiosk, fromOtherTablet]) {
      expect(JSON.stringify(ack)).not.toContain(code);
      expect(!ack.ok && ack.error).toMatchObject({ code: 'conflict', reason: 'command_id_taken' });
    }
  });

  it('the pairing code a manager creates is in no file of the data directory', async () => {
    const { socket: manager } = await connectStaff(t, MANAGER);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const ack = await send(manager, 'pairing:create', {});
      if (ack.ok) codes.push(ack.data.code);
    }
    expect(codes).toHaveLength(3);
    await t.hub.stop(); // every write finished, a final snapshot written
    const files = await listFiles(t.dataDir!);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = await readFile(file, 'latin1');
      // As a JSON string (the way a stored reply would hold it): a number of six digits may occur in a timestamp.
      for (const code of codes) expect(bytes.includes(`"${code}"`), `${code} in ${file}`).toBe(false);
    }
  });
});

describe('the security list (#10 finding 8)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('is listed for the manager, newest first, and refused to every other role', async () => {
    const { socket: tablet, device } = await connectStaff(t);
    await send(tablet, 'auth:login', { staffId: 'mei', pin: '0000' });
    const refused = await fetch(`${t.url}/api/devices/pair`, {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ code: '123456', deviceName: 'x', kind: 'tablet' }),
    });
    expect(refused.status).toBe(403);

    const { socket: manager } = await connectStaff(t, MANAGER);
    const events = await securityEvents(manager);
    expect(events.map((e) => e.kind).slice(0, 2)).toEqual(['origin_refused', 'pin_failed']);
    expect(events[1]).toMatchObject({ deviceId: device.deviceId, staffId: 'mei' });
    expect(events[0]!.detail).toContain('http://evil.example');
    expect(JSON.stringify(events)).not.toContain('0000');

    for (const login of [DESK, { staffId: 'mei', pin: '1111' }]) {
      const { socket } = await connectStaff(t, login);
      const ack = await send(socket, 'security:list', {});
      expect(!ack.ok && ack.error.code).toBe('forbidden');
    }
  });
});

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else out.push(path);
  }
  return out;
}
