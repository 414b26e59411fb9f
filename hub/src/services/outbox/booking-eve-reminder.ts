import { bookingOfEveKey, type Booking, type OutboxMessage } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';

/**
 * The desk's day-before reminder of a booking (Booking.reminder, a call on the desk's task list) when the salon
 * reminds by message (the `booking_eve` rule's channel, #16): once the day-before message for that booking has
 * actually left for the client, nobody should call her about the same thing. The reminder is closed by nobody
 * (`doneBy: null`, as a same-day booking's is born done), which takes it off the desk's list.
 *
 * Only a message that reached the client counts: an e-mail the salon's server accepted, or a text handed to the
 * salon's gateway (webhook). A message written to the outbox folder (the file channel, for a salon without e-mail or
 * gateway) never left the salon, and one that failed, is uncertain or still queued has not reached her: the reminder
 * stays for a call. A reminder already done (the desk called first) or a booking no longer booked is left alone.
 */
export function reminderClosedByMessage(state: Readonly<HubState>, message: OutboxMessage, sentAt: number): Changes {
  if (message.channel !== 'email' && message.channel !== 'webhook') return {};
  const bookingId = bookingOfEveKey(message.dedupeKey);
  const booking = bookingId ? state.bookings[bookingId] : undefined;
  if (!booking || booking.clientId !== message.clientId || booking.state !== 'booked' || booking.reminder.doneAt !== null) return {};
  const next: Booking = { ...booking, reminder: { ...booking.reminder, doneAt: sentAt, doneBy: null } };
  return { bookings: { [next.id]: next } };
}
