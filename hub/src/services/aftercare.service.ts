import type { Language, LocalizedText, SalonInfo } from '@glow/shared';
import { sha256 } from '../security/secrets.ts';
import type { HubState } from '../store/hub-state.ts';

/** Only what the aftercare page may show: first name, service and aftercare. Never phone, birthday or answers. */
export type AftercareSheet = {
  salon: SalonInfo;
  firstName: string;
  serviceName: LocalizedText;
  aftercare: LocalizedText;
  language: Language;
};

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Looks a link token up. Unknown, malformed, expired and revoked tokens all give the same `null`. */
export function findAftercareSheet(state: Readonly<HubState>, token: string, now: number): AftercareSheet | null {
  if (!TOKEN_SHAPE.test(token)) return null;
  const link = state.links[sha256(token)];
  if (!link || link.purpose !== 'aftercare' || link.revokedAt !== null || link.expiresAt <= now) return null;
  const visit = state.visits[link.visitId];
  const client = visit ? state.clients[visit.clientId] : undefined;
  const service = visit ? state.services[visit.serviceId] : undefined;
  if (!visit || !client || !service) return null;
  return {
    salon: state.meta.salon,
    firstName: client.firstName,
    serviceName: service.name,
    aftercare: service.aftercare,
    language: visit.language,
  };
}
