import { z } from 'zod';
import { freeText, IdSchema, LanguageSchema, TimestampSchema } from './common.schema.ts';

export const PersonNameSchema = freeText(60).pipe(z.string().min(1, 'required'));

/**
 * Phone numbers as people type them ("138 0013 8000", "+44 (20) 7946-0958"), normalised to digits with an optional
 * leading +. 6–15 digits covers local short numbers up to the E.164 maximum.
 */
export const PhoneSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(24, 'too_long')
  .transform((s) => s.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+?\d{6,15}$/, 'phone_format'));

export const ClientSchema = z.object({
  id: IdSchema,
  firstName: PersonNameSchema,
  lastName: freeText(60),
  phone: z.string(),
  language: LanguageSchema,
  createdAt: TimestampSchema,
});
export type Client = z.infer<typeof ClientSchema>;

/** What a person enters at the kiosk to identify themselves. */
export const ClientInputSchema = z.object({
  firstName: PersonNameSchema,
  lastName: freeText(60).default(''),
  phone: PhoneSchema,
});
export type ClientInput = z.input<typeof ClientInputSchema>;
