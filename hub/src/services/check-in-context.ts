import type { HubState } from '../store/hub-state.ts';
import { verifyVisitorToken } from '../security/visitor-token.ts';
import type { ActiveVisits } from './active-visits.ts';
import type { CheckInContext } from './checkin.service.ts';
import type { ClientIndex } from './client-index.ts';
import type { DerivedFigures } from './derived-figures.ts';

/**
 * What a check-in decision reads besides the state, the same for the kiosk's and the front desk's channel: the
 * salon's day, the owner of the phone number, the visits on the floor and their waits, whether the client was
 * served before, and whether a visitor token is genuine (under the hub's key, which stays here).
 */
export type CheckInContextOf = (state: Readonly<HubState>, now: number, phone: string) => CheckInContext;

export function checkInContextOf(deps: {
  today: (now: number) => string;
  newId: () => string;
  clients: ClientIndex;
  active: ActiveVisits;
  figures: DerivedFigures;
}): CheckInContextOf {
  return (state, now, phone) => ({
    today: deps.today(now),
    newId: deps.newId,
    existingClientId: deps.clients.find(phone),
    verifyVisitor: (token, at) => verifyVisitorToken(state.meta.sessionKey, token, at),
    servedBefore: (clientId) => deps.active.servedBefore(clientId),
    activeVisits: deps.active.list(state),
    waitOf: (visit) => deps.figures.waitOf(visit, now),
  });
}
