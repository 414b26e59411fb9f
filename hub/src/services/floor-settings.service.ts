import type { HubState } from '../store/hub-state.ts';
import type { Decision } from './hub-engine.ts';

/** Pauses or resumes auto-assignment (the front desk places everyone by hand while it is paused). */
export function decideSetAutoAssign(state: Readonly<HubState>, _now: number, enabled: boolean): Decision<Record<string, never>> {
  return { changes: { meta: { floor: { ...state.meta.floor, autoAssign: enabled } } }, result: {} };
}
