import { needsManagerOverride } from './block.ts';
import type { Id, Timestamp } from '../schemas/common.schema.ts';
import type { FloorSettings } from '../schemas/floor.schema.ts';
import type { Room } from '../schemas/room.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import { BOOKED_DUE_LEAD_MIN, compareQueue, isDue, type Floor } from './floor.ts';
import { canServeAt, makePools, matchAt, queuedSince } from './matching.ts';
import { expectedEnd } from './overrun.ts';
import { MINUTE } from './shifts.ts';
import { holdsRoom } from './visit-machine.ts';

export type WaitEstimates = { byVisit: Map<Id, number | null>; forExtra: number | null };

/**
 * Minutes until each queued visit is expected to be taken in, and until a walk-in for `extra` joining the back of
 * the queue now would be (null when `extra` is not given).
 *
 * It replays the planner's own rule (same order, same qualification, same preferences and wait limit, same
 * tie-breaks) at every moment something changes: a beautician finishes (a session ends at its plan's duration, else
 * the service's; an overrun counts as ending now; assigned and confirmed visits end their planned length from now;
 * closing ones now), a room finishes cleaning (its `cleaningUntil`, or a session's end plus the room's buffer), a
 * shift starts or a break ends, a booking comes due, a preferred-beautician wait runs out. Only today's shifts are
 * used: a visit that no one on shift today can take before their shift ends gets null, as does one whose service is
 * unknown or whose equipment no room has. Every queued visit gets an entry. The replay runs whether or not
 * auto-assign is paused (the front desk then places clients by hand, roughly as the planner would).
 */
export function estimateWaits(floor: Floor, now: Timestamp, settings: FloorSettings, extra?: Service): WaitEstimates {
  const { byVisit, forServices } = simulate(floor, now, settings, extra ? [extra] : []);
  return { byVisit, forExtra: extra ? (forServices[0] ?? null) : null };
}

/**
 * The wait of a new walk-in for each of `services`, as `estimateWaits(floor, now, settings, service).forExtra` gives
 * it, from one replay for all of them (a walk-in at the back of the queue changes nothing for those ahead until it
 * is taken in, so each one's wait is the first moment of the shared replay when it could be). Keyed by service id.
 */
export function estimateServiceWaits(
  floor: Floor,
  now: Timestamp,
  settings: FloorSettings,
  services: readonly Service[],
): Map<Id, number | null> {
  const { forServices } = simulate(floor, now, settings, services);
  return new Map(services.map((s, i) => [s.id, forServices[i] ?? null]));
}

/** Both at once, from one replay: every queued visit's wait, and a new walk-in's wait for each of `services`. */
export function estimateAll(
  floor: Floor,
  now: Timestamp,
  settings: FloorSettings,
  services: readonly Service[],
): { byVisit: Map<Id, number | null>; byService: Map<Id, number | null> } {
  const { byVisit, forServices } = simulate(floor, now, settings, services);
  return { byVisit, byService: new Map(services.map((s, i) => [s.id, forServices[i] ?? null])) };
}

function simulate(
  floor: Floor,
  now: Timestamp,
  settings: FloorSettings,
  extras: readonly Service[],
): { byVisit: Map<Id, number | null>; forServices: (number | null)[] } {
  const staffFree = new Map<Id, Timestamp>();
  const roomFree = new Map<Id, Timestamp>();
  for (const v of floor.visits) {
    if (!holdsRoom(v.state)) continue;
    const end = expectedEnd(v, floor.services[v.serviceId], now) ?? now;
    if (v.staffId) staffFree.set(v.staffId, Math.max(staffFree.get(v.staffId) ?? now, end));
    if (v.roomId) roomFree.set(v.roomId, Math.max(roomFree.get(v.roomId) ?? now, end));
  }
  const roomFreeAt = (r: Room): Timestamp => {
    switch (r.state) {
      case 'free':
        return now;
      case 'cleaning':
        return Math.max(now, r.cleaningUntil ?? now);
      case 'occupied': {
        const end = roomFree.get(r.id);
        return end === undefined ? Infinity : end + r.cleaningBufferMin * MINUTE;
      }
      default:
        return Infinity;
    }
  };
  const staffFreeAt = (s: { id: Id }): Timestamp => staffFree.get(s.id) ?? now;
  const pools = makePools(floor.staff, floor.rooms, now, settings.timeZone, staffFreeAt, roomFreeAt);

  // A blocked visit waits for a manager's override, not for a room: it takes no place in the replay (as in the planner).
  let pending: Visit[] = floor.visits.filter((v) => v.state === 'queued' && !needsManagerOverride(v));
  const starts = new Map<Id, Timestamp>();
  const extraStarts: (Timestamp | null)[] = extras.map(() => null);
  let unresolved = extras.length;

  // Moments that do not depend on what the replay decides: shift starts, break ends, bookings coming due,
  // preferred-beautician waits running out.
  const fixed: Timestamp[] = [];
  for (const s of pools.staff) for (const w of s.windows) fixed.push(w.start, ...w.breaks.map((b) => b.end));
  for (const v of pending) {
    if (v.kind === 'booked' && v.dueAt !== null) fixed.push(v.dueAt - BOOKED_DUE_LEAD_MIN * MINUTE);
    if (v.waitForPreferred && v.preferredStaffId !== null) {
      fixed.push(queuedSince(v, now) + settings.preferredWaitLimitMin * MINUTE);
    }
  }

  let t = now;
  // The serving order changes only when a booked client comes due; re-sorting at every step made the replay
  // quadratic-times-log in the queue length, which a busy floor felt on every command.
  let ordered = [...pending].sort((a, b) => compareQueue(a, b, t));
  let sortedAt = t;
  const dueChanged = (from: Timestamp, to: Timestamp) =>
    pending.some((v) => v.kind === 'booked' && v.dueAt !== null && isDue(v, from) !== isDue(v, to));
  while (pending.length || unresolved) {
    if (pending.length) {
      if (t !== sortedAt && dueChanged(sortedAt, t)) ordered = [...pending].sort((a, b) => compareQueue(a, b, t));
      sortedAt = t;
      const matched = matchAt(t, ordered, floor.services, pools, settings, now);
      if (matched.length) {
        for (const m of matched) starts.set(m.visit.id, m.start);
        const taken = new Set(matched.map((m) => m.visit));
        pending = pending.filter((v) => !taken.has(v));
        ordered = ordered.filter((v) => !taken.has(v));
      }
    }
    extras.forEach((service, i) => {
      if (extraStarts[i] === null && canServeAt(t, service, pools)) {
        extraStarts[i] = t;
        unresolved--;
      }
    });
    let next = Infinity;
    for (const x of fixed) if (x > t && x < next) next = x;
    for (const s of pools.staff) if (s.freeAt > t && s.freeAt < next) next = s.freeAt;
    for (const r of pools.rooms) if (r.freeAt > t && r.freeAt < next) next = r.freeAt;
    if (!Number.isFinite(next)) break;
    t = next;
  }

  const minutes = (start: Timestamp | null | undefined): number | null =>
    start === undefined || start === null ? null : Math.max(0, Math.ceil((start - now) / MINUTE));
  const byVisit = new Map<Id, number | null>();
  for (const v of floor.visits) if (v.state === 'queued') byVisit.set(v.id, minutes(starts.get(v.id)));
  return { byVisit, forServices: extraStarts.map(minutes) };
}
