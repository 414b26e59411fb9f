import type { Changes, HubState, PublicLink } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';

/**
 * A manager revokes a visit's aftercare link (handed to the wrong person, a phone lost): every live aftercare link of
 * the visit stops working at once and then answers exactly like an unknown one. Links are keyed by their token's
 * hash, so finding a visit's links is a scan; it is a rare manager action.
 */
export function decideRevokeAftercareLinks(
  state: Readonly<HubState>,
  now: number,
  visitId: string,
): Decision<{ revoked: number }> | Refusal {
  if (!state.visits[visitId]) return refuse('not_found', 'unknown_visit');
  const links: NonNullable<Changes['links']> = {};
  for (const [hash, link] of Object.entries(state.links)) {
    if (link.visitId === visitId && link.purpose === 'aftercare' && link.revokedAt === null && link.expiresAt > now) {
      links[hash] = { ...link, revokedAt: now } satisfies PublicLink;
    }
  }
  const revoked = Object.keys(links).length;
  if (revoked === 0) return refuse('conflict', 'no_live_link');
  return { changes: { links }, result: { revoked } };
}
