import {
  NAMESPACES,
  PROTOCOL_VERSION,
  newCommandId,
  type KioskSnapshot,
  type PairResponse,
  type StaffSnapshot,
} from '@glow/shared';
import { io, type Socket } from 'socket.io-client';
import { useConsentTexts } from './checkins.ts';
import { within } from './stats.ts';

/** Socket helpers of the bench: plain socket.io clients, as the kiosk and the tablets are. */
export type Device = Pick<PairResponse, 'deviceId' | 'deviceSecret'>;

const options = { transports: ['websocket'], forceNew: true, reconnection: false };

function once<T>(socket: Socket, event: string, timeoutMs: number): Promise<T> {
  return within(new Promise<T>((resolve) => socket.once(event, resolve)), timeoutMs, event);
}

/** Where a kiosk code for the hub at a URL comes from (set by HubChild when the hub is ready). */
export const kioskCodes = new Map<string, () => Promise<string>>();

/** A new lobby kiosk, paired with a kiosk code of the hub at `url`, as the manager pairs one. */
export async function pairKiosk(url: string, name = 'Bench kiosk'): Promise<Device> {
  const code = kioskCodes.get(url);
  if (!code) throw new Error(`no kiosk codes for ${url}: start the hub with HubChild`);
  return pairKioskDevice(url, await code(), name);
}

export async function connectKiosk(url: string, device?: Device): Promise<{ socket: Socket; snapshot: KioskSnapshot }> {
  const paired = device ?? (await pairKiosk(url));
  const auth = { protocolVersion: PROTOCOL_VERSION, deviceId: paired.deviceId, deviceSecret: paired.deviceSecret, language: 'en' };
  const socket = io(url + NAMESPACES.kiosk, { ...options, auth });
  const snapshot = await once<KioskSnapshot>(socket, 'sync:snapshot', 30_000);
  useConsentTexts(snapshot.view.consents);
  return { socket, snapshot };
}

/** Pairing, as everywhere in the tests. */
export { pairTablet as pairDevice } from '../../support/pair-tablet.ts';
import { pairKioskDevice } from '../../support/pair-tablet.ts';

/** A tablet socket with a staff member signed in; resolves with the snapshot of what they may see. */
export async function connectStaff(
  url: string,
  device: Device,
  login: { staffId: string; pin: string },
): Promise<{ socket: Socket; snapshot: StaffSnapshot }> {
  const socket = io(url + NAMESPACES.staff, {
    ...options,
    auth: { protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, deviceSecret: device.deviceSecret, language: 'en' },
  });
  await once<StaffSnapshot>(socket, 'sync:snapshot', 30_000);
  const afterLogin = once<StaffSnapshot>(socket, 'sync:snapshot', 30_000);
  const ack = (await socket.timeout(30_000).emitWithAck('auth:login', { commandId: newCommandId(), ...login })) as {
    ok: boolean;
    error?: { message: string };
  };
  if (!ack.ok) throw new Error(`login of ${login.staffId} failed: ${ack.error?.message}`);
  return { socket, snapshot: await afterLogin };
}

export type AckLike<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; reason?: string; message: string } };

/** Sends a command and resolves with its Ack (throws on timeout). */
export function command<T = unknown>(socket: Socket, name: string, input: object, timeoutMs = 30_000): Promise<AckLike<T>> {
  return socket.timeout(timeoutMs).emitWithAck(name, { commandId: newCommandId(), ...input }) as Promise<AckLike<T>>;
}

export function expectOk<T>(ack: AckLike<T>, what: string): T {
  if (!ack.ok) throw new Error(`${what}: ${ack.error.code}${ack.error.reason ? `/${ack.error.reason}` : ''}: ${ack.error.message}`);
  return ack.data;
}
