import { defaultFloorSettings } from '../seed/salon-seed.ts';
import type { Changes, HubState } from '../store/hub-state.ts';

/**
 * Data written before the floor settings and incidents existed: the defaults, once, with the time zone this hub was
 * started in (journaled at start-up by createHub); null when the data has them.
 */
export function metaUpgrade(state: Readonly<HubState>, timeZone: string | undefined): Changes | null {
  const meta = state.meta as Partial<HubState['meta']>;
  if (meta.floor && meta.incidents) return null;
  return { meta: { floor: meta.floor ?? defaultFloorSettings(timeZone), incidents: meta.incidents ?? {} } };
}
