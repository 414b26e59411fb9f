import { randomBytes } from 'node:crypto';
import { DEFAULT_AFTERCARE_SETTINGS, DEFAULT_BOOKING_SETTINGS, type FloorSettings, type Language } from '@glow/shared';
import { silentLogger } from '../logger.ts';
import { HubEngine } from '../services/hub-engine.ts';
import { emptyState, type HubState } from '../store/hub-state.ts';
import { MemoryStore } from '../store/memory.store.ts';
import { DEFAULT_CONSENT_TEXTS } from './consent-texts.ts';
import { demoSalonCommands } from './demo-commands.ts';
import { runSeedCommands, type SeedCommand } from './seed-commands.ts';

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
 * The demo salon of the README — five rooms, five staff with PINs and weekly shifts, five services, a consultation per
 * category — built by its list of commands (demo-commands.ts) on a private engine, exactly as `npm run serve -- --demo`
 * builds it on the live one at its first start. Tests and benchmarks seed their hubs with it.
 */
export async function demoSalon(defaultLanguage: Language = 'en', timeZone: string = machineTimeZone()): Promise<HubState> {
  return stateAfterSeed(salonAwaitingSetup(timeZone), demoSalonCommands(defaultLanguage, timeZone));
}

/** The state a salon reaches from `base` through `commands`, run on an engine of its own over a memory store. */
export async function stateAfterSeed(base: HubState, commands: readonly SeedCommand[], clock: () => number = Date.now): Promise<HubState> {
  const engine = new HubEngine(
    { store: new MemoryStore(), clock, logger: silentLogger, seed: async () => base },
    { followUp: () => null, applied: () => {} },
  );
  await engine.open();
  await runSeedCommands(engine, commands);
  await engine.stop();
  return engine.state;
}
