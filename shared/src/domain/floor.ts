import type { Id, Timestamp } from '../schemas/common.schema.ts';
import type { Presence } from '../schemas/floor.schema.ts';
import type { Room } from '../schemas/room.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import type { StaffMember } from '../schemas/staff.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import { MINUTE } from './shifts.ts';
import { holdsRoom } from './visit-machine.ts';

/** The live floor as the pure assignment and estimate functions see it. */
export type Floor = {
  visits: readonly Visit[];
  rooms: readonly Room[];
  staff: readonly StaffMember[];
  services: Readonly<Record<Id, Service>>;
  /**
   * Who is here on the salon's day (signed in on a tablet, or marked present by the desk). When given, the planner
   * and the wait estimates count only these beauticians: a client is never offered to someone on shift who never came
   * in, so no wait may count on them either (#11). The hub always gives it; left out only by unit tests of other rules,
   * where everyone on shift counts.
   */
  presence?: Readonly<Record<Id, Presence>>;
};

/** A booked visit counts as due, and goes to the front of the queue, this many minutes before its time. */
export const BOOKED_DUE_LEAD_MIN = 5;

export const isBeautician = (s: StaffMember): boolean => s.active && s.role === 'beautician';

/** Skill only: whether this person can perform the service at all (shifts are checked elsewhere). */
export const canPerform = (staff: StaffMember, service: Service): boolean =>
  isBeautician(staff) && staff.skills.includes(service.requiredSkill);

/** Equipment only: whether the room has everything the service needs (its state is checked elsewhere). */
export const roomFits = (room: Room, service: Service): boolean =>
  service.equipment.every((e) => room.equipment.includes(e));

/** Staff ids currently holding a visit (assigned, planning, in service or closing). */
export function busyStaffIds(visits: readonly Visit[]): Set<Id> {
  return new Set(visits.filter((v) => holdsRoom(v.state) && v.staffId).map((v) => v.staffId as Id));
}

/** The visit a staff member holds (assigned, plan confirmed, in service or closing); the smallest id if several. */
export function heldVisitId(staffId: Id, visits: readonly Visit[]): Id | null {
  let held: Id | null = null;
  for (const v of visits) {
    if (v.staffId === staffId && holdsRoom(v.state) && (held === null || v.id < held)) held = v.id;
  }
  return held;
}

/** A booked visit whose time is within the lead at `now` (or past). */
export const isDue = (v: Visit, now: Timestamp): boolean =>
  v.kind === 'booked' && v.dueAt !== null && v.dueAt <= now + BOOKED_DUE_LEAD_MIN * MINUTE;

const byId = (a: { id: Id }, b: { id: Id }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Compares two visits in serving order at `now`. */
export function compareQueue(a: Visit, b: Visit, now: Timestamp): number {
  const aDue = isDue(a, now);
  const bDue = isDue(b, now);
  if (aDue !== bDue) return aDue ? -1 : 1;
  if (aDue) return (a.dueAt as number) - (b.dueAt as number) || byId(a, b);
  return a.queueRank - b.queueRank || byId(a, b);
}

/**
 * Queued visits in the order they are served at `now`: booked visits that are due (within
 * BOOKED_DUE_LEAD_MIN) first by their time, then everyone else by queue rank: walk-ins, and booked clients who came
 * early, who wait like walk-ins until their time comes. Ties by id.
 */
export function queueOrder(visits: readonly Visit[], now: Timestamp): Visit[] {
  return visits.filter((v) => v.state === 'queued').sort((a, b) => compareQueue(a, b, now));
}

export const compareIds = byId;
