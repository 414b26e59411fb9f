import { createHmac } from 'node:crypto';
import { equalHashes } from './secrets.ts';

/** How long a confirmed kiosk visitor may take to finish checking in. */
export const VISITOR_TOKEN_MS = 30 * 60_000;

/** A key of its own for each use of the hub's secret, so a token of one kind can never pass as another. */
export const derivedKey = (hubKey: string, purpose: string): string =>
  createHmac('sha256', hubKey).update(`glow-key\u0000${purpose}`).digest('base64url');

const mac = (key: string, clientId: string, expiresAt: number) =>
  createHmac('sha256', derivedKey(key, 'visitor-token')).update(`${clientId}\u0000${expiresAt}`).digest('base64url');

/**
 * The proof that a person at the kiosk picked their own masked name: the client id and an expiry, signed with the
 * hub's key. It is never stored (a restart keeps it valid until it expires), and it carries nothing the kiosk could
 * show: the client id is a random id.
 */
export function signVisitorToken(key: string, clientId: string, expiresAt: number): string {
  return `${clientId}.${expiresAt}.${mac(key, clientId, expiresAt)}`;
}

/** The client a token names, or null when it is forged, malformed or expired. */
export function verifyVisitorToken(key: string, token: string, now: number): string | null {
  const [clientId, exp, signature, extra] = token.split('.');
  if (!clientId || !exp || !signature || extra !== undefined || !/^\d{1,15}$/.test(exp)) return null;
  const expiresAt = Number(exp);
  if (expiresAt <= now) return null;
  return equalHashes(signature, mac(key, clientId, expiresAt)) ? clientId : null;
}
