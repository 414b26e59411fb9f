import { z } from 'zod';
import { freeText, IdSchema, LanguageSchema, TimestampSchema } from './common.schema.ts';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { ConsentRecordSchema } from './consent.schema.ts';
import { AnswersSchema } from './questionnaire.schema.ts';
import { EmailSchema } from './outbox.schema.ts';
import { ServiceCategorySchema } from './service.schema.ts';
import { NAME_MAX_LENGTH, PHONE_MAX_TYPED, isPhoneNumber, normalizePhone } from './person-rules.ts';

export const PersonNameSchema = freeText(NAME_MAX_LENGTH).pipe(z.string().min(1, 'required'));

/**
 * Phone numbers as people type them ("138 0013 8000", "+44 (20) 7946-0958"), normalised to digits with an optional
 * leading + (the rules in person-rules.ts, which the kiosk's keypad follows too).
 */
export const PhoneSchema = z
  .string()
  .trim()
  .min(1, 'required')
  .max(PHONE_MAX_TYPED, 'too_long')
  .transform(normalizePhone)
  .refine(isPhoneNumber, 'phone_format');

/**
 * A birthday as a calendar date, YYYY-MM-DD, that exists (no 30 February). Whether it lies in the future or too far
 * back depends on today, so `birthdayProblem` (shared domain) checks that with the clock as a parameter.
 */
export const BirthdaySchema = z
  .string()
  .trim()
  .max(10, 'birthday_format')
  .refine(isCalendarDate, 'birthday_format');

/** The answers a client gave last time for a category, so a returning client can say "nothing has changed". */
export const LastAnswersSchema = z.object({
  questionnaireId: IdSchema,
  version: z.number().int().min(1),
  answers: AnswersSchema,
  at: TimestampSchema,
});
export type LastAnswers = z.infer<typeof LastAnswersSchema>;

export const ClientSchema = z.object({
  id: IdSchema,
  firstName: PersonNameSchema,
  lastName: freeText(60),
  phone: z.string(),
  language: LanguageSchema,
  createdAt: TimestampSchema,
  // The three below are optional (absent on records made before the kiosk asked for them), read with a fallback.
  /** YYYY-MM-DD, if the client gave it. */
  birthday: z.string().nullable().optional(),
  /** Every consent choice with the version of the text shown, oldest first. */
  consents: z.array(ConsentRecordSchema).max(500).optional(),
  /** Keyed by service category: the answers of the client's latest consultation in it. */
  lastAnswers: z.partialRecord(ServiceCategorySchema, LastAnswersSchema).optional(),
  /**
   * Registered at the kiosk with a phone number that already belonged to this client: a record of its own, never
   * merged unproven, and never found by the number (the number stays the earlier client's).
   */
  duplicateOf: IdSchema.optional(),
  /** The front desk's notes about the client (#16, `clients:edit`, logged in `clientChanges`). Absent: none written. */
  notes: freeText(1000).optional(),
  /**
   * This record was merged into that one by the manager (#16, `clients:merge`): its visits, consents, bookings,
   * complaints and tasks stay where they are and show on the kept record; it no longer owns its number nor is found
   * by search. Absent: not merged.
   */
  mergedInto: IdSchema.optional(),
  /** The client's e-mail, if they gave one: messages then go by e-mail (#16 outbox); else by the webhook or a file. */
  email: EmailSchema.optional(),
  /**
   * The client asked on a follow-up call not to be called again (#16): who recorded it and when. Absent: never asked.
   * The follow-up rules create no call task for such a client; messages follow their marketing consent instead.
   */
  doNotCall: z.object({ at: TimestampSchema, by: IdSchema }).optional(),
  /**
   * The client who referred this one to the salon (#16, set by the desk through `clients:edit`, logged in
   * `clientChanges`); null: nobody recorded. Never the client herself, a merged record, nor a loop (A→B→A).
   * Stored on every client since migration 12 (null on the clients before it).
   */
  referredBy: IdSchema.nullable(),
});
export type Client = z.infer<typeof ClientSchema>;

/** What a person enters at the kiosk to identify themselves. */
export const ClientInputSchema = z.object({
  firstName: PersonNameSchema,
  lastName: freeText(60).default(''),
  phone: PhoneSchema,
});
export type ClientInput = z.input<typeof ClientInputSchema>;

/** A new client registering at the kiosk: the same fields plus an optional birthday; nothing else is accepted. */
export const KioskClientInputSchema = ClientInputSchema.extend({ birthday: BirthdaySchema.optional() }).strict();
export type KioskClientInput = z.input<typeof KioskClientInputSchema>;
