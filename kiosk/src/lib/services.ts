import type { KioskView, Language, Service, ServiceCategory, Ticket, VisitState } from '@glow/shared';
import type { KioskMessageKey as MessageKey } from './i18n/translate.ts';

/** States in which a ticket is still waiting in the lobby (not yet taken by a beautician). */
export const WAITING_STATES: readonly VisitState[] = ['checked_in', 'queued'];

export const isWaiting = (ticket: Ticket): boolean => WAITING_STATES.includes(ticket.state);

/**
 * Each category's heading, in the order the lobby lists them. `satisfies` keeps it complete: a category added to the
 * shared schema fails the type check here until it has a label.
 */
export const CATEGORY_LABELS = {
  facial: 'kiosk.service.category.facial',
  body: 'kiosk.service.category.body',
  hair_colour: 'kiosk.service.category.hair_colour',
  nails: 'kiosk.service.category.nails',
} as const satisfies Record<ServiceCategory, MessageKey>;

const CATEGORY_ORDER = Object.keys(CATEGORY_LABELS) as ServiceCategory[];

export type ServiceGroup = { category: ServiceCategory; label: MessageKey; services: Service[] };

/** Services grouped by category in the lobby's order, each group sorted by name in the screen's language. */
export function groupServices(services: KioskView['services'], language: Language): ServiceGroup[] {
  const all = Object.values(services);
  return CATEGORY_ORDER.map((category) => ({
    category,
    label: CATEGORY_LABELS[category],
    services: all
      .filter((s) => s.category === category)
      .sort((a, b) => a.name[language].localeCompare(b.name[language], language)),
  })).filter((group) => group.services.length > 0);
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
