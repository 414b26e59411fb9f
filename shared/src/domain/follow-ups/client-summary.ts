import type { Service } from '../../schemas/service.schema.ts';
import type { Visit } from '../../schemas/visit.schema.ts';
import type { ClientHistorySummary } from './client-class.ts';
import { addDays, fastSalonDay } from './salon-dates.ts';

/** A client's history as the class and win-back rules read it, with her latest closed visit. */
export type ClientVisitSummary = ClientHistorySummary & {
  lastVisit: { visitId: string; serviceId: string; staffId: string | null; day: string } | null;
};

/** The salon day a visit closed on; null when it is not closed. */
export function closedDay(visit: Pick<Visit, 'state' | 'times'>, timeZone: string): string | null {
  if (visit.state !== 'closed') return null;
  const at = visit.times.closed ?? visit.times.in_service ?? visit.times.checked_in;
  return at === undefined ? null : fastSalonDay(at, timeZone);
}

/**
 * One client's closed visits (any order, any mix of months) summed up on `today`: the days she came, what she spent
 * in the last 12 months at the services' prices (null when no service has a price), her latest service's usual
 * interval, her latest visit. What `classifyClient` and the win-back read; the client record shows the badge from it.
 */
export function summarizeClientVisits(
  visits: Iterable<Pick<Visit, 'id' | 'state' | 'times' | 'serviceId' | 'staffId'>>,
  services: Readonly<Record<string, Pick<Service, 'priceMinor' | 'usualIntervalWeeks'>>>,
  timeZone: string,
  today: string,
): ClientVisitSummary {
  const yearAgo = addDays(today, -365);
  const visitDays: string[] = [];
  let spend: number | null = null;
  let lastVisit: ClientVisitSummary['lastVisit'] = null;
  for (const visit of visits) {
    const day = closedDay(visit, timeZone);
    if (!day || day > today) continue;
    visitDays.push(day);
    const price = services[visit.serviceId]?.priceMinor;
    if (day > yearAgo && price !== undefined) spend = (spend ?? 0) + price;
    if (!lastVisit || day > lastVisit.day || (day === lastVisit.day && visit.id > lastVisit.visitId)) {
      lastVisit = { visitId: visit.id, serviceId: visit.serviceId, staffId: visit.staffId, day };
    }
  }
  const weeks = lastVisit ? services[lastVisit.serviceId]?.usualIntervalWeeks : null;
  return { visitDays, spendLastYearMinor: spend, serviceIntervalDays: weeks ? weeks * 7 : null, lastVisit };
}
