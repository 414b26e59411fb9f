import {
  describeIssues,
  ErrorBodySchema,
  PairRequestSchema,
  PairResponseSchema,
  type Language,
  type PairRequest,
  type Translate,
} from '@glow/shared';
import { errorText } from './errors.ts';
import type { DeviceCredential } from './storage.ts';

export type PairResult = { ok: true; credential: DeviceCredential } | { ok: false; message: string };

/** Pairs this tablet with the hub using a one-time code (DESIGN §6). Messages come back in `language`. */
export async function pairDevice(request: PairRequest, language: Language, t: Translate): Promise<PairResult> {
  const checked = PairRequestSchema.safeParse(request);
  if (!checked.success) {
    return { ok: false, message: describeIssues(checked.error.issues, t).map((i) => i.message).join(' ') };
  }
  let response: Response;
  try {
    response = await fetch('/api/devices/pair', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': language },
      body: JSON.stringify(checked.data),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, message: t('staff.pair.network') };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const paired = PairResponseSchema.safeParse(body);
    return paired.success
      ? { ok: true, credential: { deviceId: paired.data.deviceId, deviceSecret: paired.data.deviceSecret } }
      : { ok: false, message: t('error.internal') };
  }
  const failed = ErrorBodySchema.safeParse(body);
  if (failed.success) return { ok: false, message: errorText(failed.data.error) };
  return { ok: false, message: t(response.status >= 500 ? 'error.unavailable' : 'staff.pair.network') };
}
