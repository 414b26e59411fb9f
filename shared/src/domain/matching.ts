import type { Id, Timestamp } from '../schemas/common.schema.ts';
import type { FloorSettings, Presence } from '../schemas/floor.schema.ts';
import type { Room } from '../schemas/room.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import type { StaffMember } from '../schemas/staff.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import { canPerform, compareIds, isBeautician, roomFits } from './floor.ts';
import { plannedMinutes } from './overrun.ts';
import { isPresent } from './presence.ts';
import { fitsAt, memberShiftWindows, MINUTE, nextFit, salonDay, type ShiftWindow } from './shifts.ts';

/**
 * The one matching rule shared by the planner (at `now`, with what is free now) and the wait estimate (replayed at
 * every moment something changes, with when each beautician and room is expected to be free). Keeping it in one
 * place is what makes the estimate tell the queue what the planner will actually do.
 */

export type StaffSlot = { member: StaffMember; windows: readonly ShiftWindow[]; freeAt: Timestamp };
export type RoomSlot = { room: Room; freeAt: Timestamp };
export type Pools = { staff: StaffSlot[]; rooms: RoomSlot[]; byId: Map<Id, StaffSlot> };
export type Match = { visit: Visit; staff: StaffSlot; room: RoomSlot; start: Timestamp; durationMs: number };

/**
 * Beauticians (active, role beautician, and present today when `presence` is given) with today's shift windows, and
 * every room, each with when it is free (Infinity: not in this simulation). Sorted so that the least versatile is offered first, keeping a beautician with
 * rare skills and a room with rare equipment for the clients who need them; ties by id.
 */
export function makePools(
  staff: readonly StaffMember[],
  rooms: readonly Room[],
  now: Timestamp,
  timeZone: string,
  staffFreeAt: (s: StaffMember) => Timestamp,
  roomFreeAt: (r: Room) => Timestamp,
  presence?: Readonly<Record<Id, Presence>>,
): Pools {
  // The planner and the estimates share this one presence rule, so a wait never counts on someone who is not here.
  const today = presence ? (salonDay(now, timeZone) ?? '') : '';
  const here = (s: StaffMember): boolean => !presence || isPresent(presence, s.id, today);
  const staffSlots = staff
    .filter((s) => isBeautician(s) && here(s))
    .map((member) => ({
      member,
      windows: memberShiftWindows(member, now, timeZone),
      freeAt: staffFreeAt(member),
    }))
    .sort((a, b) => a.member.skills.length - b.member.skills.length || compareIds(a.member, b.member));
  const roomSlots = rooms
    .map((room) => ({ room, freeAt: roomFreeAt(room) }))
    .sort((a, b) => a.room.equipment.length - b.room.equipment.length || compareIds(a.room, b.room));
  const byId = new Map<Id, StaffSlot>();
  for (const s of staffSlots) if (!byId.has(s.member.id)) byId.set(s.member.id, s);
  return { staff: staffSlots, rooms: roomSlots, byId };
}

/** When a client's wait for their preferred beautician started. */
export const queuedSince = (v: Visit, now: Timestamp): Timestamp => v.times.queued ?? v.times.checked_in ?? now;

/** The session length the planner books for a queued visit: its plan if it has one (handed back), else the service. */
export function sessionMs(v: Visit, service: Service | undefined): number | null {
  const minutes = plannedMinutes(v, service);
  return minutes === null ? null : minutes * MINUTE;
}

/** Free at `t`, qualified for the service, and the session fits in their shift before any break. */
function qualifies(s: StaffSlot, service: Service, t: Timestamp, durationMs: number): boolean {
  return s.freeAt <= t && canPerform(s.member, service) && fitsAt(s.windows, t, durationMs);
}

/** Beauticians who handed this visit back: the planner never offers it to them again (the front desk still may). */
const NOBODY: ReadonlySet<Id> = new Set();
const handedBackBy = (v: Visit): ReadonlySet<Id> => (v.handBacks?.length ? new Set(v.handBacks.map((h) => h.staffId)) : NOBODY);

/**
 * Whether a client who would rather wait for their preferred beautician should keep waiting at `t`: within the
 * salon's limit since they joined the queue, and only for someone who can perform the service at all and still has
 * time in today's shift where it fits (waiting for someone who will not come is pointless).
 */
