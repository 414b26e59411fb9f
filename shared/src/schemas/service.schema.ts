import { z } from 'zod';
import { AftercareGuideSchema } from './aftercare.schema.ts';
import { IdSchema, LocalizedTextSchema } from './common.schema.ts';

/**
 * A service category's id: the salon's own categories are data (`categories`, catalogue.schema.ts). The demo's and
 * older data's four ids ('facial', 'body', 'hair_colour', 'nails') became records when categories became data.
 */
export const ServiceCategorySchema = IdSchema;
export type ServiceCategory = z.infer<typeof ServiceCategorySchema>;

export const ServiceSchema = z.object({
  id: IdSchema,
  category: ServiceCategorySchema,
  name: LocalizedTextSchema,
  durationMin: z.number().int().min(5).max(480),
  /** The skill a beautician needs to perform it. */
  requiredSkill: IdSchema,
  /** Equipment the room must have. */
  equipment: z.array(IdSchema).max(10),
  /** The aftercare template printed on the client's sheet. */
  aftercare: LocalizedTextSchema,
  /** Its structured parts (what is normal, what is not, when to call, the next treatment); absent in older data. */
  aftercareGuide: AftercareGuideSchema.optional(),
  /** The price in the salon currency's minor units (cents, fen); absent in data from before prices. */
  priceMinor: z.number().int().nonnegative().optional(),
  /** Minutes the room needs after this service on top of the room's own buffer; absent means none. */
  cleaningBufferMin: z.number().int().min(0).max(120).optional(),
  /** The usual interval before the next one (rebooking reminders, win-back); null or absent: none. */
  usualIntervalWeeks: z.number().int().min(1).max(104).nullable().optional(),
  /** Whether a client's phone offers it for booking again; absent means yes. */
  onlineRebooking: z.boolean().optional(),
  /** Archived: kept for history (visits, bookings) but offered nowhere. */
  archived: z.boolean().optional(),
});
export type Service = z.infer<typeof ServiceSchema>;
