import type { PairResponse } from '@glow/shared';

/**
 * Pairs a tablet over HTTP with a one-time code, as the tablet's pairing screen does. Throws with the hub's answer
 * when pairing is refused. Free of hub imports, so that child processes (crash tests, bench) can use it.
 */
export async function pairTablet(url: string, code: string, deviceName: string, kind: 'tablet' | 'kiosk' = 'tablet'): Promise<PairResponse> {
  const res = await fetch(`${url}/api/devices/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName, kind }),
  });
  if (res.status !== 201) throw new Error(`pairing failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as PairResponse;
}

/** Pairs a lobby kiosk with a one-time kiosk code, as the kiosk's "not a kiosk yet" screen does. */
export const pairKioskDevice = (url: string, code: string, deviceName = 'Test kiosk'): Promise<PairResponse> =>
  pairTablet(url, code, deviceName, 'kiosk');
