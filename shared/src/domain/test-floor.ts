import type { FloorSettings, Shift, WeeklyShifts } from '../schemas/floor.schema.ts';
import type { Room } from '../schemas/room.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import type { StaffMember } from '../schemas/staff.schema.ts';
import type { Visit, VisitState } from '../schemas/visit.schema.ts';
import { newVisit } from './new-visit.ts';

/** Small builders for domain tests: a floor in a few lines. */

export const MIN = 60_000;

/** An instant from an ISO string ("2026-06-15T10:00:00Z"). */
export const at = (iso: string): number => Date.parse(iso);

/** A Monday in June, 10:00 UTC: the default "now" of tests that do not care about the date. */
export const NOON_ISH = at('2026-06-15T10:00:00Z');

export const service = (id: string, skill: string, durationMin = 60, equipment: string[] = []): Service => ({
  id,
  category: 'facial',
  name: { en: id, 'zh-CN': id },
  durationMin,
  requiredSkill: skill,
  equipment,
  aftercare: { en: '', 'zh-CN': '' },
});

export const shift = (start: string, end: string, breaks: { start: string; end: string }[] = []): Shift => ({
  start,
  end,
  breaks,
});

/** The same shift every day of the week, except the days off (0 = Sunday … 6 = Saturday). */
export const everyDay = (s: Shift, daysOff: number[] = []): WeeklyShifts =>
  Array.from({ length: 7 }, (_, day) => (daysOff.includes(day) ? null : s));

/** Around the clock, every day: for tests that are not about shifts. */
export const ALWAYS: WeeklyShifts = everyDay(shift('00:00', '00:00'));

export const beautician = (id: string, skills: string[], extra: Partial<StaffMember> = {}): StaffMember => ({
  id,
  name: id,
  role: 'beautician',
  skills,
  active: true,
  weeklyShifts: ALWAYS,
  ...extra,
});

export const room = (
  id: string,
  equipment: string[] = [],
  state: Room['state'] = 'free',
  extra: Partial<Room> = {},
): Room => ({
  id,
  name: id,
  equipment,
  state,
  visitId: null,
  cleaningBufferMin: 10,
  cleaningUntil: null,
  ...extra,
});

export const visit = (id: string, serviceId: string, state: VisitState, extra: Partial<Visit> = {}): Visit => ({
  ...newVisit({ id, ticket: 'A001', clientId: `c-${id}`, serviceId, language: 'en', at: 0 }),
  state,
  times: { checked_in: 0, queued: 0 },
  queueRank: extra.times?.queued ?? 0,
  ...extra,
});

export const settings = (extra: Partial<FloorSettings> = {}): FloorSettings => ({
  autoAssign: true,
  preferredWaitLimitMin: 20,
  timeZone: 'UTC',
  ...extra,
});
