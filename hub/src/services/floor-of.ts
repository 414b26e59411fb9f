import type { Floor, Visit } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';

/**
 * The live floor the pure assignment and estimate functions work on. The visits are the active ones, from the hub's
 * active-visit index (never a scan of every visit ever made). It carries who is present today, so the planner and the
 * wait estimates both count only staff who are here (no presence record yet: nobody is).
 */
const NOBODY = Object.freeze({});

export function floorOf(state: Readonly<HubState>, activeVisits: readonly Visit[]): Floor {
  return {
    visits: activeVisits,
    rooms: Object.values(state.rooms),
    staff: Object.values(state.staff),
    services: state.services,
    presence: state.meta.presence ?? NOBODY,
  };
}
