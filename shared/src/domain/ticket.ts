/** Ticket numbers restart every day: A001, A002, … ; the day is the salon's local date (YYYY-MM-DD). */
import type { TicketCounter } from '../schemas/ticket.schema.ts';

export function nextTicket(counter: TicketCounter, today: string): { ticket: string; counter: TicketCounter } {
  const last = counter.day === today ? counter.last + 1 : 1;
  return { ticket: `A${String(last).padStart(3, '0')}`, counter: { day: today, last } };
}
