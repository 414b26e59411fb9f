import type { Floor } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { isFinal } from '@glow/shared';

/** The live floor the pure assignment and estimate functions work on: active visits only. */
export function floorOf(state: Readonly<HubState>): Floor {
  return {
    visits: Object.values(state.visits).filter((v) => !isFinal(v.state)),
    rooms: Object.values(state.rooms),
    staff: Object.values(state.staff),
    services: state.services,
  };
}
