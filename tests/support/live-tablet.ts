import { LiveView, NAMESPACES, PROTOCOL_VERSION, newCommandId, type PairResponse, type StaffSnapshot, type StaffView } from '@glow/shared';
import { io, type Socket } from 'socket.io-client';

/**
 * A staff tablet as the app runs it: a socket.io client with reconnection on, the shared LiveView applying snapshots
 * and patches (and asking for a snapshot on a gap), and the session token in the handshake so that a reconnect keeps
 * it signed in (a hub restart ends every session: the tablet comes back signed out).
 */
export type LiveTablet = {
  socket: Socket;
  live: LiveView<StaffView>;
  /** Every revision the view went through, in order (snapshots and patches). */
  revisions: number[];
  /** Snapshots received (the first on connect, then one per reconnect or resync). */
  snapshots: number;
  close(): void;
};

export async function openTablet(
  url: string,
  device: PairResponse,
  login?: { staffId: string; pin: string },
  options: { reconnectionDelay?: number; reconnectionDelayMax?: number } = {},
): Promise<LiveTablet> {
  const auth: Record<string, unknown> = { protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, deviceSecret: device.deviceSecret, language: 'en' };
  const socket = io(url + NAMESPACES.staff, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: options.reconnectionDelay ?? 250,
    reconnectionDelayMax: options.reconnectionDelayMax ?? 1000,
  });
  const tablet: LiveTablet = {
    socket,
    live: null as unknown as LiveView<StaffView>,
    revisions: [],
    snapshots: 0,
    close: () => {
      tablet.live.dispose();
      socket.disconnect();
    },
  };
  socket.on('sync:snapshot', () => (tablet.snapshots += 1));
  tablet.live = new LiveView<StaffView>(socket, (s) => tablet.revisions.push(s.revision));
  await until(() => tablet.live.snapshot !== null, 5000, 'first snapshot');
  if (login) {
    const before = tablet.snapshots;
    const ack = await socket.timeout(5000).emitWithAck('auth:login', { commandId: newCommandId(), ...login });
    if (!ack.ok) throw new Error(`login failed: ${ack.error.message}`);
    auth.sessionToken = ack.data.token;
    await until(() => tablet.snapshots > before, 5000, 'snapshot after login');
  }
  return tablet;
}

/** A fresh snapshot of what this tablet's signed-in person may see, asked for on the tablet's own socket. */
export function freshSnapshot(tablet: LiveTablet, timeoutMs = 5000): Promise<StaffSnapshot> {
  return tablet.socket.timeout(timeoutMs).emitWithAck('sync:resync');
}

export async function until(check: () => boolean, timeoutMs: number, what: string, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Whether the tablet shows exactly what the hub would send it now: its LiveView (snapshot plus every patch applied)
 * equals a fresh snapshot taken at the same revision. Retries while revisions move (the floor tick may add one).
 */
export async function inSync(tablet: LiveTablet): Promise<{ ok: boolean; revision: number; diff?: string }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const fresh = await freshSnapshot(tablet);
    const held = tablet.live.snapshot;
    if (!held) return { ok: false, revision: fresh.revision, diff: 'no snapshot held' };
    if (held.revision !== fresh.revision) {
      await new Promise((r) => setTimeout(r, 20));
      continue;
    }
    const a = JSON.stringify(sortKeys(held.view));
    const b = JSON.stringify(sortKeys(fresh.view));
    return a === b ? { ok: true, revision: held.revision } : { ok: false, revision: held.revision, diff: firstDifference(held.view, fresh.view) };
  }
  return { ok: false, revision: -1, diff: 'revisions kept moving' };
}

function sortKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x && typeof x === 'object') {
    return Object.fromEntries(Object.keys(x as object).sort().map((k) => [k, sortKeys((x as Record<string, unknown>)[k])]));
  }
  return x;
}

function firstDifference(a: StaffView, b: StaffView): string {
  for (const key of Object.keys(b) as (keyof StaffView)[]) {
    const ca = a[key] as Record<string, unknown>;
    const cb = b[key] as Record<string, unknown>;
    for (const id of new Set([...Object.keys(ca ?? {}), ...Object.keys(cb ?? {})])) {
      if (JSON.stringify(sortKeys(ca?.[id])) !== JSON.stringify(sortKeys(cb?.[id]))) {
        return `${key}.${id}: tablet ${JSON.stringify(ca?.[id])} vs hub ${JSON.stringify(cb?.[id])}`;
      }
    }
  }
  return 'no difference found';
}
