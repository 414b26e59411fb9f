import { z } from 'zod';
import { TimestampSchema } from '../schemas/common.schema.ts';

/**
 * A tablet reconnected holding a revision the hub has never reached: the hub restarted with acknowledged changes
 * missing (its data directory was restored from an older copy, or started with the loss accepted). The manager's
 * tablets are told at once and on every connect until the hub restarts, so that what was lost is checked in person.
 */
export const DataLossAlertSchema = z.object({
  detectedAt: TimestampSchema,
  /** The highest revision a tablet held. */
  deviceRevision: z.number().int().nonnegative(),
  /** The hub's revision when it was detected. */
  hubRevision: z.number().int().nonnegative(),
});
export type DataLossAlert = z.infer<typeof DataLossAlertSchema>;
