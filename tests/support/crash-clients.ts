import { expect } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, newCommandId, type Ack, type StaffSnapshot } from '@glow/shared';
import { pairKioskDevice, pairTablet } from './pair-tablet.ts';

/**
 * Clients for tests that kill the hub process (crash and fault suites): free of hub imports, so they talk to a hub
 * in a child process only over the wire.
 */

export type PairedDevice = { deviceId: string; deviceSecret: string };

/**
 * A paired kiosk's socket (pair one with the kiosk code of the hub's start-up log: `pairKioskDevice`). Without
 * `reconnect` it gives up when the hub goes away (the test opens a new one).
 */
export const kioskSocket = (url: string, kiosk: PairedDevice, options: { reconnect?: boolean } = {}): Socket =>
  io(url + NAMESPACES.kiosk, {
    auth: { protocolVersion: PROTOCOL_VERSION, deviceId: kiosk.deviceId, deviceSecret: kiosk.deviceSecret, language: 'en' },
    transports: ['websocket'],
    forceNew: true,
    // As the apps do: come back quickly once the hub is up again.
    ...(options.reconnect ? { reconnectionDelay: 100, reconnectionDelayMax: 500 } : { reconnection: false }),
  });

/** The front desk's view of the floor: every active visit, by the client's first name. */
export async function floorVisits(url: string, paired: PairedDevice): Promise<{ firstName: string; visitId: string }[]> {
  const staff: Socket = io(url + NAMESPACES.staff, {
    auth: { protocolVersion: PROTOCOL_VERSION, ...paired, language: 'en' },
    transports: ['websocket'],
    forceNew: true,
  });
  try {
    await new Promise((r) => staff.once('sync:snapshot', r));
    const snapshot = new Promise<StaffSnapshot>((r) => staff.once('sync:snapshot', r));
    const login = await staff.timeout(10_000).emitWithAck('auth:login', { commandId: newCommandId(), staffId: 'grace', pin: '4444' });
    expect(login.ok).toBe(true);
    return Object.values((await snapshot).view.visits).map((v) => ({ firstName: v.clientName, visitId: v.id }));
  } finally {
    staff.disconnect();
  }
}

/**
 * Pairs `count` kiosks with a hub in a child process: the tablet code from its start-up log pairs a tablet on which
 * the manager (demo PIN) makes a kiosk code for each. Returns that tablet too: it serves as the front desk's.
 */
export async function pairKiosks(
  url: string,
  tabletCode: string,
  count: number,
): Promise<{ tablet: PairedDevice; kiosks: PairedDevice[] }> {
  const tablet = await pairTablet(url, tabletCode, 'Manager tablet');
  const staff: Socket = io(url + NAMESPACES.staff, {
    auth: { protocolVersion: PROTOCOL_VERSION, ...tablet, language: 'en' },
    transports: ['websocket'],
    forceNew: true,
  });
  try {
    await new Promise((r) => staff.once('sync:snapshot', r));
    const login = await staff.timeout(10_000).emitWithAck('auth:login', { commandId: newCommandId(), staffId: 'olivia', pin: '9999' });
    expect(login.ok).toBe(true);
    const kiosks: PairedDevice[] = [];
    for (let i = 0; i < count; i++) {
      const made = (await staff.timeout(10_000).emitWithAck('pairing:create', { commandId: newCommandId(), kind: 'kiosk' })) as Ack<{ code: string }>;
      if (!made.ok) throw new Error(`pairing:create refused: ${made.error.message}`);
      kiosks.push(await pairKioskDevice(url, made.data.code, `Kiosk ${i + 1}`));
    }
    return { tablet, kiosks };
  } finally {
    staff.disconnect();
  }
}
