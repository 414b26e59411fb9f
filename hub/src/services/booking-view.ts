import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import type { Booking, BookingCard, StaffView, TaskCard } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { boardName } from './board-name.ts';

/** The start of the salon's day at `now`: the board lists bookings from then on. */
const dayStart = (now: number, timeZone: string): number => startOfDay(new TZDate(now, timeZone)).getTime();

const nameOf = (state: Readonly<HubState>, clientId: string): string => boardName(state.clients[clientId]);

/** On the board: booked or checked in, today or later. Holds and cancelled bookings are not. */
const onBoard = (b: Booking, from: number): boolean => (b.state === 'booked' || b.state === 'checked_in') && b.startsAt >= from;

/** A reminder to work on: the booking is still ahead, and it needed one (a same-day booking is born done, by nobody). */
const hasTask = (b: Booking, from: number): boolean =>
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

/** The board's bookings and the front desk's tasks at `now` (front desk and manager only). */
export function bookingViews(state: Readonly<HubState>, now: number): Pick<StaffView, 'bookings' | 'tasks'> {
  const from = dayStart(now, state.meta.floor.timeZone);
  const bookings: StaffView['bookings'] = {};
  const tasks: StaffView['tasks'] = {};
  for (const b of Object.values(state.bookings ?? {})) {
    if (onBoard(b, from)) bookings[b.id] = bookingCard(state, b);
    if (hasTask(b, from)) tasks[b.id] = taskCard(state, b);
  }
  return { bookings, tasks };
}

type Part<K extends 'bookings' | 'tasks'> = { set?: StaffView[K]; del?: string[] };

/** The parts of a staff patch for changed bookings: those still on the board (or still a task) set, others deleted. */
export function bookingPatch(
  state: Readonly<HubState>,
  changed: Record<string, Booking | null> | undefined,
  now: number,
): { bookings: Part<'bookings'>; tasks: Part<'tasks'> } {
  const out = { bookings: {} as Part<'bookings'>, tasks: {} as Part<'tasks'> };
  if (!changed) return out;
  const from = dayStart(now, state.meta.floor.timeZone);
  for (const [id, b] of Object.entries(changed)) {
    if (b && onBoard(b, from)) (out.bookings.set ??= {})[id] = bookingCard(state, b);
    // A hold was never on the board: nothing to delete.
    else if (!b || b.state !== 'held') (out.bookings.del ??= []).push(id);
    if (b && hasTask(b, from)) (out.tasks.set ??= {})[id] = taskCard(state, b);
    else if (!b || b.state !== 'held') (out.tasks.del ??= []).push(id);
  }
  return out;
}
