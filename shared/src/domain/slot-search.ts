import { TZDateMini } from '@date-fns/tz';
import { isActiveBooking, type Booking, type BookingSettings } from '../schemas/booking.schema.ts';
import type { Timestamp } from '../schemas/common.schema.ts';
import type { Room } from '../schemas/room.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import type { StaffMember } from '../schemas/staff.schema.ts';
import { fitsAt, memberShiftWindows, MINUTE, salonDay } from './shifts.ts';

/** A time a client can book: when, with whom, in which room. */
export type Slot = { startsAt: Timestamp; endsAt: Timestamp; staffId: string; roomId: string };

export type SlotSearch = {
  service: Service;
  staff: readonly StaffMember[];
  rooms: readonly Room[];
  /** Every booking the hub has (inactive ones and expired holds are skipped here). */
  bookings: readonly Booking[];
  settings: BookingSettings;
  timeZone: string;
  /** The salon's local day to search, "YYYY-MM-DD". */
  day: string;
  /** A particular beautician, or null for anyone who can perform the service. */
  staffId: string | null;
  now: Timestamp;
  /** A booking being moved: its own slot does not count as taken. */
  ignoreBookingId?: string;
  /** Days the salon is closed although their weekday is open (its closed days, #13), "YYYY-MM-DD". */
  closedDates?: readonly string[];
};

/** A room's cleaning buffer is at most 120 minutes (RoomSchema). */
const MAX_BUFFER_MS = 120 * MINUTE;

const DAY_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant a wall-clock time occurs on a local day (a time in a DST gap moves forward, as clocks do). */
function localInstant(day: string, hhmm: string, timeZone: string): Timestamp | null {
  const match = DAY_FORMAT.exec(day);
  if (!match) return null;
  const [h, m] = hhmm.split(':').map(Number);
  const t = new TZDateMini(Number(match[1]), Number(match[2]) - 1, Number(match[3]), h ?? 0, m ?? 0, 0, 0, timeZone).getTime();
  return Number.isFinite(t) ? t : null;
}

/** The weekday (0 Sunday) of a local day; noon never falls in a DST gap. */
function weekdayOf(day: string, timeZone: string): number | null {
  const noon = localInstant(day, '12:00', timeZone);
  return noon === null ? null : new TZDateMini(noon, timeZone).getDay();
}

/** The local days a client may book on, from today, in the salon's time zone (horizonDays of them). */
export function bookableDays(now: Timestamp, timeZone: string, settings: BookingSettings): string[] {
  const days: string[] = [];
  for (let i = 0; i < settings.horizonDays; i++) {
    // Noon of today plus i days, stepped in local calendar days (never 24h steps, which drift across DST).
    const today = new TZDateMini(now, timeZone);
    const noon = new TZDateMini(today.getFullYear(), today.getMonth(), today.getDate() + i, 12, 0, 0, 0, timeZone).getTime();
    const day = salonDay(noon, timeZone);
    if (day) days.push(day);
  }
  return days;
}

/** Whether a local day is one a client may book on (today up to the horizon), without listing every day. */
function withinHorizon(day: string, now: Timestamp, timeZone: string, settings: BookingSettings): boolean {
  const today = new TZDateMini(now, timeZone);
  const lastNoon = new TZDateMini(today.getFullYear(), today.getMonth(), today.getDate() + settings.horizonDays - 1, 12, 0, 0, 0, timeZone);
  const first = salonDay(now, timeZone);
  const last = salonDay(lastNoon.getTime(), timeZone);
  // "YYYY-MM-DD" strings compare in calendar order.
  return first !== null && last !== null && DAY_FORMAT.test(day) && day >= first && day <= last;
}

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number): boolean => aStart < bEnd && bStart < aEnd;

/** The cleaning buffer of a room, in ms (0 for a room that no longer exists). */
const bufferOf = (rooms: ReadonlyMap<string, Room>, roomId: string | null): number =>
  roomId === null ? 0 : (rooms.get(roomId)?.cleaningBufferMin ?? 0) * MINUTE;

