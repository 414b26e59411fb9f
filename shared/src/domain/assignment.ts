import type { Id, Timestamp } from '../schemas/common.schema.ts';
import { DEFAULT_ACCEPT_WITHIN_MIN, type FloorSettings } from '../schemas/floor.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import { busyStaffIds, queueOrder, type Floor } from './floor.ts';
import { makePools, matchAt } from './matching.ts';
import { needsManagerOverride } from './block.ts';

export type Assignment = { visitId: Id; roomId: Id; staffId: Id };

/**
 * Pairs queued visits with a free room and a free, qualified beautician at `now`. Nothing while the front desk has
 * paused auto-assign.
 *
 * Order: booked visits due (within BOOKED_DUE_LEAD_MIN) by their time, then the rest by queue rank; ties by id.
 * A beautician qualifies when active, a beautician, skilled for the service, on shift and off break, holding no
 * visit, and the session (the visit's plan if it has one, else the service's duration) fits before the end of their
 * shift and their next break. A room qualifies when `free` and it has all the service's equipment. The preferred
 * beautician takes the visit when they qualify; if not and the client would rather wait, the visit waits (until
 * `preferredWaitLimitMin` after it joined the queue, and only for someone who can still do it today); otherwise
 * anyone qualified. A beautician who handed the visit back is never offered it again (nor waited for); the front
 * desk can still place it with them by hand. A visit nobody can take now does not hold back the ones behind it.
 * Among equals the least versatile beautician and room go first (fewest skills, fewest equipment), then the
 * smallest id.
 */
export function planAssignments(floor: Floor, now: Timestamp, settings: FloorSettings): Assignment[] {
  if (!settings.autoAssign) return [];
  // No room free: nothing to offer, known without building the pools (every command's follow-up asks).
  if (!floor.rooms.some((r) => r.state === 'free')) return [];
  const busy = busyStaffIds(floor.visits);
  const pools = makePools(
    floor.staff,
    floor.rooms,
    now,
    settings.timeZone,
    (s) => (busy.has(s.id) ? Infinity : now),
    (r) => (r.state === 'free' ? now : Infinity),
    floor.presence,
  );
  // Nobody free, or no room free: nothing to offer, and no need to put the whole queue in order (every command's
  // follow-up asks, and a long queue made that sort a cost per command, #15).
  if (!pools.staff.some((s) => s.freeAt <= now) || !pools.rooms.some((r) => r.freeAt <= now && r.room.state !== 'out_of_service')) return [];
  // A visit whose consultation blocks the service waits for a manager's override: nobody is offered it before.
  const order = queueOrder(floor.visits, now).filter((v) => !needsManagerOverride(v));
  return matchAt(now, order, floor.services, pools, settings, now).map((m) => ({
    visitId: m.visit.id,
    roomId: m.room.room.id,
    staffId: m.staff.member.id,
  }));
}

const MIN = 60_000;

/**
 * Assignments nobody accepted in time at `now`: assigned, not yet accepted on the beautician's tablet, for
 * `acceptWithinMin` minutes or more since the assignment. The floor gives them back to the queue (an assignment to
 * someone who is not looking at a tablet would otherwise hold the room and inflate every wait) and alerts the desk.
 */
export function unacceptedAssignments(
  visits: readonly Visit[],
  now: Timestamp,
  settings: Pick<FloorSettings, 'acceptWithinMin'>,
): Visit[] {
  const limit = (settings.acceptWithinMin ?? DEFAULT_ACCEPT_WITHIN_MIN) * MIN;
  return visits.filter((v) => {
    const since = v.times.assigned;
    return v.state === 'assigned' && v.acceptedAt === null && since !== undefined && now - since >= limit;
  });
}
