import { CommandIdSchema, IdSchema, LanguageSchema } from '@glow/shared';
import type { Context } from 'hono';
import { z } from 'zod';

/**
 * What the booking forms post, checked before anything is decided: a malformed form gets a clear message and changes
 * nothing. Times travel as epoch milliseconds (the slot buttons carry them), never as text to be parsed.
 */
const StartsAtSchema = z.coerce.number().int().positive().max(8_640_000_000_000_000);
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day_format');

export const HoldFormSchema = z.object({
  commandId: CommandIdSchema,
  service: IdSchema,
  /** `any`, or a beautician's id. */
  staff: IdSchema,
  startsAt: StartsAtSchema,
  lang: LanguageSchema.optional(),
});

export const ConfirmFormSchema = z.object({ commandId: CommandIdSchema, lang: LanguageSchema.optional() });
export const CancelFormSchema = ConfirmFormSchema;
export const MoveFormSchema = z.object({ commandId: CommandIdSchema, startsAt: StartsAtSchema, lang: LanguageSchema.optional() });

/** The choices on the book page's query string; anything unusable falls back to the defaults. */
export const BookQuerySchema = z.object({
  service: IdSchema.optional().catch(undefined),
  staff: IdSchema.optional().catch(undefined),
  day: DaySchema.optional().catch(undefined),
});

export const ANYONE = 'any';

/**
 * A posted form's fields. A body that is not a form at all (broken multipart, another content type) reads as no
 * fields, so it is refused as a malformed form — with a message — rather than failing the route.
 */
export async function readForm(c: Context): Promise<Record<string, unknown>> {
  try {
    return await c.req.parseBody();
  } catch {
    return {};
  }
}