/**
 * The times a service can be booked on one local day: inside the salon's opening hours, on a step grid from the
 * opening time, in the future, within the booking horizon, with a beautician who has the skill, is on shift for the
 * whole service and not on a break, and has no other booking then, in a room with the service's equipment that is
 * not booked then — a room's cleaning buffer follows every booking in it. Holds count until they expire. One slot
 * per start time; with "anyone", the beautician with the fewest bookings that day takes it (ties by id), so the
 * work spreads. Pure: the clock is `now`.
 */
export function searchSlots(q: SlotSearch): Slot[] {
  const { service, settings, timeZone, day, now } = q;
  if (!withinHorizon(day, now, timeZone, settings)) return [];
  if (q.closedDates?.includes(day)) return [];
  const weekday = weekdayOf(day, timeZone);
  const hours = weekday === null ? null : settings.openingHours[weekday];
  if (!hours) return [];
  const open = localInstant(day, hours.start, timeZone);
  const close = localInstant(day, hours.end, timeZone);
  if (open === null || close === null || close <= open) return [];
  const noon = localInstant(day, '12:00', timeZone)!;

  const durationMs = service.durationMin * MINUTE;
  const roomsById = new Map(q.rooms.map((r) => [r.id, r]));
  const isToday = salonDay(now, timeZone) === day;
  const rooms = q.rooms
    .filter((r) => service.equipment.every((e) => r.equipment.includes(e)))
    // Out of service is the room's state now: it rules out today only, as it will likely be fixed by another day.
    .filter((r) => !(isToday && r.state === 'out_of_service'))
    .sort((a, b) => a.id.localeCompare(b.id));
  const staff = q.staff
    .filter((s) => s.active && s.skills.includes(service.requiredSkill) && (q.staffId === null || s.id === q.staffId))
    .map((s) => ({ member: s, windows: memberShiftWindows(s, noon, timeZone) }));
  if (rooms.length === 0 || staff.length === 0) return [];

  // Only bookings near this day can collide (the longest cleaning buffer is 2 hours): the salon's whole history of
  // bookings is scanned once here, not once per slot.
  const near = (b: Booking) => b.startsAt < close && b.endsAt + MAX_BUFFER_MS > open;
  const taken = q.bookings.filter((b) => near(b) && b.id !== q.ignoreBookingId && isActiveBooking(b, now));
  const load = new Map<string, number>();
  for (const b of taken) if (b.staffId && b.startsAt >= open && b.startsAt < close) load.set(b.staffId, (load.get(b.staffId) ?? 0) + 1);
  staff.sort((a, b) => (load.get(a.member.id) ?? 0) - (load.get(b.member.id) ?? 0) || a.member.id.localeCompare(b.member.id));

  const slots: Slot[] = [];
  const step = settings.slotStepMin * MINUTE;
  for (let start = open; start + durationMs <= close; start += step) {
    if (start <= now) continue;
    const end = start + durationMs;
    const person = staff.find(
      ({ member, windows }) =>
        fitsAt(windows, start, durationMs) &&
        !taken.some((b) => b.staffId === member.id && overlaps(start, end, b.startsAt, b.endsAt)),
    );
    if (!person) continue;
    const room = rooms.find((r) => {
      const buffer = r.cleaningBufferMin * MINUTE;
      // The new booking needs the room until its own end plus the buffer; each existing one until its end plus the buffer.
      return !taken.some((b) => b.roomId === r.id && overlaps(start, end + buffer, b.startsAt, b.endsAt + bufferOf(roomsById, b.roomId)));
    });
    if (!room) continue;
    slots.push({ startsAt: start, endsAt: end, staffId: person.member.id, roomId: room.id });
  }
  return slots;
}

/**
 * The slot starting at `startsAt` (with this beautician, or anyone), if it is still free. The hub calls this inside
 * the decision that takes a slot, so two phones racing for it are served one after the other and the second finds
 * it gone.
 */
export function findSlot(q: Omit<SlotSearch, 'day'>, startsAt: Timestamp): Slot | null {
  const day = salonDay(startsAt, q.timeZone);
  if (!day) return null;
  return searchSlots({ ...q, day }).find((s) => s.startsAt === startsAt) ?? null;
}
