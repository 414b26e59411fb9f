import { addSalonDays, isFinal, salonDay, type BookingCard, type StaffView, type VisitCard } from '@glow/shared';

/**
 * The desk's calendar (#16), from the live view only: the hub sends the front desk and the manager every booking from
 * today on (booked or checked in) and the visits on the floor, and patches both, so the calendar is live without a
 * read of its own. Days are the salon's ("YYYY-MM-DD", in its time zone).
 */

export type CalendarBy = 'staff' | 'room';

export type CalendarItem =
  | { kind: 'booking'; id: string; startsAt: number; endsAt: number; booking: BookingCard }
  | { kind: 'visit'; id: string; startsAt: number; endsAt: number; visit: VisitCard };

export type CalendarColumn = { id: string | null; name: string; items: CalendarItem[] };

const zoneOf = (view: StaffView): string => view.settings.floor.timeZone;

/** When a visit on the floor sits on the calendar: in session from its start, otherwise from when it is due or came. */
function visitSpan(view: StaffView, v: VisitCard): { startsAt: number; endsAt: number } | null {
  const startsAt = v.times.in_service ?? v.dueAt ?? v.times.checked_in ?? Object.values(v.times)[0];
  if (startsAt === undefined) return null;
  const minutes = v.plan?.durationMin ?? view.services[v.serviceId]?.durationMin ?? 60;
  return { startsAt, endsAt: startsAt + minutes * 60_000 };
}

/** The bookings and the floor's visits (a checked-in booking shows once: as its visit) of one salon day, by start. */
export function itemsOn(view: StaffView, day: string): CalendarItem[] {
  const zone = zoneOf(view);
  const items: CalendarItem[] = [];
  for (const b of Object.values(view.bookings)) {
    if (salonDay(b.startsAt, zone) !== day) continue;
    if (b.visitId && view.visits[b.visitId]) continue;
    items.push({ kind: 'booking', id: b.id, startsAt: b.startsAt, endsAt: b.endsAt, booking: b });
  }
  for (const v of Object.values(view.visits)) {
    if (isFinal(v.state)) continue;
    const span = visitSpan(view, v);
    if (!span || salonDay(span.startsAt, zone) !== day) continue;
    items.push({ kind: 'visit', id: v.id, ...span, visit: v });
  }
  return items.sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id));
}

const staffOf = (i: CalendarItem): string | null => (i.kind === 'booking' ? i.booking.staffId : i.visit.staffId);
const roomOf = (i: CalendarItem): string | null => (i.kind === 'booking' ? i.booking.roomId : i.visit.roomId);

/** The columns of a day: one per active beautician (or per room), and one for what is not placed yet when any is. */
export function dayColumns(view: StaffView, day: string, by: CalendarBy, unplaced: string): CalendarColumn[] {
  const items = itemsOn(view, day);
  const keyOf = by === 'staff' ? staffOf : roomOf;
  const owners =
    by === 'staff'
      ? Object.values(view.staff)
          .filter((s) => s.active && s.role === 'beautician')
          .map((s) => ({ id: s.id, name: s.name }))
      : Object.values(view.rooms).map((r) => ({ id: r.id, name: r.name }));
  owners.sort((a, b) => a.name.localeCompare(b.name));
  const known = new Set(owners.map((o) => o.id));
  const columns: CalendarColumn[] = owners.map((o) => ({ id: o.id, name: o.name, items: items.filter((i) => keyOf(i) === o.id) }));
  const rest = items.filter((i) => {
    const key = keyOf(i);
    return key === null || !known.has(key);
  });
  if (rest.length) columns.push({ id: null, name: unplaced, items: rest });
  return columns;
}

/** A week from `start`: for each beautician (or room), each day's bookings (count and times come from the items). */
export function weekGrid(view: StaffView, start: string, by: CalendarBy, unplaced: string): { days: string[]; rows: Array<{ id: string | null; name: string; cells: CalendarItem[][] }> } {
  const zone = zoneOf(view);
  const days = Array.from({ length: 7 }, (_, i) => addSalonDays(start, i, zone));
  const perDay = days.map((d) => dayColumns(view, d, by, unplaced));
  const ids = new Map<string | null, string>();
  for (const cols of perDay) for (const c of cols) if (!ids.has(c.id)) ids.set(c.id, c.name);
  const rows = [...ids].map(([id, name]) => ({ id, name, cells: perDay.map((cols) => cols.find((c) => c.id === id)?.items ?? []) }));
  return { days, rows };
}
