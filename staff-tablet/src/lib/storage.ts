import type { AftercareNotes, Language } from '@glow/shared';
import { LANGUAGES } from '@glow/shared';

/** What this tablet keeps between reloads. The device credential outlives staff sessions; the session token does not. */
const KEYS = {
  device: 'glow.staff.device',
  session: 'glow.staff.session',
  language: 'glow.staff.language',
  aftercare: 'glow.staff.aftercare',
  outbox: 'glow.staff.outbox',
  locked: 'glow.staff.locked',
  lastRoom: 'glow.staff.lastRoom',
  aftercareDraft: 'glow.staff.aftercareDraft',
  labels: 'glow.staff.pendingLabels',
} as const;

export const OUTBOX_KEY = KEYS.outbox;

export type DeviceCredential = { deviceId: string; deviceSecret: string };

/** The aftercare QR still on screen, so that a reload in front of the client shows it again. */
export type AftercareShown = {
  visitId: string;
  url: string;
  expiresAt: number;
  roomId: string | null;
  /** The client's language: the QR screen is theirs to read. */
  language: Language;
};

function read(storage: Storage | undefined, key: string): unknown {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function write(storage: Storage | undefined, key: string, value: unknown): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full disk: the tablet still works, it just forgets on reload.
  }
}

const local = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);
const session = (): Storage | undefined => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function loadDevice(): DeviceCredential | null {
  const v = read(local(), KEYS.device);
  return isRecord(v) && typeof v.deviceId === 'string' && typeof v.deviceSecret === 'string'
    ? { deviceId: v.deviceId, deviceSecret: v.deviceSecret }
    : null;
}
export const saveDevice = (c: DeviceCredential | null): void => write(local(), KEYS.device, c);

export function loadSessionToken(): string | null {
  const v = read(session(), KEYS.session);
  return typeof v === 'string' ? v : null;
}
export const saveSessionToken = (token: string | null): void => write(session(), KEYS.session, token);

export function loadLanguage(): Language | null {
  const v = read(local(), KEYS.language);
  return (LANGUAGES as readonly unknown[]).includes(v) ? (v as Language) : null;
}
export const saveLanguage = (language: Language): void => write(local(), KEYS.language, language);

export function loadAftercare(): AftercareShown | null {
  const v = read(session(), KEYS.aftercare);
  return isRecord(v) && typeof v.visitId === 'string' && typeof v.url === 'string' && typeof v.expiresAt === 'number'
    ? {
        visitId: v.visitId,
        url: v.url,
        expiresAt: v.expiresAt,
        roomId: typeof v.roomId === 'string' ? v.roomId : null,
        language: (LANGUAGES as readonly unknown[]).includes(v.language) ? (v.language as Language) : 'en',
      }
    : null;
}
export const saveAftercare = (a: AftercareShown | null): void => write(session(), KEYS.aftercare, a);

/** Commands of a device whose pairing was revoked must not be replayed under a new pairing. */
export const clearOutbox = (): void => write(local(), KEYS.outbox, null);

/** The staff member whose screen is locked (idle): a reload keeps it locked. */
export function loadLocked(): string | null {
  const v = read(session(), KEYS.locked);
  return typeof v === 'string' ? v : null;
}
export const saveLocked = (staffId: string | null): void => write(session(), KEYS.locked, staffId);

/** The room this tablet's beautician last worked in: it shows "cleaning" there after the client leaves. */
export function loadLastRoom(): string | null {
  const v = read(session(), KEYS.lastRoom);
  return typeof v === 'string' ? v : null;
}
export const saveLastRoom = (roomId: string | null): void => write(session(), KEYS.lastRoom, roomId);

/** Aftercare the beautician writes during the session, sent with `visit:close`. */
export type AftercareDraft = { visitId: string } & AftercareNotes;

export function loadAftercareDraft(visitId: string): AftercareDraft | null {
  const v = read(session(), KEYS.aftercareDraft);
  if (!isRecord(v) || v.visitId !== visitId || typeof v.notes !== 'string' || !Array.isArray(v.homeProducts)) return null;
  const homeProducts = v.homeProducts
    .filter(isRecord)
    .map((p) => ({ name: String(p.name ?? ''), howToUse: String(p.howToUse ?? '') }));
  const recommendedProductIds = Array.isArray(v.recommendedProductIds)
    ? v.recommendedProductIds.filter((id): id is string => typeof id === 'string')
    : [];
  return { visitId, notes: v.notes, homeProducts, recommendedProductIds };
}
export const saveAftercareDraft = (draft: AftercareDraft | null): void => write(session(), KEYS.aftercareDraft, draft);

/** Tickets and room names of queued commands, so that the offline banner can name them even after a reload. */
export type PendingLabels = Record<string, string>;

export function loadPendingLabels(): PendingLabels {
  const v = read(local(), KEYS.labels);
  if (!isRecord(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
export const savePendingLabels = (labels: PendingLabels | null): void =>
  write(local(), KEYS.labels, labels && Object.keys(labels).length ? labels : null);
