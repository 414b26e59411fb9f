import type { Booking } from '@glow/shared';

/**
 * A booked appointment written straight into a test salon's state (the desk calendar's e2e): the hub's own commands
 * refuse a second booking over a beautician's or a room's taken time, but a salon's calendar can still hold two —
 * made before a beautician's or room's change, or brought in from another system — and must show both.
 */
export function seededBooking(b: {
  id: string;
  clientId: string;
  serviceId: string;
  staffId: string | null;
  roomId: string | null;
  startsAt: number;
  minutes: number;
  /** When it was made: the reminder is due a day before the start. */
  madeAt: number;
}): Booking {
  return {
    id: b.id,
    clientId: b.clientId,
    serviceId: b.serviceId,
    staffId: b.staffId,
    anyStaff: b.staffId === null,
    roomId: b.roomId,
    startsAt: b.startsAt,
    endsAt: b.startsAt + b.minutes * 60_000,
    state: 'booked',
    holdExpiresAt: null,
    source: 'desk',
    visitId: null,
    createdAt: b.madeAt,
    cancelledAt: null,
    reminder: { dueAt: b.startsAt - 86_400_000, doneAt: null, doneBy: null },
    bookedBy: 'grace',
  };
}
