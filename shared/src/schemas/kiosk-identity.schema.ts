import { z } from 'zod';
import { CommandIdSchema, IdSchema, LanguageSchema, TimestampSchema } from './common.schema.ts';
import { LastAnswersSchema, PhoneSchema } from './client.schema.ts';
import { ServiceCategorySchema } from './service.schema.ts';

/**
 * The kiosk's identity flow (contract "Kiosk identity"): a phone look-up answers three masked names, the person picks
 * theirs (or "none of these"), and only a correct pick yields a short-lived visitor token. Every payload is strict:
 * a field the contract does not name is refused.
 */
const kioskCommand = <T extends z.ZodRawShape>(shape: T) => z.object({ commandId: CommandIdSchema, ...shape }).strict();

export const ClientLookupInputSchema = kioskCommand({ phone: PhoneSchema });
export const ClientLookupResultSchema = z.object({
  lookupId: IdSchema,
  /** Always three masked names ("L** Mei", "王**小明"); for an unknown number all three are decoys. */
  choices: z.tuple([z.string(), z.string(), z.string()]),
  expiresAt: TimestampSchema,
});
export type ClientLookupResult = z.infer<typeof ClientLookupResultSchema>;

export const ClientConfirmInputSchema = kioskCommand({
  lookupId: IdSchema,
  /** The name the person picked; null = "none of these, I'm new". */
  choice: z.union([z.literal(0), z.literal(1), z.literal(2), z.null()]),
});

/** How a booked client's arrival compares with their appointment (windows are salon settings). */
export const ARRIVALS = ['early', 'on_time', 'late'] as const;
export const ArrivalSchema = z.enum(ARRIVALS);
export type Arrival = z.infer<typeof ArrivalSchema>;

/** The client's booking for today, found after they confirmed who they are. */
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

/** Signed by the hub (client id + expiry, ~30 min), never stored: it proves the person confirmed their name. */
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

export const ClientConfirmResultSchema = z.discriminatedUnion('known', [
  z.object({ known: z.literal(false) }),
  KnownVisitorSchema,
]);
export type ClientConfirmResult = z.infer<typeof ClientConfirmResultSchema>;
