import { z } from 'zod';
import { IdSchema, LocalizedTextSchema } from './common.schema.ts';

/**
 * The salon's own catalogue lists (issue #13): service categories, the skills a service may require of a beautician,
 * the equipment it may require of a room, and the products staff recommend. Each is data the manager edits; an item
 * that history points at (a visit, a booking, a service) is archived, never deleted.
 */

/** A service category: the kiosk groups services by it, and it carries its consultation questionnaire (or none). */
export const ServiceCategoryRecordSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  /** Where it comes in the kiosk's and the screens' lists (ascending). */
  order: z.number().int().min(0).max(10_000),
  /** False: no consultation is asked for this category's services, even if a questionnaire was written for it. */
  consultation: z.boolean(),
  archived: z.boolean(),
});
export type ServiceCategoryRecord = z.infer<typeof ServiceCategoryRecordSchema>;

/** A skill (a beautician has it, a service requires it) or a piece of equipment (a room has it, a service needs it). */
export const CatalogueTermSchema = z.object({ id: IdSchema, name: LocalizedTextSchema, archived: z.boolean() });
export type CatalogueTerm = z.infer<typeof CatalogueTermSchema>;

/** How the aftercare follow-ups treat a recommended product: each kind is followed up on its own day. */
export const FOLLOW_UP_KINDS = ['treatment_product', 'brand_product', 'supplement'] as const;
export const FollowUpKindSchema = z.enum(FOLLOW_UP_KINDS);
export type FollowUpKind = z.infer<typeof FollowUpKindSchema>;

/** A retail or professional product the salon lists. Prices are in the salon currency's minor units. */
export const ProductSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  brand: z.string().max(80),
  priceMinor: z.number().int().nonnegative(),
  /** What one sells as, e.g. "50 ml", "30 capsules". */
  unit: z.string().max(40),
  howToUse: LocalizedTextSchema,
  followUp: FollowUpKindSchema,
  archived: z.boolean(),
});
export type Product = z.infer<typeof ProductSchema>;
