import { expect } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, newCommandId, type StaffSnapshot } from '@glow/shared';

/**
 * Clients for tests that kill the hub process (crash and fault suites): free of hub imports, so they talk to a hub
 * in a child process only over the wire.
 */

/** A kiosk socket. Without `reconnect` it gives up when the hub goes away (the test opens a new one). */
export const kioskSocket = (url: string, options: { reconnect?: boolean } = {}): Socket =>
  io(url + NAMESPACES.kiosk, {
    auth: { protocolVersion: PROTOCOL_VERSION, language: 'en' },
    transports: ['websocket'],
    forceNew: true,
    // As the apps do: come back quickly once the hub is up again.
    ...(options.reconnect ? { reconnectionDelay: 100, reconnectionDelayMax: 500 } : { reconnection: false }),
  });

export type PairedDevice = { deviceId: string; deviceSecret: string };

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
