import { z } from 'zod';
import { freeText, IdSchema } from './common.schema.ts';

/** What the client gives when the session closes: CSAT 1–5 always, NPS 0–10, tags and a comment when they want. */
export const RatingSchema = z.object({
  csat: z.number().int().min(1, 'rating_range').max(5, 'rating_range'),
  nps: z.number().int().min(0, 'nps_range').max(10, 'nps_range').nullable().default(null),
  tags: z.array(IdSchema).max(10).default([]),
  comment: freeText(1000).default(''),
});
export type Rating = z.infer<typeof RatingSchema>;
