import { canPerform, holdsRoom, roomFits, transition, type Visit } from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';
import { firstPlan } from './plan.service.ts';
import { isBlocked } from './consultation.ts';
import { freed, heldRoom, type VisitStateResult } from './visit-access.ts';

/**
 * The front desk places a waiting client by hand (or moves an assigned one): any room that is free and has the
 * equipment, any qualified beautician who is not with another client. Each reason to refuse has its own message.
 */
export function decideManualAssign(
  state: Readonly<HubState>,
  now: number,
  input: { visitId: string; roomId: string; staffId: string },
  activeVisits: readonly Visit[],
): Decision<VisitStateResult> | Refusal {
  const visit = state.visits[input.visitId];
  if (!visit) return refuse('not_found', 'unknown_visit');
  let to = visit.state;
  if (visit.state !== 'assigned') {
    const next = transition(visit.state, 'assign');
    if (!next.ok) return refuse('conflict', 'illegal_transition', { from: `state.${visit.state}`, command: 'command.assign' });
    to = next.state;
  }
  // A blocking contraindication: nobody takes the client until a manager has overridden it.
  if (isBlocked(state, visit)) return refuse('conflict', 'visit_blocked');
  const service = state.services[visit.serviceId];
  if (!service) return refuse('invalid_input', 'unknown_service');

  const room = state.rooms[input.roomId];
  if (!room) return refuse('not_found', 'unknown_room');
  const sameRoom = room.visitId === visit.id;
  if (!sameRoom) {
    if (room.state === 'occupied' || room.visitId !== null) return refuse('conflict', 'room_occupied', { room: room.name });
    if (room.state === 'out_of_service') return refuse('conflict', 'room_out_of_service', { room: room.name });
    if (room.state === 'cleaning') return refuse('conflict', 'room_cleaning', { room: room.name });
  }
  if (!roomFits(room, service)) return refuse('conflict', 'room_lacks_equipment', { room: room.name });

  const staff = state.staff[input.staffId];
  if (!staff) return refuse('not_found', 'unknown_staff');
  if (!canPerform(staff, service)) return refuse('conflict', 'staff_not_qualified', { name: staff.name });
  const busy = activeVisits.some((v) => v.id !== visit.id && v.staffId === staff.id && holdsRoom(v.state));
  if (busy) return refuse('conflict', 'staff_busy', { name: staff.name });

  const sameStaff = visit.state === 'assigned' && visit.staffId === staff.id;
  const assigned: Visit = {
    ...visit,
    state: to,
    roomId: room.id,
    staffId: staff.id,
    acceptedAt: sameStaff ? visit.acceptedAt : null,
    plan: visit.plan ?? firstPlan(visit, state, staff.id, now),
    times: sameStaff && sameRoom ? visit.times : { ...visit.times, assigned: now },
  };
  const rooms: NonNullable<Changes['rooms']> = { [room.id]: { ...room, state: 'occupied', visitId: visit.id, cleaningUntil: null } };
  const old = heldRoom(state, visit);
  if (old && old.id !== room.id) rooms[old.id] = freed(old);
  return { changes: { visits: { [visit.id]: assigned }, rooms }, result: { visitId: visit.id, state: assigned.state } };
}
