import { z } from 'zod';
import { freeText, IdSchema, TimestampSchema } from './common.schema.ts';

export const INTENSITIES = ['gentle', 'standard', 'firm'] as const;
export const IntensitySchema = z.enum(INTENSITIES);

/** What the beautician and the client agree before the session starts. Every edit is a new version. */
export const PlanInputSchema = z.object({
  serviceIds: z.array(IdSchema).min(1).max(5),
  /** Products used that are not on the salon's list, in the beautician's words. */
  products: z.array(freeText(80)).max(20).default([]),
  /**
   * Products used that the salon lists (catalogue `products`), by id: the hub accepts only listed, active ones. Absent
   * in plans written before products were listed.
   */
  productIds: z.array(IdSchema).max(20).optional(),
  intensity: IntensitySchema.default('standard'),
  durationMin: z.number().int().min(5).max(480),
  notes: freeText(1000).default(''),
});
export type PlanInput = z.input<typeof PlanInputSchema>;
/** A plan's fields with every default filled in: what the tablet's plan editor holds. */
export type PlanFields = z.output<typeof PlanInputSchema>;

export const PlanSchema = PlanInputSchema.extend({
  version: z.number().int().min(1),
  editedBy: IdSchema,
  editedAt: TimestampSchema,
  /** The version the client approved on the tablet, and when; null until they do. */
  approvedVersion: z.number().int().min(1).nullable(),
  approvedAt: TimestampSchema.nullable(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const NOTE_KINDS = ['pressure', 'temperature', 'products', 'skin', 'other'] as const;
export const SessionNoteSchema = z.object({
  at: TimestampSchema,
  staffId: IdSchema,
  kind: z.enum(NOTE_KINDS),
  text: freeText(500).pipe(z.string().min(1, 'required')),
  /** A `products` note about a product the salon lists ("used X"): its id, so the visit's products used are known. */
  productId: IdSchema.optional(),
});
export type SessionNote = z.infer<typeof SessionNoteSchema>;

/** What the beautician adds to the service's aftercare template when closing. */
export const AftercareNotesSchema = z.object({
  notes: freeText(2000).default(''),
  homeProducts: z
    .array(z.object({ name: freeText(80).pipe(z.string().min(1, 'required')), howToUse: freeText(300).default('') }))
    .max(10)
    .default([]),
  /**
   * Products recommended for home that the salon lists, by id (the sheet prints their name in the client's language
   * and their how-to-use; follow-ups go by their kind). `homeProducts` keeps only what is not on the list.
   */
  recommendedProductIds: z.array(IdSchema).max(10).optional(),
});
export type AftercareNotes = z.infer<typeof AftercareNotesSchema>;

/**
 * A visit given back to the queue: by the beautician (or the desk) with a reason, or by the floor when the assignment
 * was not accepted in time (kind `not_accepted`: the desk is alerted, and the planner does not offer it to them again).
 */
export const HandBackSchema = z.object({
  at: TimestampSchema,
  staffId: IdSchema,
  reason: freeText(300),
  kind: z.enum(['handed_back', 'not_accepted']).optional(),
});
