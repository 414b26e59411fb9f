import { z } from 'zod';
import { SetupInputSchema, type Language, type SetupResult, type StaffMember, type WeeklyShifts } from '@glow/shared';
import { equalHashes, setupCodeFor, sha256 } from '../security/secrets.ts';
import type { Changes, HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';

/**
 * First start (#13): the salon an empty data directory starts with waits for its owner. One decision takes everything
 * the set-up wizard collected and saves it together, or nothing: the salon's settings, the owner as its manager (their
 * PIN as a salted hash), and the tablet they used, paired as the manager's.
 */

/** Whether the hub still waits for its set-up (the kiosk says "not open yet" and check-ins are refused meanwhile). */
export const setupPending = (state: Readonly<HubState>): boolean => state.meta.salon.setUp === false;

/** The code the start-up banner prints while the set-up is pending, else null. */
export const pendingSetupCode = (state: Readonly<HubState>): string | null =>
  setupPending(state) ? setupCodeFor(state.meta.sessionKey) : null;

/** Whether `code` is this hub's set-up code (compared in constant time). */
export const isSetupCode = (state: Readonly<HubState>, code: string): boolean =>
  equalHashes(sha256(code), sha256(setupCodeFor(state.meta.sessionKey)));

export type SetupData = z.output<typeof SetupInputSchema>;

export type SetupIds = { ownerId: string; deviceId: string; deviceSecret: string };

export function decideSetup(
  state: Readonly<HubState>,
  now: number,
  input: SetupData,
  ids: SetupIds,
  pinCredential: { pinHash: string; salt: string },
): Decision<Omit<SetupResult, 'session'> & { staffId: string }> | Refusal {
  // Checked here, in the one serialised decision, so that two tablets finishing at once cannot both succeed.
  if (!setupPending(state)) return refuse('conflict', 'setup_done');
  if (!isSetupCode(state, input.code)) return refuse('unauthorized', 'bad_setup_code');
  const salon = setUpSalon(state, input, ids.ownerId, pinCredential);
  const device = { id: ids.deviceId, name: input.deviceName, kind: 'tablet' as const, secretHash: sha256(ids.deviceSecret), pairedAt: now, revokedAt: null };
  return {
    changes: { ...salon, devices: { [device.id]: device } },
    result: { deviceId: device.id, deviceSecret: ids.deviceSecret, staffId: ids.ownerId },
  };
}

/** What the set-up saves besides the owner's tablet: the wizard's steps without the code and the tablet's name. */
export type SalonSetUp = Pick<SetupData, 'salon' | 'openingHours' | 'owner'>;

/**
 * The salon's settings and its owner as manager, from a waiting salon: the heart of the set-up, shared by the wizard
 * (decideSetup, which first checks the code and then pairs the owner's tablet) and the demo seed, which sets the demo
 * salon up from the hub itself (seed/demo-commands.ts) so that both build the same records.
 */
export function setUpSalon(
  state: Readonly<HubState>,
  input: SalonSetUp,
  ownerId: string,
  pinCredential: { pinHash: string; salt: string },
): Pick<Changes, 'meta' | 'staff' | 'credentials'> {
  const { timeZone, ...profile } = input.salon;
  const salon = { ...state.meta.salon, ...profile, languages: orderedLanguages(profile.languages), setUp: true };
  const openingHours = input.openingHours.map((d) => (d ? { start: d.start, end: d.end } : null));
  const owner: StaffMember = {
    id: ownerId,
    name: input.owner.name,
    role: 'manager',
    skills: [],
    active: true,
    // The owner works the salon's opening hours until they set their own shifts.
    weeklyShifts: openingHours.map((d) => (d ? { ...d, breaks: [] } : null)) as WeeklyShifts,
  };
  return {
    meta: {
      salon,
      floor: { ...state.meta.floor, timeZone },
      booking: { ...state.meta.booking, openingHours },
    },
    staff: { [owner.id]: owner },
    credentials: { [owner.id]: pinCredential },
  };
}

/** The salon's languages in one order (English first), whatever order they were ticked in. */
export const orderedLanguages = (languages: readonly Language[]): Language[] =>
  (['en', 'zh-CN'] as const).filter((l) => languages.includes(l));
