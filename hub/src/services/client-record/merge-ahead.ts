import type { Booking, OutboxMessage } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';

/**
 * At a merge (#16), what is still to come of the merged record moves to the kept one: bookings not yet taken (held
 * or booked: the board, the calendar, the day-before reminder and its message then name the kept record, and a
 * check-in for them lands on it) and messages still waiting to be sent (queued: they go to the kept record's e-mail
 * or phone, the contact the salon now keeps). What happened stays under the record it happened to — visits, taken or
 * cancelled bookings, messages sent or failed — and every reader gathers it through the merge group.
 */
export function aheadOfMerge(state: Readonly<Pick<HubState, 'bookings' | 'outbox'>>, fromId: string, intoId: string): Changes {
  const bookings: Record<string, Booking> = {};
  for (const b of Object.values(state.bookings)) {
    if (b.clientId === fromId && (b.state === 'booked' || b.state === 'held')) bookings[b.id] = { ...b, clientId: intoId };
  }
  const outbox: Record<string, OutboxMessage> = {};
  for (const m of Object.values(state.outbox)) if (m.clientId === fromId && m.state === 'queued') outbox[m.id] = { ...m, clientId: intoId };
  return { ...(Object.keys(bookings).length > 0 ? { bookings } : {}), ...(Object.keys(outbox).length > 0 ? { outbox } : {}) };
}
