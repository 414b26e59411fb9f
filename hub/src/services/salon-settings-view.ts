import type { SalonSettingsView } from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import { bookingSettingsOf } from './booking-access.ts';
import { currentQuestionnaires } from './consultation.ts';

/** What the manager's settings screen edits beyond the services and the aftercare settings (the manager only). */
export function salonSettingsOf(state: Readonly<HubState>): SalonSettingsView {
  return { booking: bookingSettingsOf(state), consents: { ...(state.meta.consents ?? {}) }, questionnaires: currentQuestionnaires(state) };
}

/** Whether a change touches what `salonSettingsOf` shows, so that the manager's view gets it again. */
export const touchesSalonSettings = (changes: Changes): boolean =>
  !!(changes.meta?.booking || changes.meta?.consents || changes.questionnaires);