function keepsWaiting(
  v: Visit,
  pref: StaffSlot | undefined,
  service: Service,
  t: Timestamp,
  durationMs: number,
  settings: Pick<FloorSettings, 'preferredWaitLimitMin'>,
  now: Timestamp,
): boolean {
  if (!v.waitForPreferred || !pref || !canPerform(pref.member, service)) return false;
  if (t >= queuedSince(v, now) + settings.preferredWaitLimitMin * MINUTE) return false;
  const from = Number.isFinite(pref.freeAt) ? Math.max(t, pref.freeAt) : t;
  return nextFit(pref.windows, from, durationMs) !== null;
}

/**
 * Pairs visits (already in serving order) with a beautician and a room free at `t`. A visit nobody can take now is
 * skipped without holding back the ones behind it. Chosen slots are marked busy (room: plus its cleaning buffer).
 * Returns the matches in serving order.
 */
export function matchAt(
  t: Timestamp,
  ordered: readonly Visit[],
  services: Readonly<Record<Id, Service>>,
  pools: Pools,
  settings: Pick<FloorSettings, 'preferredWaitLimitMin'>,
  now: Timestamp,
): Match[] {
  const out: Match[] = [];
  // Most moments of a busy day's replay have nobody or no room free: answer those without building the lists.
  if (!ordered.length || !pools.staff.some((s) => s.freeAt <= t) || !pools.rooms.some((r) => r.freeAt <= t)) return out;
  const freeStaff = pools.staff.filter((s) => s.freeAt <= t);
  const freeRooms = pools.rooms.filter((r) => r.freeAt <= t && r.room.state !== 'out_of_service');
  // Visits with no preference and no hand-backs that ask for the same service and length are interchangeable here:
  // once one of them finds nobody, the rest do too (what is free only shrinks during the call). Skipping them keeps
  // a long queue that nobody can serve at `t` (the end of the day, in the wait estimate's replay) cheap to pass over.
  const unservable = new Set<string>();
  for (const visit of ordered) {
    if (!freeStaff.length || !freeRooms.length) break;
    const service = services[visit.serviceId];
    if (!service) continue;
    const durationMs = sessionMs(visit, service);
    if (durationMs === null) continue;
    const kind = visit.preferredStaffId === null && !visit.handBacks?.length ? `${visit.serviceId}\u0000${durationMs}` : null;
    if (kind !== null && unservable.has(kind)) continue;
    const roomAt = freeRooms.findIndex((r) => roomFits(r.room, service));
    if (roomAt === -1) {
      if (kind !== null) unservable.add(kind);
      continue;
    }
    const refused = handedBackBy(visit);
    const preferred = visit.preferredStaffId !== null ? pools.byId.get(visit.preferredStaffId) : undefined;
    const pref = preferred && !refused.has(preferred.member.id) ? preferred : undefined;
    let staff: StaffSlot | undefined;
    if (pref && qualifies(pref, service, t, durationMs)) staff = pref;
    else if (keepsWaiting(visit, pref, service, t, durationMs, settings, now)) continue;
    else staff = freeStaff.find((s) => !refused.has(s.member.id) && qualifies(s, service, t, durationMs));
    if (!staff) {
      if (kind !== null) unservable.add(kind);
      continue;
    }
    const room = freeRooms[roomAt] as RoomSlot;
    freeRooms.splice(roomAt, 1);
    freeStaff.splice(freeStaff.indexOf(staff), 1);
    staff.freeAt = t + durationMs;
    room.freeAt = t + durationMs + room.room.cleaningBufferMin * MINUTE;
    out.push({ visit, staff, room, start: t, durationMs });
  }
  return out;
}

/**
 * Whether a walk-in for `service` with no preference could be taken in at `t` with what is still free: a free room
 * with the equipment and a free beautician who qualifies. This is exactly when `matchAt` would take such a visit
 * placed at the back of the queue, after everyone ahead of it has been served.
 */
export function canServeAt(t: Timestamp, service: Service, pools: Pools): boolean {
  const durationMs = service.durationMin * MINUTE;
  return (
    pools.rooms.some((r) => r.freeAt <= t && r.room.state !== 'out_of_service' && roomFits(r.room, service)) &&
    pools.staff.some((s) => qualifies(s, service, t, durationMs))
  );
}
