import type { PairResponse } from '@glow/shared';
import { randomPairingCode, randomToken, sha256 } from '../security/secrets.ts';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';

/** A pairing code is good for 15 minutes and for one tablet. */
export const PAIRING_CODE_MS = 15 * 60 * 1000;

export function decideCreatePairingCode(now: number, code = randomPairingCode()): Decision<{ code: string; expiresAt: number }> {
  const expiresAt = now + PAIRING_CODE_MS;
  return { changes: { pairingCodes: { [sha256(code)]: { expiresAt } } }, result: { code, expiresAt } };
}

/** Redeems a code: the code is used up and the tablet gets a secret that only its hash is kept of. */
export function decidePair(
  state: Readonly<HubState>,
  now: number,
  input: { code: string; deviceName: string },
  ids: { deviceId: string; secret: string },
): Decision<PairResponse> | Refusal {
  const codeHash = sha256(input.code);
  const code = state.pairingCodes[codeHash];
  if (!code || code.expiresAt <= now) return refuse('unauthorized', 'bad_pairing_code');
  // Expired codes are swept whenever a tablet pairs, so the collection stays small.
  const sweep = Object.fromEntries(
    Object.entries(state.pairingCodes)
      .filter(([hash, c]) => hash === codeHash || c.expiresAt <= now)
      .map(([hash]) => [hash, null]),
  );
  const device = { id: ids.deviceId, name: input.deviceName, secretHash: sha256(ids.secret), pairedAt: now, revokedAt: null };
  return {
    changes: { pairingCodes: sweep, devices: { [device.id]: device } },
    result: { deviceId: device.id, deviceSecret: ids.secret, pairedAt: now },
  };
}

export const newDeviceSecret = randomToken;
