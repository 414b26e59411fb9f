import { z } from 'zod';

/** The day's ticket counter (kept in the hub's meta): tickets restart every day; `day` is the salon's local date. */
export const TicketCounterSchema = z.object({ day: z.string(), last: z.number().int() });
export type TicketCounter = z.infer<typeof TicketCounterSchema>;
