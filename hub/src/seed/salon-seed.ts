import { randomBytes, randomInt } from 'node:crypto';
import { DEFAULT_AFTERCARE_SETTINGS, DEFAULT_BOOKING_SETTINGS, type FloorSettings, type Language, type WeeklyShifts } from '@glow/shared';
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
    salon: { name, defaultLanguage, languages: ['en', 'zh-CN'] },
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

/** Office hours for staff who do not take clients (front desk, manager) until the manager sets real ones. */
const OFFICE_HOURS: WeeklyShifts = Array.from({ length: 7 }, () => ({ start: '09:00', end: '19:00', breaks: [] }));

/** A real salon's first start: an empty salon and one manager whose random PIN the start-up log shows once. */
export async function emptySalonWithManager(name: string, timeZone?: string): Promise<{ state: HubState; pin: string }> {
  const state = emptySalon(name, 'en', timeZone);
  const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
  state.staff.manager = { id: 'manager', name: 'Manager', role: 'manager', skills: [], active: true, weeklyShifts: OFFICE_HOURS };
  state.credentials.manager = await hashPin(pin);
  return { state, pin };
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
