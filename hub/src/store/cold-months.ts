import { DEFAULT_AFTERCARE_SETTINGS, DEFAULT_BOOKING_SETTINGS } from '@glow/shared';
import type { HubState } from './hub-state.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Slack on top of the longest reach of a link, so a month is never left cold by an off-by-a-few-days estimate. */
export const COLD_MARGIN_MS = 31 * DAY_MS;

/**
 * How far back the live hub can still need a closed visit. Nothing on the floor scans closed visits (active-visits,
 * the client index and the views never do); a closed visit is read only through something pointing at it:
 * - an aftercare link (`linkDays` after the visit closes; the report window is shorter but counted anyway),
 * - a booking link, made from an aftercare page (so up to `linkDays` after that visit), for a slot up to
 *   `horizonDays` ahead, valid `linkDaysAfter` days after the appointment,
 * - an open complaint (reported from the aftercare page, so within a link's life).
 * The longest of these is the horizon. Settings can shrink while older, longer links are still out, so the links and
 * open complaints actually held push it further back too (`oldestReference`).
 */
export function reachMs(meta: Partial<HubState['meta']> | undefined): number {
  const aftercare = meta?.aftercare ?? DEFAULT_AFTERCARE_SETTINGS;
  const booking = meta?.booking ?? DEFAULT_BOOKING_SETTINGS;
  const aftercareReach = aftercare.linkDays + aftercare.reportWindowDays;
  const bookingReach = aftercare.linkDays + booking.horizonDays + booking.linkDaysAfter;
  return Math.max(aftercareReach, bookingReach) * DAY_MS;
}

/**
 * The oldest creation time of what still points at a visit: links not yet expired nor revoked, complaints not
 * resolved. Null when there is none.
 */
export function oldestReference(state: Pick<HubState, 'links' | 'complaints'>, now: number): number | null {
  let oldest: number | null = null;
  for (const link of Object.values(state.links)) {
    if (link.revokedAt === null && link.expiresAt > now) oldest = Math.min(oldest ?? link.createdAt, link.createdAt);
  }
  for (const complaint of Object.values(state.complaints)) {
    if (complaint.status !== 'resolved') oldest = Math.min(oldest ?? complaint.createdAt, complaint.createdAt);
  }
  return oldest;
}

/**
 * The first month partition (`visits-YYYY-MM`) loaded at start-up: the month holding
 * min(now, oldest reference) − reach − margin. Month partitions sort by name, so older ones compare below it.
 */
export function firstWarmMonth(now: number, reach: number, oldestRef: number | null): string {
  const from = new Date(Math.min(now, oldestRef ?? now) - reach - COLD_MARGIN_MS);
  return `visits-${from.getUTCFullYear()}-${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
}

const MONTH = /^visits-\d{4}-\d{2}$/;

/**
 * A closed-visit month left on disk at start-up: older than the first warm month. `visits-undated` (should not
 * exist) and `floor` are always loaded.
 */
export function isColdMonth(name: string, firstWarm: string): boolean {
  return MONTH.test(name) && name < firstWarm;
}
