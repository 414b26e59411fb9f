import { z } from 'zod';
import { freeText } from './common.schema.ts';

/**
 * The tags a client may add to a rating: the ids are stored, each screen shows them in its own language. The hub
 * refuses any other tag (`rule.rating_tag_unknown`); ratings stored before it checked kept only these (migration 5).
 */
export const RATING_TAGS = ['friendly', 'professional', 'clean', 'relaxing', 'too_long', 'too_painful'] as const;
export const RatingTagSchema = z.enum(RATING_TAGS, { message: 'rating_tag_unknown' });
export type RatingTag = z.infer<typeof RatingTagSchema>;
export const isRatingTag = (tag: string): tag is RatingTag => (RATING_TAGS as readonly string[]).includes(tag);

/** What the client gives when the session closes: CSAT 1–5 always, NPS 0–10, tags and a comment when they want. */
export const RatingSchema = z.object({
  csat: z.number().int().min(1, 'rating_range').max(5, 'rating_range'),
  nps: z.number().int().min(0, 'nps_range').max(10, 'nps_range').nullable().default(null),
  tags: z.array(RatingTagSchema).max(RATING_TAGS.length).default([]),
  comment: freeText(1000).default(''),
});
export type Rating = z.infer<typeof RatingSchema>;
