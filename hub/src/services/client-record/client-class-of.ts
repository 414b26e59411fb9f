import { classifyClient, summarizeClientVisits, type ClientRecord, type Visit } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { followUpSettingsOf } from '../follow-ups/follow-up-settings.ts';

/**
 * The client's class badge (#16) by the salon's rules (shared `classifyClient` on the summary of her closed visits,
 * the same the win-back reads): new, regular, VIP, at risk or lapsed on the salon's `today`.
 */
export function clientClassOf(state: Readonly<HubState>, visits: readonly Visit[], today: string): ClientRecord['clientClass'] {
  const summary = summarizeClientVisits(visits, state.services, state.meta.floor.timeZone, today);
  return classifyClient(summary, followUpSettingsOf(state).classes, today);
}
