import { z } from 'zod';
import { MESSAGE_STATES } from '../schemas/outbox.schema.ts';

/**
 * The outbox at a glance (#16), the manager's live view `outboxStatus` (one entry, `status`): how many messages are
 * in each state and a stamp that changes with every change to any message (queued, tried, sent, failed, dropped).
 * The Messages screen reads its list (`outbox:list`) again when the stamp moves, so a message that failed or was sent
 * shows at once, without polling; the messages themselves (with clients' personal data) stay out of every view.
 */
export const OutboxStatusSchema = z.object({
  counts: z.partialRecord(z.enum(MESSAGE_STATES), z.number().int().nonnegative()),
  version: z.string().max(40),
});
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;
