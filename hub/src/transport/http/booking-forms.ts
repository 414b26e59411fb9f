import { CommandIdSchema, IdSchema, LanguageSchema, type Language } from '@glow/shared';
import { z } from 'zod';
import { invalidInput, refuse, toAppError } from '../../services/app-error.ts';

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

/** The message of a malformed booking form: the field and the rule, or plain "invalid" for a body that is no form. */
export const invalidBookingForm = (issues: readonly z.core.$ZodIssue[] | null, language: Language): string =>
  (issues ? invalidInput(issues, language) : toAppError(refuse('invalid_input'), language)).message;

/** The largest booking form: a few short fields. */
export const BOOKING_FORM_BYTES = 8 * 1024;
