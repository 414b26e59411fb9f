import type { SalonView } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';

/**
 * What every screen receives about the salon in its snapshot: the stored settings (name, languages, locale, currency,
 * closed days, whether it is set up) and the time zone, kept with the floor settings, that every date is shown in.
 */
export const salonView = (state: Readonly<HubState>): SalonView => ({ ...state.meta.salon, timeZone: state.meta.floor.timeZone });

/**
 * Whether a change touches what `salonView` shows (the salon's settings; a new time zone comes with them, see
 * salon-profile.service.ts). Patches do not carry it, so every screen then gets a new snapshot.
 */
export const touchesSalonView = (changes: { meta?: { salon?: unknown } }): boolean => changes.meta?.salon !== undefined;
