import type { StorageLike } from '@glow/shared';

/**
 * This kiosk's pairing with the hub: the device credential the hub gave it (it keeps only the secret's hash), kept
 * in the browser's local storage so that the kiosk is paired once. It is the one thing the kiosk keeps between
 * clients: the reset after each client clears everything else (privacy.ts). Free of zod and of the shared schemas,
 * as it is part of the first load (DESIGN §7 budget).
 */
export const DEVICE_KEY = 'glow.kiosk.device';

export type KioskCredential = { deviceId: string; deviceSecret: string };

export function loadCredential(storage: StorageLike | undefined = safeLocal()): KioskCredential | null {
  try {
    const raw = storage?.getItem(DEVICE_KEY);
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (typeof value !== 'object' || value === null) return null;
    const { deviceId, deviceSecret } = value as Record<string, unknown>;
    return typeof deviceId === 'string' && typeof deviceSecret === 'string' ? { deviceId, deviceSecret } : null;
  } catch {
    return null;
  }
}

/** Stores the credential, or forgets it (null: the manager revoked this kiosk). */
export function saveCredential(credential: KioskCredential | null, storage: StorageLike | undefined = safeLocal()): void {
  try {
    if (credential) storage?.setItem(DEVICE_KEY, JSON.stringify(credential));
    else storage?.removeItem(DEVICE_KEY);
  } catch {
    // Private mode or storage disabled: the kiosk stays paired until the page is reloaded.
  }
}

function safeLocal(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
