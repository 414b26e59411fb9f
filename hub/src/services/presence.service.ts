import { markPresent } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';

/**
 * A staff member is here today: they signed in on a tablet (`by` is themselves), or the desk marks them present (a
 * beautician working without a tablet of their own today). Only staff present today are offered clients by the
 * planner (auto-assign.ts). Nothing is written when they were already present today.
 */
export function decideMarkPresent(
  state: Readonly<HubState>,
  now: number,
  today: string,
  staffId: string,
  by: string,
): Decision<{ staffId: string }> | Refusal {
  if (!state.staff[staffId]?.active) return refuse('not_found', 'unknown_staff');
  const presence = markPresent(state.meta.presence ?? {}, staffId, today, now, by);
  return { changes: presence ? { meta: { presence } } : {}, result: { staffId } };
}
