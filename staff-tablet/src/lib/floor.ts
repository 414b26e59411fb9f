import {
  canPerform,
  isLowRating,
  roomFits,
  type Incident,
  type Room,
  type StaffMember,
  type StaffView,
  type VisitCard,
} from '@glow/shared';
import { INCIDENT_RESPONSE_TARGET_MS } from './config.ts';

/** Clients not yet given a room, in the order they will be served (the front desk may reorder them). */
export function queueList(visits: Record<string, VisitCard>): VisitCard[] {
  const arrived = (v: VisitCard) => v.times.checked_in ?? v.times.queued ?? 0;
  return Object.values(visits)
    .filter((v) => v.state === 'queued' || v.state === 'checked_in')
    .sort(
      (a, b) =>
        a.queueRank - b.queueRank ||
        arrived(a) - arrived(b) ||
        a.ticket.localeCompare(b.ticket, undefined, { numeric: true }),
    );
}

export type Reorder = { visitId: string; beforeVisitId: string | null };

/** `queue:reorder` input that moves the visit at `index` one place up or down; null at either end. */
export function moveInQueue(list: readonly VisitCard[], index: number, direction: -1 | 1): Reorder | null {
  const visit = list[index];
  const target = index + direction;
  if (!visit || target < 0 || target >= list.length) return null;
  // Up: just before the one above it. Down: just before the one two below it (or last).
  const before = direction === -1 ? list[target] : list[index + 2];
  return { visitId: visit.id, beforeVisitId: before?.id ?? null };
}

/** The planned length of a visit: the agreed plan's, else the service's. */
export function plannedMinutesOf(view: StaffView, visit: VisitCard): number | null {
  return visit.plan?.durationMin ?? view.services[visit.serviceId]?.durationMin ?? null;
}

export type RoomClock =
  | { kind: 'session'; elapsedMs: number; plannedMs: number | null; overrun: boolean }
  | { kind: 'cleaning'; remainingMs: number | null }
  | null;

/** What the room card's clock shows: time in session against the plan, or the cleaning countdown. */
export function roomClock(view: StaffView, room: Room, visit: VisitCard | null, now: number): RoomClock {
  if (room.state === 'cleaning') {
    return { kind: 'cleaning', remainingMs: room.cleaningUntil === null ? null : Math.max(0, room.cleaningUntil - now) };
  }
  if (!visit || visit.state !== 'in_service' || visit.times.in_service === undefined) return null;
  return sessionClock(view, visit, now);
}

/** Time in session against the planned duration; past it the session is overrunning. */
export function sessionClock(view: StaffView, visit: VisitCard, now: number) {
  const planned = plannedMinutesOf(view, visit);
  const elapsedMs = Math.max(0, now - (visit.times.in_service ?? now));
  const plannedMs = planned === null ? null : planned * 60_000;
  const overrun = visit.overrun || (plannedMs !== null && elapsedMs > plannedMs);
  return { kind: 'session' as const, elapsedMs, plannedMs, overrun };
}

export type StaffStatusKind = 'with_client' | 'on_break' | 'available' | 'off_shift';

/** What the board says about a staff member right now. */
export function staffStatus(view: StaffView, staffId: string): { kind: StaffStatusKind; visit: VisitCard | null } {
  const status = view.availability[staffId];
  const visit = status?.visitId ? (view.visits[status.visitId] ?? null) : null;
  if (visit) return { kind: 'with_client', visit };
  if (!status?.onShift) return { kind: 'off_shift', visit: null };
  return { kind: status.onBreak ? 'on_break' : 'available', visit: null };
}

const STATUS_ORDER: readonly StaffStatusKind[] = ['available', 'with_client', 'on_break', 'off_shift'];

/** Beauticians for the availability panel: free ones first, then by name. */
export function beauticians(view: StaffView): StaffMember[] {
  return Object.values(view.staff)
    .filter((s) => s.active && s.role === 'beautician')
    .sort(
      (a, b) =>
        STATUS_ORDER.indexOf(staffStatus(view, a.id).kind) - STATUS_ORDER.indexOf(staffStatus(view, b.id).kind) ||
        a.name.localeCompare(b.name),
    );
}

/** Why a beautician may be a poor choice for a visit (the hub has the last word): null when they fit. */
export type StaffHint = 'not_qualified' | 'with_client' | 'on_break' | 'off_shift' | null;

export function staffHint(view: StaffView, staff: StaffMember, visit: VisitCard): StaffHint {
  const service = view.services[visit.serviceId];
  if (service && !canPerform(staff, service)) return 'not_qualified';
  const { kind } = staffStatus(view, staff.id);
  return kind === 'available' ? null : kind;
}

/** Free rooms for a visit, those with the service's equipment first. */
export function freeRoomsFor(view: StaffView, visit: VisitCard): { room: Room; fits: boolean }[] {
  const service = view.services[visit.serviceId];
  return Object.values(view.rooms)
    .filter((r) => r.state === 'free')
    .map((room) => ({ room, fits: service ? roomFits(room, service) : true }))
    .sort((a, b) => Number(b.fits) - Number(a.fits) || a.room.name.localeCompare(b.room.name, undefined, { numeric: true }));
}

/** Beauticians to offer for a visit: those who fit first, then the rest with the reason. */
export function staffFor(view: StaffView, visit: VisitCard): { staff: StaffMember; hint: StaffHint }[] {
  const order: readonly StaffHint[] = [null, 'with_client', 'on_break', 'off_shift', 'not_qualified'];
  return Object.values(view.staff)
    .filter((s) => s.active && s.role === 'beautician')
    .map((staff) => ({ staff, hint: staffHint(view, staff, visit) }))
    .sort((a, b) => order.indexOf(a.hint) - order.indexOf(b.hint) || a.staff.name.localeCompare(b.staff.name));
}

/**
 * Clients who rated low (CSAT ≤ 2), newest first. The hub sends a closed visit only while it is within the hour on
 * the hub's clock and takes it away when the hour has passed, so the tablet's own clock (which may be off) plays no part.
 */
export function lowRatings(view: StaffView): VisitCard[] {
  return Object.values(view.visits)
    .filter((v) => isLowRating(v))
    .sort((a, b) => (b.times.closed ?? 0) - (a.times.closed ?? 0));
}

/** Open incidents: unacknowledged first (oldest first: they have waited longest), then acknowledged. */
export function openIncidents(view: StaffView): Incident[] {
  return Object.values(view.incidents)
    .filter((i) => i.resolvedAt === null)
    .sort((a, b) => Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) || a.raisedAt - b.raisedAt);
}

export const isLate = (incident: Incident, now: number): boolean =>
  incident.acknowledgedAt === null && now - incident.raisedAt > INCIDENT_RESPONSE_TARGET_MS;
