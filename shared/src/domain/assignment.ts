import type { Id } from '../schemas/common.schema.ts';
import { busyStaffIds, canPerform, queueOrder, roomFits, type Floor } from './floor.ts';

export type Assignment = { visitId: Id; roomId: Id; staffId: Id };

/**
 * Pairs queued visits with a free room and a free, qualified beautician, in queue order. A visit that cannot be
 * served now (no qualified beautician or no fitting room) does not hold back the ones behind it.
 */
export function planAssignments(floor: Floor): Assignment[] {
  const busy = busyStaffIds(floor.visits);
  const freeRooms = floor.rooms.filter((r) => r.state === 'free').sort((a, b) => a.id.localeCompare(b.id));
  const takenRooms = new Set<Id>();
  const out: Assignment[] = [];

  for (const visit of queueOrder(floor.visits)) {
    const service = floor.services[visit.serviceId];
    if (!service) continue;
    const staff = floor.staff.find((s) => !busy.has(s.id) && canPerform(s, service));
    const room = freeRooms.find((r) => !takenRooms.has(r.id) && roomFits(r, service));
    if (!staff || !room) continue;
    busy.add(staff.id);
    takenRooms.add(room.id);
    out.push({ visitId: visit.id, roomId: room.id, staffId: staff.id });
  }
  return out;
}
