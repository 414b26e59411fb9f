import type { Visit } from '@glow/shared';
import type { VisitDigest } from './store.port.ts';

/**
 * A closed visit as the daily follow-up sweep sums it up (store.port.ts VisitDigest): the instant its salon day is read
 * from is the one `closedDay` reads (closed, else began, else checked in). Null for a visit not closed or without any
 * of those times (the summary skips those too). The month worker makes the same digests (month-reader.ts).
 */
export function digestOfVisit(visit: Pick<Visit, 'id' | 'clientId' | 'state' | 'times' | 'serviceId' | 'staffId'>): VisitDigest | null {
  const at = visit.times.closed ?? visit.times.in_service ?? visit.times.checked_in;
  if (visit.state !== 'closed' || at === undefined) return null;
  return { id: visit.id, clientId: visit.clientId, state: 'closed', serviceId: visit.serviceId, staffId: visit.staffId, times: { closed: at } };
}
