import type { Booking, BookingCard, TaskCard } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { boardName } from './board-name.ts';

const nameOf = (state: Readonly<HubState>, clientId: string): string => boardName(state.clients[clientId]);

/** On the board: booked or checked in, from the start of the salon's day `from`. Holds and cancelled bookings are not. */
export const onBoard = (b: Booking, from: number): boolean => (b.state === 'booked' || b.state === 'checked_in') && b.startsAt >= from;

/** A reminder to work on: the booking is still ahead, and it needed one (a same-day booking is born done, by nobody). */
export const hasTask = (b: Booking, from: number): boolean =>
  b.state === 'booked' && b.startsAt >= from && !(b.reminder.doneAt !== null && b.reminder.doneBy === null);

export function bookingCard(state: Readonly<HubState>, b: Booking): BookingCard {
  return {
    id: b.id,
    serviceId: b.serviceId,
    staffId: b.staffId,
    anyStaff: b.anyStaff,
    roomId: b.roomId,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    state: b.state,
    visitId: b.visitId,
    source: b.source,
    clientName: nameOf(state, b.clientId),
  };
}

export function taskCard(state: Readonly<HubState>, b: Booking): TaskCard {
  const client = state.clients[b.clientId];
  return {
    id: b.id,
    kind: 'booking_reminder',
    bookingId: b.id,
    dueAt: b.reminder.dueAt,
    doneAt: b.reminder.doneAt,
    doneBy: b.reminder.doneBy,
    clientName: nameOf(state, b.clientId),
    clientPhone: client?.phone ?? '',
    clientLanguage: client?.language ?? 'en',
    serviceId: b.serviceId,
    staffId: b.staffId,
    anyStaff: b.anyStaff,
    startsAt: b.startsAt,
  };
}
