import type { Id, Timestamp } from '../schemas/common.schema.ts';
import type { Room } from '../schemas/room.schema.ts';
import { compareIds } from './floor.ts';
import { MINUTE } from './shifts.ts';

/**
 * Rooms whose cleaning buffer is over at `now`: in `cleaning` with a `cleaningUntil` at or before `now`, by id.
 * A room cleaning with no `cleaningUntil` waits for someone to mark it ready.
 */
export function roomsToFree(rooms: readonly Room[], now: Timestamp): Id[] {
  return rooms
    .filter((r) => r.state === 'cleaning' && r.cleaningUntil !== null && r.cleaningUntil <= now)
    .sort(compareIds)
    .map((r) => r.id);
}

/** When a room that starts cleaning at `now` frees itself: after the room's own buffer (at once for a zero buffer). */
export const cleaningUntilFor = (room: Pick<Room, 'cleaningBufferMin'>, now: Timestamp): Timestamp =>
  now + room.cleaningBufferMin * MINUTE;

/** The earliest `cleaningUntil` still ahead of `now`, for the hub to set one timer; null when none. */
export function nextCleaningDue(rooms: readonly Room[], now: Timestamp): Timestamp | null {
  let next: Timestamp | null = null;
  for (const r of rooms) {
    if (r.state !== 'cleaning' || r.cleaningUntil === null || r.cleaningUntil <= now) continue;
    if (next === null || r.cleaningUntil < next) next = r.cleaningUntil;
  }
  return next;
}
