import { z } from 'zod';
import { freeText, LocalizedTextSchema } from './common.schema.ts';

/**
 * The structured parts of a service's aftercare template, beside its free text (`Service.aftercare`): what the
 * client may expect, what is not normal, and when to call the salon at once. The salon edits them in both languages.
 * `nextTreatmentWeeks` is when the next treatment of this service is due (null: no course, nothing to suggest).
 */
export const AftercareGuideSchema = z.object({
  normal: LocalizedTextSchema,
  notNormal: LocalizedTextSchema,
  whenToCall: LocalizedTextSchema,
  nextTreatmentWeeks: z.number().int().min(1).max(52).nullable(),
});
export type AftercareGuide = z.infer<typeof AftercareGuideSchema>;

/**
 * How the client reaches the salon, printed on every aftercare sheet. The sheet's opening hours are not kept here:
 * they are the salon's opening hours (booking settings), the one setting the booking pages use too (#11).
 */
export const SalonContactSchema = z.object({
  phone: freeText(40),
  address: LocalizedTextSchema,
});
export type SalonContact = z.infer<typeof SalonContactSchema>;

/** The salon's aftercare settings (domain README §3–4); every number is the salon's to change. */
export const AftercareSettingsSchema = z.object({
  /** Days an aftercare link stays valid after the visit closes. */
  linkDays: z.number().int().min(1).max(365),
  /** Days after the visit within which the client may report a problem from the page (the seeds: 7). */
  reportWindowDays: z.number().int().min(0).max(90),
  /** The salon's check-in calls after a visit, in days (the "1-3-7 rule"). */
  followUpDays: z.array(z.number().int().min(1).max(90)).max(6),
  contact: SalonContactSchema,
});
export type AftercareSettings = z.infer<typeof AftercareSettingsSchema>;

export const DEFAULT_AFTERCARE_SETTINGS: AftercareSettings = {
  linkDays: 30,
  reportWindowDays: 7,
  followUpDays: [1, 3, 7],
  contact: { phone: '', address: { en: '', 'zh-CN': '' } },
};

/** What a manager may change from the tablet (the contact is part of the salon's setup). */
export const AftercareSettingsInputSchema = AftercareSettingsSchema.pick({ linkDays: true, reportWindowDays: true }).partial();
