import { TZDateMini } from '@date-fns/tz';
import type { Timestamp } from '../schemas/common.schema.ts';
import type { Shift, WeeklyShifts } from '../schemas/floor.schema.ts';
import type { DayChange } from '../schemas/staff.schema.ts';

export const MINUTE = 60_000;

/** A span of time, epoch ms, start inclusive and end exclusive. */
export type Span = { start: Timestamp; end: Timestamp };

/** One stretch of work, resolved to epoch ms, with the breaks that fall in it. */
export type ShiftWindow = Span & { breaks: readonly Span[] };

/** True when the IANA zone is one this runtime knows; an unknown zone makes every shift empty (fail safe). */
export function isValidTimeZone(timeZone: string): boolean {
  return Number.isFinite(new TZDateMini(0, timeZone).getTime());
}

type LocalDay = { y: number; m: number; d: number; weekday: number };

// Time-zone arithmetic is the costly part (every TZDate asks Intl for offsets) and every call of the planner or
// the estimate resolves the same few wall-clock times for every beautician, so results are memoised. The memo only
// remembers answers of pure functions, so it changes no result; it is cleared when it grows.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, unknown>();
function remember<T>(key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/**
 * The local date of the last minute asked, per zone: every command asks for "today" several times (the planner, the
 * replay, availability, the check-in's ticket day), and a memo keyed by the millisecond answered none of them twice.
 * Keyed by the minute: every zone's offset is a whole number of minutes, so the date is the same all minute long.
 */
const lastMinute = new Map<string, { minute: number; here: { y: number; m: number; d: number } | null }>();

function localDay(at: Timestamp, timeZone: string, dayOffset = 0): LocalDay | null {
  const minute = Math.floor(at / MINUTE) * MINUTE;
  let last = lastMinute.get(timeZone);
  if (last?.minute !== minute) {
    const date = new TZDateMini(minute, timeZone);
    last = { minute, here: Number.isFinite(date.getTime()) ? { y: date.getFullYear(), m: date.getMonth(), d: date.getDate() } : null };
    if (lastMinute.size >= 64) lastMinute.clear();
    lastMinute.set(timeZone, last);
  }
  const here = last.here;
  if (!here) return null;
  const { y, m } = here;
  const d = here.d + dayOffset;
  return remember(`d|${timeZone}|${y}|${m}|${d}`, () => {
    // Noon never falls in a DST gap, so stepping days from it is safe.
    const day = new TZDateMini(y, m, d, 12, 0, timeZone);
    return { y: day.getFullYear(), m: day.getMonth(), d: day.getDate(), weekday: day.getDay() };
  });
}

const parseTime = (hhmm: string): [number, number] => {
  const [h, m] = hhmm.split(':');
  return [Number(h), Number(m)];
};

/**
 * The instant a wall-clock time occurs on a local day: a time in a DST gap moves forward, as clocks do; a time that
 * occurs twice (the night clocks go back) is the later one.
 */
function at(day: LocalDay, hhmm: string, timeZone: string, plusDays = 0): Timestamp {
  return remember(`t|${timeZone}|${day.y}|${day.m}|${day.d + plusDays}|${hhmm}`, () => {
    const [h, m] = parseTime(hhmm);
    return new TZDateMini(day.y, day.m, day.d + plusDays, h, m, 0, 0, timeZone).getTime();
  });
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = parseTime(hhmm);
  return h * 60 + m;
};

/**
 * The shift of one local day in epoch ms. An end at or before the start means the shift ends the next day (so
 * 22:00–06:00 is a night shift and 00:00–00:00 a 24-hour day). A break is placed on the day its start falls in
 * within the shift (before the shift's start time means after midnight); a break ending at or before its start runs
 * past midnight, and a break whose start equals its end is ignored.
 */
function windowOf(shift: Shift, day: LocalDay, timeZone: string): ShiftWindow {
  const sMin = minutesOf(shift.start);
  const start = at(day, shift.start, timeZone);
  const end = at(day, shift.end, timeZone, minutesOf(shift.end) <= sMin ? 1 : 0);
  const breaks: Span[] = [];
  for (const b of shift.breaks ?? []) {
    const bsMin = minutesOf(b.start);
    const beMin = minutesOf(b.end);
    if (bsMin === beMin) continue;
    const startDay = bsMin < sMin ? 1 : 0;
    const endDay = startDay + (beMin < bsMin ? 1 : 0);
    breaks.push({ start: at(day, b.start, timeZone, startDay), end: at(day, b.end, timeZone, endDay) });
  }
  breaks.sort((a, b) => a.start - b.start || a.end - b.end);
  return { start, end, breaks };
}

/**
 * Today's working time around `now`, in the salon's time zone: the shifts that started on the local day of `now`
 * or the day before (a night shift may still be running). Windows that touch or overlap are merged, and a shift of
 * tomorrow that begins exactly when one of today's ends is joined to it (so a salon open round the clock has no
 * seam at midnight); other shifts of tomorrow are left out. Empty for a day off, for an unknown time zone, and for
 * a missing week.
 */
export function shiftWindows(weeklyShifts: WeeklyShifts | undefined, now: Timestamp, timeZone: string): ShiftWindow[] {
  if (!weeklyShifts) return [];
  const hit = dayWindows.get(weeklyShifts);
  if (hit && hit.timeZone === timeZone && hit.from <= now && now < hit.to) return hit.windows;
  const today = localDay(now, timeZone);
  const windows = computeShiftWindows(weeklyShifts, now, timeZone);
  const from = today ? at(today, '00:00', timeZone) : Number.NaN;
  // Kept until three hours before the next local midnight: an hour that occurs twice around midnight (a zone whose
  // clocks go back then) can then never be taken for the wrong day.
  const to = today ? at(today, '00:00', timeZone, 1) - 3 * 3_600_000 : Number.NaN;
  if (from <= now && now < to) dayWindows.set(weeklyShifts, { timeZone, from, to, windows });
  return windows;
}

/**
 * The windows depend on `now` only through its local day, so they are kept per week of shifts (records are replaced,
 * never changed in place) for the rest of that day: the planner and the wait replay ask for every beautician's
 * windows at every command, and working them out again (time-zone arithmetic) was a cost per command (#15).
 * Callers must not change the arrays they are given.
 */
const dayWindows = new WeakMap<WeeklyShifts, { timeZone: string; from: Timestamp; to: Timestamp; windows: ShiftWindow[] }>();

/**
 * A staff member's windows around `now`: their week, with the days their leave and one-off changes name (#13)
 * replaced. Kept like `shiftWindows`, per record of changes and week, for the rest of the local day.
 */
export function memberShiftWindows(
  member: { weeklyShifts: WeeklyShifts; dayChanges?: Readonly<Record<string, DayChange>> | undefined },
  now: Timestamp,
  timeZone: string,
): ShiftWindow[] {
  const changes = member.dayChanges;
  if (!changes || Object.keys(changes).length === 0) return shiftWindows(member.weeklyShifts, now, timeZone);
  const hit = changedWindows.get(changes);
  if (hit && hit.week === member.weeklyShifts && hit.timeZone === timeZone && hit.from <= now && now < hit.to) return hit.windows;
  const today = localDay(now, timeZone);
  const windows = computeShiftWindows(member.weeklyShifts, now, timeZone, changes);
  const from = today ? at(today, '00:00', timeZone) : Number.NaN;
  const to = today ? at(today, '00:00', timeZone, 1) - 3 * 3_600_000 : Number.NaN;
  if (from <= now && now < to) changedWindows.set(changes, { week: member.weeklyShifts, timeZone, from, to, windows });
  return windows;
}
const changedWindows = new WeakMap<object, { week: WeeklyShifts; timeZone: string; from: Timestamp; to: Timestamp; windows: ShiftWindow[] }>();

const pad2 = (n: number): string => String(n).padStart(2, '0');
/** A local day as the salon writes its dates (YYYY-MM-DD). */
const dateOf = (day: LocalDay): string => `${day.y}-${pad2(day.m + 1)}-${pad2(day.d)}`;

function computeShiftWindows(
  weeklyShifts: WeeklyShifts,
  now: Timestamp,
  timeZone: string,
  changes?: Readonly<Record<string, DayChange>>,
): ShiftWindow[] {
  const windows: ShiftWindow[] = [];
  let tomorrowStart = Infinity;
  for (const offset of [-1, 0, 1]) {
    const day = localDay(now, timeZone, offset);
    if (!day) return [];
    if (offset === 1) tomorrowStart = at(day, '00:00', timeZone);
    const change = changes?.[dateOf(day)];
    const shift = change ? change.shift : weeklyShifts[day.weekday];
    if (!shift) continue;
    const w = windowOf(shift, day, timeZone);
    if (Number.isFinite(w.start) && Number.isFinite(w.end) && w.end > w.start) windows.push(w);
  }
  windows.sort((a, b) => a.start - b.start);
  const merged: ShiftWindow[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) {
      merged[merged.length - 1] = {
        start: last.start,
        end: Math.max(last.end, w.end),
        breaks: [...last.breaks, ...w.breaks].sort((a, b) => a.start - b.start || a.end - b.end),
      };
    } else merged.push(w);
  }
  return merged.filter((w) => w.start < tomorrowStart);
}

