import { z } from 'zod';
import { CommandIdSchema, IdSchema, TimestampSchema, freeText } from '../schemas/common.schema.ts';

/**
 * Bookings made at the front desk (#16): a client found by search, on the phone with the salon. The same slot search,
 * holds and booking record as the client's own phone pages (hub/src/services/booking-*.ts); only the phone's limits
 * (a few upcoming bookings, one a day, online-bookable services, the change cutoff) do not bind the desk. The front
 * desk and the manager only; the calendar reads the live `bookings` view.
 */
const command = <T extends z.ZodRawShape>(shape: T) => z.object({ commandId: CommandIdSchema, ...shape }).strict();
const DESK = ['front_desk', 'manager'] as const;

/** A salon-local day, "YYYY-MM-DD". */
export const DeskDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day_format');

export const DeskSlotSchema = z.object({ startsAt: TimestampSchema, endsAt: TimestampSchema, staffId: IdSchema, roomId: IdSchema });
export type DeskSlot = z.infer<typeof DeskSlotSchema>;

export const DeskSlotsResultSchema = z.object({ day: DeskDaySchema, slots: z.array(DeskSlotSchema) });
export type DeskSlotsResult = z.infer<typeof DeskSlotsResultSchema>;

const BookedSchema = z.object({ bookingId: IdSchema, startsAt: TimestampSchema, staffId: IdSchema.nullable() });

export const DESK_BOOKING_STAFF_COMMANDS = {
  /** The free times of a service on a day (with one beautician, or anyone). A closed or past day is refused. */
  'desk:slots': {
    input: command({ serviceId: IdSchema, staffId: IdSchema.nullable(), day: DeskDaySchema }),
    output: DeskSlotsResultSchema,
    roles: DESK,
  },
  /** Hold a free time for a client while the desk confirms with them on the phone (as the phone pages hold). */
  'desk:hold': {
    input: command({ clientId: IdSchema, serviceId: IdSchema, staffId: IdSchema.nullable(), startsAt: TimestampSchema }),
    output: BookedSchema.extend({ holdExpiresAt: TimestampSchema }),
    roles: DESK,
  },
  /**
   * The desk lets go of its hold (the dialog closed, or another time was picked): the time is free for everyone at
   * once instead of blocked until the hold runs out. Only a hold the same staff member made; never a booking.
   */
  'desk:release': { input: command({ bookingId: IdSchema }), output: z.object({ bookingId: IdSchema }), roles: DESK },
  /** The held time becomes a booking, with who booked it. */
  'desk:book': { input: command({ bookingId: IdSchema }), output: BookedSchema, roles: DESK },
  /** Another free time for a booking (searched inside the command; its own old time does not count as taken). */
  'desk:move': { input: command({ bookingId: IdSchema, startsAt: TimestampSchema }), output: BookedSchema, roles: DESK },
  /** Cancelled at the desk, with the reason the client gave; the time is free again at once. */
  'desk:cancel': {
    input: command({ bookingId: IdSchema, reason: freeText(200).refine((s) => s.length > 0, 'required') }),
    output: z.object({ bookingId: IdSchema }),
    roles: DESK,
  },
} as const;
