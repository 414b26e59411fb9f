import { z } from 'zod';
import { AftercareGuideSchema } from './aftercare.schema.ts';
import { IdSchema, LocalizedTextSchema } from './common.schema.ts';

export const SERVICE_CATEGORIES = ['facial', 'body', 'hair_colour', 'nails'] as const;
export const ServiceCategorySchema = z.enum(SERVICE_CATEGORIES);
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
});
export type Service = z.infer<typeof ServiceSchema>;
