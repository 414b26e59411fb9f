import type { SalonProfile } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import type { Decision } from './hub-engine.ts';
import { orderedLanguages } from './setup.service.ts';

/**
 * The manager changes the salon's name, languages, date format, currency, time zone or closed days (checked field by
 * field by SalonProfileInputSchema). The time zone stays in the floor settings, where shifts and day tickets read it.
 */
export function decideSalonProfile(state: Readonly<HubState>, input: SalonProfile): Decision<Record<string, never>> {
  const { timeZone, ...profile } = input;
  const salon = { ...state.meta.salon, ...profile, languages: orderedLanguages(profile.languages), closedDates: [...profile.closedDates].sort() };
  return { changes: { meta: { salon, floor: { ...state.meta.floor, timeZone } } }, result: {} };
}
