import { salonDay } from '@glow/shared';
import { tzOffset } from '@date-fns/tz';

const HOUR = 3_600_000;
/** Hours remembered per zone before the memo is cleared (five years of visits are ~44,000 hours). */
const HOURS_REMEMBERED = 100_000;
/** Per zone, per UTC hour: the zone's offset (minutes) through that whole hour, or null when it changes within it. */
const offsets = new Map<string, Map<number, number | null>>();

/**
 * The salon's date of an instant, exactly as shared `salonDay` says, for the many past instants of a client's record
 * (#16): `salonDay` converts each instant with a time-zone date and memoises by the instant itself, so a record of 60
 * visits made 60 conversions and filled the floor planner's memo with keys never asked again (profiled: 9 % of the
 * hub's time while 10 tablets opened records). Here the zone's offset is found once per UTC hour, and used only when
 * it is the same at both ends of the hour; an hour in which it changes (a DST change, also the half-hour ones of
 * Lord Howe, Newfoundland or Iran's past midnight changes) asks `salonDay` itself.
 */
export function salonDayOf(at: number, timeZone: string): string | null {
  if (!Number.isFinite(at)) return salonDay(at, timeZone);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const hour = Math.floor(at / HOUR);
  let offset = zone.get(hour);
  if (offset === undefined) {
    const start = tzOffset(timeZone, new Date(hour * HOUR));
    const end = tzOffset(timeZone, new Date((hour + 1) * HOUR - 1));
    offset = Number.isFinite(start) && start === end ? start : null;
    if (zone.size >= HOURS_REMEMBERED) zone.clear();
    zone.set(hour, offset);
  }
  if (offset === null) return salonDay(at, timeZone);
  const local = new Date(at + offset * 60_000);
  const year = local.getUTCFullYear();
  if (year < 1000 || year > 9999) return salonDay(at, timeZone);
  return `${year}-${String(local.getUTCMonth() + 1).padStart(2, '0')}-${String(local.getUTCDate()).padStart(2, '0')}`;
}
