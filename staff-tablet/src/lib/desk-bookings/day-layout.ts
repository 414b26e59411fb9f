import { TZDateMini } from '@date-fns/tz';
import type { CalendarColumn, CalendarItem } from './calendar.ts';

/**
 * The geometry of the desk calendar's day (#16), as a pure function of the day's columns, the salon day and the
 * salon's time zone: where the hour rows are and where each booking or visit sits in its column.
 *
 * Everything is measured in real minutes from the grid's first hour, so a booking's height is its real length and a
 * row is one real hour. The rows are labelled by the wall clock of the salon's zone: on the day the clocks go forward
 * the 01:00 row is simply not there (a 23-hour day), on the day they go back 01:00 comes twice (25 hours). A salon day
 * is never taken as 24 hours nor its midnight as noon less 12 hours, both of which are an hour off on those days.
 *
 * Bookings that overlap in one column (two for the same beautician or room, a visit running over into the next
 * booking) are put side by side: each group of items that overlap one another, directly or through a third, is split
 * into lanes, each item in the first lane free at its start, and all of the group share the column's width evenly.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** The usual working day the grid shows when nothing is booked outside it (wall-clock hours of the salon). */
export const USUAL_HOURS = { from: 9, to: 19 } as const;
/** An item is drawn at least this tall, so that a short one stays readable; lanes count the drawn height. */
export const MIN_ITEM_MIN = 15;

export type DayBox = {
  item: CalendarItem;
  /** Minutes from the grid's first hour to the item's start, and how many minutes tall it is drawn. */
  top: number;
  height: number;
  /** Its lane among the items it overlaps (0-based), and how many lanes that group has. */
  lane: number;
  lanes: number;
};

export type DayLayout = {
  /** The salon's midnight of the day and the next day's (real instants, 23 or 25 hours apart on DST days). */
  dayStart: number;
  dayEnd: number;
  /** The grid's first and last instant: whole wall-clock hours, 09–19 widened to every item, within the day. */
  from: number;
  to: number;
  /** The grid's height in minutes. */
  minutes: number;
  /** One row per real hour of the grid: its instant (label it with the salon's clock) and its top in minutes. */
  hours: Array<{ at: number; top: number }>;
  columns: Array<{ id: string | null; name: string; boxes: DayBox[] }>;
};

const ymd = (day: string): [number, number, number] => {
  const [y, m, d] = day.split('-').map(Number);
  return [y!, m! - 1, d!];
};

/** The instant of a wall-clock hour on a salon day (24 is the next day's midnight; a skipped hour moves forward). */
function wallHour(day: string, hour: number, zone: string): number {
  const [y, m, d] = ymd(day);
  return new TZDateMini(y, m, d, hour, 0, 0, 0, zone).getTime();
}

/**
 * The start of the salon's hour holding `at` (the zone's offset may be a half or quarter hour): `at` less the minutes
 * past the hour on the salon's clock. Not by setting the minutes to 0, which on the day the clocks go back picks the
 * second 01:00 for a time in the first.
 */
function hourFloor(at: number, zone: string): number {
  const t = new TZDateMini(at, zone);
  return at - ((t.getMinutes() * 60 + t.getSeconds()) * 1000 + t.getMilliseconds());
}

function hourCeil(at: number, zone: string): number {
  const floor = hourFloor(at, zone);
  return floor === at ? at : hourFloor(floor + HOUR_MS + 30 * MINUTE_MS, zone);
}

/** Lanes for one column's items, in order of start: overlapping groups share the width, each in the first free lane. */
function lanesOf(spans: ReadonlyArray<{ item: CalendarItem; start: number; end: number }>): DayBox[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.item.id.localeCompare(b.item.id));
  const boxes: DayBox[] = [];
  let group: DayBox[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -Infinity;
  const close = () => {
    for (const box of group) box.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const s of sorted) {
    if (s.start >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane === -1) lane = laneEnds.push(s.end) - 1;
    else laneEnds[lane] = s.end;
    const box: DayBox = { item: s.item, top: s.start, height: s.end - s.start, lane, lanes: 1 };
    group.push(box);
    boxes.push(box);
    groupEnd = Math.max(groupEnd, s.end);
  }
  close();
  return boxes;
}

/** Lays out a salon day ("YYYY-MM-DD" in `zone`) of the calendar's columns. */
export function layoutDay(columns: readonly CalendarColumn[], day: string, zone: string): DayLayout {
  const dayStart = wallHour(day, 0, zone);
  const [y, m, d] = ymd(day);
  const dayEnd = new TZDateMini(y, m, d + 1, 0, 0, 0, 0, zone).getTime();
  const clamp = (at: number) => Math.min(dayEnd, Math.max(dayStart, at));

  // The items as drawn: within the day (one running past midnight stops at it), at least MIN_ITEM_MIN tall.
  const minimum = MIN_ITEM_MIN * MINUTE_MS;
  const spans = columns.map((c) =>
    c.items.map((item) => {
      const start = Math.min(clamp(item.startsAt), dayEnd - minimum);
      return { item, start, end: Math.max(clamp(item.endsAt), start + minimum) };
    }),
  );
  let from = wallHour(day, USUAL_HOURS.from, zone);
  let to = wallHour(day, USUAL_HOURS.to, zone);
  for (const s of spans.flat()) {
    from = Math.min(from, hourFloor(s.start, zone));
    to = Math.max(to, hourCeil(s.end, zone));
  }
  from = clamp(from);
  to = Math.max(clamp(to), from + HOUR_MS);

  const hours: DayLayout['hours'] = [];
  for (let at = from; at < to; at += HOUR_MS) hours.push({ at, top: (at - from) / MINUTE_MS });
  const toMinutes = (box: DayBox): DayBox => ({ ...box, top: (box.top - from) / MINUTE_MS, height: box.height / MINUTE_MS });
  return {
    dayStart,
    dayEnd,
    from,
    to,
    minutes: (to - from) / MINUTE_MS,
    hours,
    columns: columns.map((c, i) => ({ id: c.id, name: c.name, boxes: lanesOf(spans[i]!).map(toMinutes) })),
  };
}
