import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';

/**
 * A staff member's new PIN (#13), set by the manager or by themselves: the journal gets only its salted hash (made
 * before the decision, which must not wait). A staff member who has left keeps no PIN to set.
 */
export function decideSetPin(
  state: Readonly<HubState>,
  staffId: string,
  credential: { pinHash: string; salt: string },
): Decision<Record<string, never>> | Refusal {
  const staff = state.staff[staffId];
  if (!staff?.active) return refuse('not_found', 'unknown_staff');
  return { changes: { credentials: { [staffId]: credential } }, result: {} };
}
