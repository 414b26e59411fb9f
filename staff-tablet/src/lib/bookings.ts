import { salonDay, type BookingCard, type StaffView, type TaskCard } from '@glow/shared';

/** The board's bookings panel and reminder tasks: what to list at `now`, in the salon's time zone. */

const zoneOf = (view: StaffView): string => view.settings.floor.timeZone;

/** Today's bookings and the upcoming ones (by start), as the hub sends them: booked or checked in, from today on. */
export function bookingsByDay(view: StaffView, now: number): { today: BookingCard[]; upcoming: BookingCard[] } {
  const zone = zoneOf(view);
  // Salon days as "YYYY-MM-DD" compare in calendar order.
  const today = salonDay(now, zone) ?? '';
  const all = Object.values(view.bookings)
    .map((b) => ({ b, day: salonDay(b.startsAt, zone) ?? '' }))
    .filter(({ day }) => day >= today)
    .sort((x, y) => x.b.startsAt - y.b.startsAt || x.b.id.localeCompare(y.b.id));
  return { today: all.filter(({ day }) => day === today).map(({ b }) => b), upcoming: all.filter(({ day }) => day > today).map(({ b }) => b) };
}

/**
 * The reminder calls to show: due (the day before the booking has begun) and not yet past, open ones first; a done
 * one stays for the rest of the day so the desk sees who made the call.
 */
export function dueTasks(view: StaffView, now: number): TaskCard[] {
  const zone = zoneOf(view);
  const today = salonDay(now, zone);
  return Object.values(view.tasks)
    .filter((t) => t.dueAt <= now && t.startsAt > now && (t.doneAt === null || salonDay(t.doneAt, zone) === today))
    .sort((a, b) => Number(a.doneAt !== null) - Number(b.doneAt !== null) || a.startsAt - b.startsAt);
}
