import { z } from 'zod';
import { DoneSchema as Done } from './done.ts';
import { BookingSettingsSchema } from '../schemas/booking.schema.ts';
import { CommandIdSchema, freeText, IdSchema } from '../schemas/common.schema.ts';
import { ConsentKindSchema, ConsentSettingsSchema, SIGNABLE_CONSENTS } from '../schemas/consent.schema.ts';
import { TimeOfDaySchema } from '../schemas/floor.schema.ts';
import { QuestionnaireSchema } from '../schemas/questionnaire.schema.ts';
import { SalonContactSchema } from '../schemas/aftercare.schema.ts';
import { ServiceCategorySchema } from '../schemas/service.schema.ts';

/**
 * The manager's "Salon settings": one command per area, each checked here field by field so that the tablet can put
 * every problem beside its field (the path) in the manager's language. Nothing is saved unless all is valid.
 */
const command = <T extends z.ZodRawShape>(shape: T) => z.object({ commandId: CommandIdSchema, ...shape }).strict();

/** A text the manager types: trimmed, bounded, no control characters; `required` ones may not be blank. */
const text = (max: number, required: boolean) => (required ? freeText(max).pipe(z.string().min(1, 'required')) : freeText(max));

/** The same text in both languages the salon works in: a client reads only their own, so neither may be missing. */
const bilingual = (max: number, required = true) => z.object({ en: text(max, required), 'zh-CN': text(max, required) }).strict();

export const SETTINGS_LIMITS = {
  aftercare: 4000,
  guide: 2000,
  consentTitle: 200,
  consentBody: 8000,
  consentNote: 2000,
  contactLine: 300,
} as const;

// ---- services' aftercare ----
export const ServiceAftercareInputSchema = command({
  serviceId: IdSchema,
  aftercare: bilingual(SETTINGS_LIMITS.aftercare),
  aftercareGuide: z
    .object({
      normal: bilingual(SETTINGS_LIMITS.guide),
      notNormal: bilingual(SETTINGS_LIMITS.guide),
      whenToCall: bilingual(SETTINGS_LIMITS.guide),
      nextTreatmentWeeks: z.number().int('weeks_range').min(1, 'weeks_range').max(52, 'weeks_range').nullable(),
    })
    .strict(),
});
export type ServiceAftercareInput = z.infer<typeof ServiceAftercareInputSchema>;

// ---- booking ----
/** One weekday's opening hours: closed (null) or open from `start` until a later `end`. */
export const OpeningDayInputSchema = z
  .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .strict()
  .refine((d) => d.start < d.end, { message: 'hours_order', path: ['end'] })
  .nullable();

export const BookingSettingsInputSchema = command({
  /** Index 0 is Sunday … 6 Saturday, as everywhere in the salon's settings. */
  openingHours: z.array(OpeningDayInputSchema).length(7, 'invalid'),
  holdMinutes: z.number().int('hold_range').min(1, 'hold_range').max(60, 'hold_range'),
  changeCutoffHours: z.number().int('cutoff_range').min(0, 'cutoff_range').max(168, 'cutoff_range'),
  horizonDays: z.number().int('horizon_range').min(1, 'horizon_range').max(180, 'horizon_range'),
});
export type BookingSettingsInput = z.infer<typeof BookingSettingsInputSchema>;

// ---- consent texts ----
export const ConsentTextInputSchema = command({
  kind: ConsentKindSchema,
  title: bilingual(SETTINGS_LIMITS.consentTitle),
  body: bilingual(SETTINGS_LIMITS.consentBody),
  purpose: bilingual(SETTINGS_LIMITS.consentNote),
  ifDeclined: bilingual(SETTINGS_LIMITS.consentNote),
  signatureRequired: z.boolean(),
}).refine((c) => !c.signatureRequired || (SIGNABLE_CONSENTS as readonly string[]).includes(c.kind), {
  message: 'signature_not_signable',
  path: ['signatureRequired'],
});
export type ConsentTextInput = z.infer<typeof ConsentTextInputSchema>;
export const ConsentTextResultSchema = z.object({
  kind: ConsentKindSchema,
  version: z.number().int(),
  /** True when the wording changed: consents given from now on record this new version. */
  newVersion: z.boolean(),
});

// ---- salon contact ----
export const ContactInputSchema = command({
  phone: text(40, true).pipe(z.string().regex(/^[+\d][\d\s()-]{4,39}$/, 'contact_phone')),
  address: bilingual(SETTINGS_LIMITS.contactLine),
});
export type ContactInput = z.infer<typeof ContactInputSchema>;

/**
 * What only the manager's tablet receives to fill the settings screen (under the id `settings`): the booking
 * settings, the consent texts and every category's current questionnaire. The contact and the link days are in
 * the view's `aftercare`, the services' aftercare in its `services`.
 */
export const SalonSettingsViewSchema = z.object({
  booking: BookingSettingsSchema,
  consents: ConsentSettingsSchema,
  questionnaires: z.partialRecord(ServiceCategorySchema, QuestionnaireSchema),
});
export type SalonSettingsView = z.infer<typeof SalonSettingsViewSchema>;


/** The manager's settings commands (spread into STAFF_COMMANDS). */
export const SETTINGS_STAFF_COMMANDS = {
  'settings:serviceAftercare': { input: ServiceAftercareInputSchema, output: Done, roles: ['manager'] },
  'settings:booking': { input: BookingSettingsInputSchema, output: Done, roles: ['manager'] },
  'settings:consent': { input: ConsentTextInputSchema, output: ConsentTextResultSchema, roles: ['manager'] },
  'settings:contact': { input: ContactInputSchema, output: SalonContactSchema, roles: ['manager'] },
} as const;
