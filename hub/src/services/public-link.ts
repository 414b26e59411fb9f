import { sha256 } from '../security/secrets.ts';
import type { HubState, PublicLink } from '../store/hub-state.ts';

/** A link token as the hub hands it out: 256 bits, base64url (DESIGN §6). Anything else is not looked up at all. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * A client's link by its token, if it is live for `purpose`: stored by the token's SHA-256 (never the token), one
 * purpose each, expiring, revocable. Unknown, malformed, expired, revoked and other-purpose tokens all give the same
 * `null`, so that the pages answer them alike.
 */
export function findLiveLink(
  state: Readonly<HubState>,
  token: string,
  purpose: PublicLink['purpose'],
  now: number,
): { tokenHash: string; link: PublicLink } | null {
  if (!TOKEN_SHAPE.test(token)) return null;
  const tokenHash = sha256(token);
  const link = state.links[tokenHash];
  if (!link || link.purpose !== purpose || link.revokedAt !== null || link.expiresAt <= now) return null;
  return { tokenHash, link };
}
