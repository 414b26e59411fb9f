import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { equalHashes } from './secrets.ts';

const ClaimsSchema = z.object({ staffId: z.string(), deviceId: z.string(), expiresAt: z.number() });
export type SessionClaims = z.infer<typeof ClaimsSchema>;

/**
 * Staff session tokens are signed, not stored: a hub restart keeps everyone signed in, and a token is only good on
 * the device it was issued to (the handshake checks both), until it expires.
 */
export function signSession(claims: SessionClaims, key: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(body, key)}`;
}

export function verifySession(token: string, key: string, now: number): SessionClaims | null {
  const [body, signature] = token.split('.');
  if (!body || !signature || !equalHashes(signature, mac(body, key))) return null;
  try {
    const claims = ClaimsSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return claims.expiresAt > now ? claims : null;
  } catch {
    return null;
  }
}

const mac = (body: string, key: string) => createHmac('sha256', key).update(body).digest('base64url');
