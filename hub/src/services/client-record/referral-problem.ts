import type { HubState } from '../../store/hub-state.ts';
import { refuse, type Refusal } from '../app-error.ts';

/** Longer referral chains than this are not followed (a salon's are a few clients long). */
const CHAIN_LIMIT = 1000;

/**
 * Whether `referrerId` may be recorded as who referred `clientId` (#16): not the client herself, a client the hub
 * knows and who was not merged away (the desk picks the kept record), and no loop — following who referred the
 * referrer never comes back to this client (A→B→A, or longer).
 */
export function referralRefusal(state: Readonly<Pick<HubState, 'clients'>>, clientId: string, referrerId: string): Refusal | null {
  const field = [{ field: 'referredBy', rule: 'referral_invalid' }];
  if (referrerId === clientId) return refuse('invalid_input', 'referral_self', undefined, field);
  const referrer = state.clients[referrerId];
  if (!referrer) return refuse('not_found', 'referrer_unknown', undefined, field);
  if (referrer.mergedInto !== undefined) return refuse('conflict', 'referrer_merged', undefined, field);
  const seen = new Set<string>([referrerId]);
  let next = referrer.referredBy ?? null;
  for (let hops = 0; next !== null && hops < CHAIN_LIMIT; hops++) {
    if (next === clientId) {
      const name = `${referrer.firstName} ${referrer.lastName}`.trim();
      return refuse('conflict', 'referral_loop', { name }, field);
    }
    if (seen.has(next)) return null; // an older loop elsewhere in the chain (not through this client)
    seen.add(next);
    next = state.clients[next]?.referredBy ?? null;
  }
  return null;
}
