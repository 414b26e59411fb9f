import type { Id } from '../schemas/common.schema.ts';
import type { Room } from '../schemas/room.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import type { StaffMember } from '../schemas/staff.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import { holdsRoom } from './visit-machine.ts';

/** The live floor as the pure assignment and estimate functions see it. */
export type Floor = {
  visits: readonly Visit[];
  rooms: readonly Room[];
  staff: readonly StaffMember[];
  services: Readonly<Record<Id, Service>>;
};

export const isBeautician = (s: StaffMember): boolean => s.active && s.role === 'beautician';

export const canPerform = (staff: StaffMember, service: Service): boolean =>
  isBeautician(staff) && staff.skills.includes(service.requiredSkill);

export const roomFits = (room: Room, service: Service): boolean =>
  service.equipment.every((e) => room.equipment.includes(e));

/** Staff ids currently holding a visit (assigned, planning, in service or closing). */
export function busyStaffIds(visits: readonly Visit[]): Set<Id> {
  return new Set(visits.filter((v) => holdsRoom(v.state) && v.staffId).map((v) => v.staffId as Id));
}

/** Queued visits in the order they are served: arrival order (booked clients first comes with bookings). */
export function queueOrder(visits: readonly Visit[]): Visit[] {
  return visits
    .filter((v) => v.state === 'queued')
    .sort((a, b) => (a.times.queued ?? 0) - (b.times.queued ?? 0) || a.id.localeCompare(b.id));
}
