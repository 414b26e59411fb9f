import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';

/**
 * The manager removes a tablet (lost, stolen, replaced): it is marked revoked and can no longer connect. The
 * transport disconnects its sockets as soon as this is committed (see app.ts).
 */
export function decideRevokeDevice(state: Readonly<HubState>, now: number, deviceId: string): Decision<Record<string, never>> | Refusal {
  const device = state.devices[deviceId];
  if (!device) return refuse('not_found', 'device_not_found');
  if (device.revokedAt !== null) return refuse('conflict', 'device_revoked');
  return { changes: { devices: { [device.id]: { ...device, revokedAt: now } } }, result: {} };
}
