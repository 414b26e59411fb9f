import { grantedConsents, todayBooking, type KnownVisitor } from '@glow/shared';
import { signVisitorToken, VISITOR_TOKEN_MS } from '../security/visitor-token.ts';
import type { HubState } from '../store/hub-state.ts';

/**
 * What the kiosk learns once a person proved who they are by scanning their booking's QR (a phone number alone
 * proves nothing and gets none of this):
 * a visitor token for the check-in, their first name and language, last answers per category, which consent
 * versions they granted, and today's booking. Nothing else: no phone, no family name, no birthday.
 */
export function knownVisitor(state: Readonly<HubState>, clientId: string, now: number): KnownVisitor | null {
  const client = state.clients[clientId];
  if (!client) return null;
  return {
    known: true,
    visitorToken: signVisitorToken(state.meta.sessionKey, client.id, now + VISITOR_TOKEN_MS),
    firstName: client.firstName,
    language: client.language,
    lastAnswers: { ...(client.lastAnswers ?? {}) },
    consents: grantedConsents(client.consents),
    booking: todayBooking(Object.values(state.bookings ?? {}), client.id, now, state.meta.booking, state.meta.floor.timeZone),
  };
}
