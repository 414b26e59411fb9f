import { z } from 'zod';
import { IdSchema, LanguageSchema, TimestampSchema } from './common.schema.ts';
import { LastAnswersSchema, PhoneSchema } from './client.schema.ts';
import { ServiceCategorySchema } from './service.schema.ts';

/**
 * The kiosk's identity (contract "Kiosk identity", DESIGN §6): knowing a phone number proves nothing, so the kiosk
 * never asks the hub who a number belongs to. A person either registers (their details, kept apart from any client
 * who already has the number), says they have been here before (the number only: the hub carries what it holds to
 * the beautician, nothing comes back to the kiosk), or scans their booking's QR (proof: a visitor token).
 */

/** "I have been here before": the phone number, and whether they say they have a booking today (the desk matches it). */
export const ReturningVisitorSchema = z
  .object({
    phone: PhoneSchema,
    saysBooked: z.boolean().default(false),
  })
  .strict();
export type ReturningVisitor = z.input<typeof ReturningVisitorSchema>;

/** How a booked client's arrival compares with their appointment (windows are salon settings). */
export const ARRIVALS = ['early', 'on_time', 'late'] as const;
export const ArrivalSchema = z.enum(ARRIVALS);
export type Arrival = z.infer<typeof ArrivalSchema>;

/** The client's booking for today, found from their booking's QR. */
export const TodayBookingSchema = z.object({
  bookingId: IdSchema,
  serviceId: IdSchema,
  staffId: IdSchema.nullable(),
  startsAt: TimestampSchema,
  arrival: ArrivalSchema,
  /** From when the kiosk checks them in for it (start minus the early window). */
  checkInFrom: TimestampSchema,
});
export type TodayBooking = z.infer<typeof TodayBookingSchema>;

/** The latest version of each consent the client granted; null if never granted or last declined. */
export const GrantedConsentsSchema = z.object({
  terms: z.number().int().nullable(),
  health: z.number().int().nullable(),
  marketing: z.number().int().nullable(),
});
export type GrantedConsents = z.infer<typeof GrantedConsentsSchema>;

/** Signed by the hub (client id + expiry, ~30 min), never stored: it proves the person scanned their booking's QR. */
export const VisitorTokenSchema = z.string().min(16).max(512).regex(/^[A-Za-z0-9_.-]+$/, 'token_format');

export const KnownVisitorSchema = z.object({
  known: z.literal(true),
  visitorToken: VisitorTokenSchema,
  firstName: z.string(),
  language: LanguageSchema,
  /** Keyed by service category: what they answered last time, for "nothing has changed". */
  lastAnswers: z.partialRecord(ServiceCategorySchema, LastAnswersSchema),
  consents: GrantedConsentsSchema,
  booking: TodayBookingSchema.nullable(),
});
export type KnownVisitor = z.infer<typeof KnownVisitorSchema>;
