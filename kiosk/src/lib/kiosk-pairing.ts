import { ErrorBodySchema, PairResponseSchema, type Language } from '@glow/shared';
import type { KioskCredential } from './kiosk-device.ts';

export type KioskPairResult = { ok: true; credential: KioskCredential } | { ok: false; message: string };

/** What the pairing says when the hub gave no message of its own (network down, an answer it could not read). */
export type PairingFallbacks = { network: string; unavailable: string };

/**
 * Pairs this browser as a kiosk with a one-time kiosk code (the hub's /api/devices/pair, kind `kiosk`). The hub's
 * refusals (wrong or expired code, a tablet's code, too many tries) come back in `language`. Loaded only by the
 * "not a kiosk yet" screen.
 */
export async function pairKiosk(
  request: { code: string; deviceName: string },
  language: Language,
  fallbacks: PairingFallbacks,
  fetcher: typeof fetch = fetch,
): Promise<KioskPairResult> {
  let response: Response;
  try {
    response = await fetcher('/api/devices/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': language },
      body: JSON.stringify({ ...request, kind: 'kiosk' }),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, message: fallbacks.network };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const paired = PairResponseSchema.safeParse(body);
    return paired.success
      ? { ok: true, credential: { deviceId: paired.data.deviceId, deviceSecret: paired.data.deviceSecret } }
      : { ok: false, message: fallbacks.unavailable };
  }
  const failed = ErrorBodySchema.safeParse(body);
  if (failed.success) return { ok: false, message: failed.data.error.message };
  return { ok: false, message: response.status >= 500 ? fallbacks.unavailable : fallbacks.network };
}
