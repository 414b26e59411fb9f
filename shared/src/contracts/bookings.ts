import { z } from 'zod';
import { BookingSchema } from '../schemas/booking.schema.ts';
import { CommandIdSchema, IdSchema, LanguageSchema, TimestampSchema } from '../schemas/common.schema.ts';
import { KnownVisitorSchema } from '../schemas/kiosk-identity.schema.ts';

/**
 * A booking as the front desk and the manager see it on the board: when, who (first name and last initial), what,
 * with whom. Holds never reach the board: only booked and checked-in bookings do.
 */
export const BookingCardSchema = BookingSchema.pick({
  id: true,
  serviceId: true,
  staffId: true,
  anyStaff: true,
  roomId: true,
  startsAt: true,
  endsAt: true,
  state: true,
  visitId: true,
  source: true,
}).extend({ clientName: z.string() });
export type BookingCard = z.infer<typeof BookingCardSchema>;

/**
 * A front-desk task: call or message a client about tomorrow's booking. The phone is there because calling is the
 * task; the tablet words the script in its own language. Shown once due (`dueAt`) until the booking has passed.
 */
export const TaskCardSchema = z.object({
  id: IdSchema,
  kind: z.literal('booking_reminder'),
  bookingId: IdSchema,
  dueAt: TimestampSchema,
  doneAt: TimestampSchema.nullable(),
  doneBy: IdSchema.nullable(),
  clientName: z.string(),
  clientPhone: z.string(),
  /** The language the client reads: the script is offered in it too. */
  clientLanguage: LanguageSchema,
  serviceId: IdSchema,
  staffId: IdSchema.nullable(),
  anyStaff: z.boolean(),
  startsAt: TimestampSchema,
});
export type TaskCard = z.infer<typeof TaskCardSchema>;

const command = <T extends z.ZodRawShape>(shape: T) => z.object({ commandId: CommandIdSchema, ...shape }).strict();

/** The staff commands of bookings (spread into STAFF_COMMANDS). */
export const BOOKING_STAFF_COMMANDS = {
  /** The front desk called or messaged the client about tomorrow: the reminder task is done. */
  'booking:reminderDone': {
    input: command({ bookingId: IdSchema }),
    output: z.object({ bookingId: IdSchema, doneAt: TimestampSchema }),
    roles: ['front_desk', 'manager'],
  },
} as const;

/** A booking link's token as the kiosk reads it from the QR (`/b/<token>`): 256 bits, base64url. */
export const BookingTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'token_format');

/** The kiosk commands of bookings (spread into KIOSK_COMMANDS). */
export const BOOKING_KIOSK_COMMANDS = {
  /** The kiosk scanned a booking's QR: holding the link proves the client is who the booking says. */
  'booking:confirmByToken': {
    input: command({ token: BookingTokenSchema, language: LanguageSchema.optional() }),
    output: KnownVisitorSchema,
    roles: null,
  },
} as const;
