import type { KioskView, Language, Service, ServiceCategory, Ticket, VisitState } from '@glow/shared';

/** States in which a ticket is still waiting in the lobby (not yet taken by a beautician). */
export const WAITING_STATES: readonly VisitState[] = ['checked_in', 'queued'];

export const isWaiting = (ticket: Ticket): boolean => WAITING_STATES.includes(ticket.state);

export type ServiceGroup = { category: ServiceCategory; label: string; services: Service[] };

/**
 * Services grouped by the salon's categories (#13: categories are the salon's own data, named in both languages), in
 * the salon's order, each group sorted by name in the screen's language. A service whose category the kiosk does not
 * have (archived since) is not offered.
 */
export function groupServices(view: Pick<KioskView, 'services' | 'categories'>, language: Language): ServiceGroup[] {
  const all = Object.values(view.services);
  return Object.values(view.categories)
    .filter((c) => !c.archived)
    .sort((a, b) => a.order - b.order || a.name[language].localeCompare(b.name[language], language))
    .map((category) => ({
      category: category.id,
      label: category.name[language] || category.name.en,
      services: all
        .filter((s) => s.category === category.id && s.archived !== true)
        .sort((a, b) => a.name[language].localeCompare(b.name[language], language)),
    }))
    .filter((group) => group.services.length > 0);
}

export type Wait = { waiting: number; estimateMin: number | null };

/**
 * The current wait for a service before the client commits: the hub's `waits` entry (people waiting and its estimate
 * for a new walk-in). Should the view not carry one for this service yet, the waiting tickets are counted here; the
 * estimate needs the staff list, which the kiosk never sees, so it stays unknown.
 */
export function serviceWait(view: KioskView, serviceId: string): Wait {
  const wait = view.waits[serviceId];
  if (wait) return { waiting: wait.waiting, estimateMin: wait.estimateMin };
  let waiting = 0;
  for (const ticket of Object.values(view.tickets)) if (ticket.serviceId === serviceId && isWaiting(ticket)) waiting++;
  return { waiting, estimateMin: null };
}
