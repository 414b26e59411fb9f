import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';
import type { Actor } from './visit-access.ts';

/** The front desk has called or messaged the client about tomorrow's booking: the task is done, with who and when. */
export function decideReminderDone(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  bookingId: string,
): Decision<{ bookingId: string; doneAt: number }> | Refusal {
  const booking = state.bookings[bookingId];
  if (!booking || booking.state === 'held') return refuse('not_found', 'unknown_booking');
  if (booking.reminder.doneAt !== null) return refuse('conflict', 'reminder_done');
  const reminder = { ...booking.reminder, doneAt: now, doneBy: actor.staffId };
  return { changes: { bookings: { [bookingId]: { ...booking, reminder } } }, result: { bookingId, doneAt: now } };
}
