import type { Done, Room } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';
import { freed, isDesk, type Actor } from './visit-access.ts';


/**
 * The room is clean before its buffer ran out: free now. A beautician may do it for the room of the visit they just
 * closed; the front desk and the manager for any room.
 */
export function decideRoomReady(
  state: Readonly<HubState>,
  _now: number,
  actor: Actor,
  roomId: string,
  lastVisitId: (roomId: string) => string | undefined,
): Decision<Done> | Refusal {
  const room = state.rooms[roomId];
  if (!room) return refuse('not_found', 'unknown_room');
  if (!isDesk(actor)) {
    const last = lastVisitId(roomId);
    if (!last || state.visits[last]?.staffId !== actor.staffId) return refuse('forbidden', 'not_your_room');
  }
  if (room.state !== 'cleaning') return refuse('conflict', 'room_not_cleaning', { room: room.name });
  return { changes: { rooms: { [room.id]: freed(room) } }, result: {} };
}

/**
 * Takes a room out of service (equipment broken, maintenance) or puts it back. A room with a client in it cannot be
 * taken out: hand the visit back or finish it first.
 */
export function decideSetOutOfService(
  state: Readonly<HubState>,
  _now: number,
  roomId: string,
  outOfService: boolean,
): Decision<Done> | Refusal {
  const room = state.rooms[roomId];
  if (!room) return refuse('not_found', 'unknown_room');
  let next: Room = room;
  if (outOfService) {
    if (room.state === 'occupied' || room.visitId !== null) return refuse('conflict', 'room_occupied', { room: room.name });
    next = { ...room, state: 'out_of_service', cleaningUntil: null };
  } else if (room.state === 'out_of_service') {
    next = freed(room);
  }
  return { changes: next === room ? {} : { rooms: { [room.id]: next } }, result: {} };
}
