import type { DeviceKind, PairResponse } from '@glow/shared';
import { randomPairingCode, randomToken, sha256 } from '../security/secrets.ts';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';

/** A pairing code is good for 15 minutes and for one device: a staff tablet or a lobby kiosk, as made. */
export const PAIRING_CODE_MS = 15 * 60 * 1000;

export function decideCreatePairingCode(
  now: number,
  kind: DeviceKind = 'tablet',
  code = randomPairingCode(),
): Decision<{ code: string; expiresAt: number }> {
  const expiresAt = now + PAIRING_CODE_MS;
  return { changes: { pairingCodes: { [sha256(code)]: { expiresAt, kind } } }, result: { code, expiresAt } };
}

/**
 * Redeems a code: the code is used up and the device gets a secret that only its hash is kept of. A code made for a
 * kiosk does not pair a tablet (nor the reverse), and is not used up by trying: a kiosk credential must never open
 * the staff namespace.
 */
export function decidePair(
  state: Readonly<HubState>,
  now: number,
  input: { code: string; deviceName: string; kind: DeviceKind },
  ids: { deviceId: string; secret: string },
): Decision<PairResponse> | Refusal {
  const codeHash = sha256(input.code);
  const code = state.pairingCodes[codeHash];
  if (!code || code.expiresAt <= now) return refuse('unauthorized', 'bad_pairing_code');
  if (code.kind !== input.kind) return refuse('unauthorized', 'pairing_code_kind');
  // Expired codes are swept whenever a tablet pairs, so the collection stays small.
  const sweep = Object.fromEntries(
    Object.entries(state.pairingCodes)
      .filter(([hash, c]) => hash === codeHash || c.expiresAt <= now)
      .map(([hash]) => [hash, null]),
  );
  const device = { id: ids.deviceId, name: input.deviceName, kind: input.kind, secretHash: sha256(ids.secret), pairedAt: now, revokedAt: null };
  return {
    changes: { pairingCodes: sweep, devices: { [device.id]: device } },
    result: { deviceId: device.id, deviceSecret: ids.secret, pairedAt: now },
  };
}

export const newDeviceSecret = randomToken;
