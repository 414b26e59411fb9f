import { currencyDigits, isActiveBooking, isFinal, parsePrice, salonCurrency, type LocalizedText, type Service, type Visit } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import type { RefusalIssue } from '../app-error.ts';

/**
 * Checks the catalogue decisions share (#13): names unique among current items, references to lists that exist and
 * are current, prices in the salon's currency, and what still depends on an item about to be archived.
 */

/** How two names are compared: the same words whatever the case, width or surrounding spaces. */
export const nameKey = (name: string): string => name.normalize('NFKC').trim().toLocaleLowerCase('en');

/** The name fields (`name.en`, `name.zh-CN`) another current item already uses. */
export function duplicateNames(
  name: LocalizedText,
  others: Iterable<{ id: string; name: LocalizedText; archived?: boolean }>,
  selfId: string | null,
): RefusalIssue[] {
  const issues: RefusalIssue[] = [];
  const items = [...others].filter((o) => o.id !== selfId && o.archived !== true);
  for (const lang of ['en', 'zh-CN'] as const) {
    const key = nameKey(name[lang]);
    if (key && items.some((o) => nameKey(o.name[lang]) === key)) issues.push({ field: `name.${lang}`, rule: 'duplicate_name' });
  }
  return issues;
}

/** A single-text name (staff, rooms) another current item already uses. */
export function duplicatePlainName(
  name: string,
  others: Iterable<{ id: string; name: string; active?: boolean }>,
  selfId: string | null,
): RefusalIssue[] {
  const key = nameKey(name);
  const clash = [...others].some((o) => o.id !== selfId && o.active !== false && nameKey(o.name) === key);
  return clash ? [{ field: 'name', rule: 'duplicate_name' }] : [];
}

/**
 * Ids that must name current items of a list (a service's skill, a room's equipment): the first wrong one is
 * reported on the field. An item already held may stay even if it was archived since (nothing is taken away
 * silently); a new choice must be current.
 */
export function unknownChoices(
  ids: readonly string[],
  list: Readonly<Record<string, { archived?: boolean }>>,
  field: string,
  alreadyHeld: readonly string[] = [],
): RefusalIssue[] {
  for (const id of ids) {
    const item = list[id];
    if (!item) return [{ field, rule: 'unknown_choice' }];
    if (item.archived && !alreadyHeld.includes(id)) return [{ field, rule: 'archived_choice' }];
  }
  return [];
}

/** A typed price in minor units of the salon's currency, or the issue on its field. */
export function priceOf(state: Readonly<HubState>, text: string, field = 'price'): { minor: number } | { issue: RefusalIssue } {
  const currency = salonCurrency(state.meta.salon);
  const parsed = parsePrice(text, currency);
  return parsed.ok ? { minor: parsed.minor } : { issue: { field, rule: parsed.rule, params: { field, digits: currencyDigits(currency) } } };
}

/** What would be left pointing at a service if it were archived now: visits not yet over, bookings still ahead. */
export function serviceDependents(
  state: Readonly<HubState>,
  now: number,
  serviceId: string,
  activeVisits: readonly Visit[],
): { tickets: string[]; bookings: number } {
  const tickets = activeVisits.filter((v) => v.serviceId === serviceId && !isFinal(v.state)).map((v) => v.ticket);
  let bookings = 0;
  for (const b of Object.values(state.bookings)) if (b.serviceId === serviceId && b.state !== 'checked_in' && isActiveBooking(b, now) && b.startsAt >= now) bookings++;
  return { tickets, bookings };
}

/** Whether a client's phone offers a service for booking (#13): current, and not kept for the salon's own booking. */
export const bookableOnline = (s: Service): boolean => s.archived !== true && s.onlineRebooking !== false;