const inSpan = (t: Timestamp, s: Span): boolean => s.start <= t && t < s.end;

/** The window `t` falls in, if any. */
export const windowAt = (windows: readonly ShiftWindow[], t: Timestamp): ShiftWindow | undefined =>
  windows.find((w) => inSpan(t, w));

export const onBreakAt = (windows: readonly ShiftWindow[], t: Timestamp): boolean =>
  windowAt(windows, t)?.breaks.some((b) => inSpan(t, b)) ?? false;

/**
 * True when a session of `durationMs` starting at `t` lies wholly inside one window and does not run into any of
 * its breaks (it may end exactly when a break or the shift begins).
 */
export function fitsAt(windows: readonly ShiftWindow[], t: Timestamp, durationMs: number): boolean {
  const end = t + durationMs;
  const w = windowAt(windows, t);
  if (!w || end > w.end) return false;
  return !w.breaks.some((b) => b.start < end && b.end > t);
}

/**
 * The earliest instant at or after `from` when a session of `durationMs` fits, or null when none does in these
 * windows. Only `from`, window starts and break ends need checking: fitting never gets easier in between.
 */
export function nextFit(windows: readonly ShiftWindow[], from: Timestamp, durationMs: number): Timestamp | null {
  const candidates = [from];
  for (const w of windows) {
    if (w.start > from) candidates.push(w.start);
    for (const b of w.breaks) if (b.end > from) candidates.push(b.end);
  }
  candidates.sort((a, b) => a - b);
  for (const t of candidates) if (fitsAt(windows, t, durationMs)) return t;
  return null;
}

/** The salon's local date of an instant, "YYYY-MM-DD" (the day tickets restart on); null for an unknown zone. */
export function salonDay(now: Timestamp, timeZone: string): string | null {
  const day = localDay(now, timeZone);
  if (!day) return null;
  return `${day.y}-${String(day.m + 1).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}
