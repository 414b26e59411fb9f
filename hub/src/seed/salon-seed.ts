import { randomBytes } from 'node:crypto';
import { DEFAULT_AFTERCARE_SETTINGS, DEFAULT_BOOKING_SETTINGS, type FloorSettings, type Language } from '@glow/shared';
import { hashPin } from '../security/secrets.ts';
import { emptyState, type HubState } from '../store/hub-state.ts';
import { DEMO_AFTERCARE_SETTINGS, withDemoGuide } from './demo-aftercare.ts';
import { DEFAULT_CONSENT_TEXTS } from './consent-texts.ts';
import { DEMO_QUESTIONNAIRES, DEMO_ROOMS, DEMO_SERVICES, DEMO_STAFF } from './demo-catalogue.ts';

const byId = <T extends { id: string }>(items: readonly T[]) => Object.fromEntries(items.map((x) => [x.id, x]));

/** The hub machine's IANA time zone: a new salon's default, changed by the manager if the hub runs elsewhere. */
export const machineTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** How a new salon's floor runs until the manager changes it. */
export function defaultFloorSettings(timeZone: string = machineTimeZone()): FloorSettings {
  return { autoAssign: true, preferredWaitLimitMin: 20, timeZone };
}

/** A salon with nothing in it yet but its name: the manager sets up the rest. */
export function emptySalon(name: string, defaultLanguage: Language = 'en', timeZone: string = machineTimeZone()): HubState {
  return emptyState({
    salon: { name, defaultLanguage, languages: ['en', 'zh-CN'], locale: 'en-GB', currency: 'CNY', closedDates: [], setUp: true },
    ticket: { day: '', last: 0 },
    sessionKey: randomBytes(32).toString('base64url'),
    floor: defaultFloorSettings(timeZone),
    incidents: {},
    booking: structuredClone(DEFAULT_BOOKING_SETTINGS),
    aftercare: structuredClone(DEFAULT_AFTERCARE_SETTINGS),
    // Sensible starting texts; the salon rewords them (each rewording is a new version).
    consents: structuredClone(DEFAULT_CONSENT_TEXTS),
  });
}

/**
 * A real salon's first start (#13): nothing but the hub's key and defaults, waiting for its owner. The start-up banner
 * prints the set-up code derived from the key; the first tablet that opens /staff/ with it sets the salon up (name,
 * languages, time zone, currency, hours, the owner and their PIN) in one command. No staff, no PIN, nothing to log.
 */
export function salonAwaitingSetup(timeZone?: string): HubState {
  const state = emptySalon('', 'en', timeZone);
  state.meta.salon.setUp = false;
  return state;
}

/**
 * The demo salon of the README: five rooms, five staff with PINs and weekly shifts, five services, a consultation per
 * category.
 */
export async function demoSalon(defaultLanguage: Language = 'en', timeZone?: string): Promise<HubState> {
  const state = emptySalon('Glow Demo Salon', defaultLanguage, timeZone);
  state.services = byId(DEMO_SERVICES.map(withDemoGuide));
  state.meta.aftercare = structuredClone(DEMO_AFTERCARE_SETTINGS);
  // Open every day, so that booking from the demo works whatever day it is tried on; changes up to 12 hours before.
  state.meta.booking = {
    ...structuredClone(DEFAULT_BOOKING_SETTINGS),
    openingHours: Array.from({ length: 7 }, () => ({ start: '09:00', end: '20:00' })),
    changeCutoffHours: 12,
  };
  state.rooms = byId(DEMO_ROOMS);
  state.questionnaires = byId(DEMO_QUESTIONNAIRES);
  for (const { pin, ...member } of DEMO_STAFF) {
    state.staff[member.id] = member;
    state.credentials[member.id] = await hashPin(pin);
  }
  return state;
}
