import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.schema.ts';
import { IntervalSchema } from './floor.schema.ts';

/**
 * A booking's life: `held` while the client confirms on their phone (it blocks the slot until `holdExpiresAt`),
 * `booked` once confirmed, `checked_in` when the client arrives (the visit it became is `visitId`), or ended by
 * `cancelled` / `no_show`. An expired hold is simply ignored by every conflict check (see isActiveBooking).
 */
export const BOOKING_STATES = ['held', 'booked', 'checked_in', 'cancelled', 'no_show'] as const;
export const BookingStateSchema = z.enum(BOOKING_STATES);
export type BookingState = z.infer<typeof BookingStateSchema>;

export const BookingSourceSchema = z.enum(['phone', 'desk']);

/** The day-before reminder the front desk works through (call or message the client). */
export const BookingReminderSchema = z.object({
  dueAt: TimestampSchema,
  doneAt: TimestampSchema.nullable(),
  doneBy: IdSchema.nullable(),
});

export const BookingSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  serviceId: IdSchema,
  /** The beautician the slot was found with; when the client chose "anyone", the one the search picked. */
  staffId: IdSchema.nullable(),
  /** The client did not ask for a particular beautician: the floor may give the visit to whoever is free. */
  anyStaff: z.boolean(),
  roomId: IdSchema.nullable(),
  startsAt: TimestampSchema,
  endsAt: TimestampSchema,
  state: BookingStateSchema,
  holdExpiresAt: TimestampSchema.nullable(),
  source: BookingSourceSchema,
  visitId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  cancelledAt: TimestampSchema.nullable(),
  reminder: BookingReminderSchema,
  /** Who made it at the front desk (#16 desk bookings); absent or null for a booking the client made on their phone. */
  bookedBy: IdSchema.nullable().optional(),
  /** Who cancelled it at the desk and why (absent when the client cancelled from the link, or it is not cancelled). */
  cancelledBy: IdSchema.nullable().optional(),
  cancelReason: z.string().nullable().optional(),
});
export type Booking = z.infer<typeof BookingSchema>;

/** True while a booking takes its slot: booked, checked in, or held and the hold has not run out. */
export function isActiveBooking(b: Pick<Booking, 'state' | 'holdExpiresAt'>, now: number): boolean {
  if (b.state === 'booked' || b.state === 'checked_in') return true;
  return b.state === 'held' && b.holdExpiresAt !== null && b.holdExpiresAt > now;
}

/** Opening hours, index 0 Sunday … 6 Saturday (salon time); null is a closed day. */
export const OpeningHoursSchema = z.array(IntervalSchema.nullable()).length(7);
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

/** How clients book from their phone; the salon sets these. */
export const BookingSettingsSchema = z.object({
  openingHours: OpeningHoursSchema,
  /** How long a slot stays held while the client confirms. */
  holdMinutes: z.number().int().min(1).max(60),
  /** Cancelling or moving from the booking link is allowed until this many hours before the start. */
  changeCutoffHours: z.number().int().min(0).max(168),
  /** How many days ahead a client may book. */
  horizonDays: z.number().int().min(1).max(180),
  /** Slots start on multiples of this many minutes from the opening time. */
  slotStepMin: z.number().int().min(5).max(120),
  /** How long a booking link stays valid after the appointment. */
  linkDaysAfter: z.number().int().min(1).max(90),
  /** How many upcoming bookings one client may hold from their phone (more: they call the salon). */
  maxUpcomingPerClient: z.number().int().min(1).max(20).default(3),
  /** Arrival windows for check-in: more than `earlyMin` before the start is early, more than `lateMin` after is late. */
  earlyMin: z.number().int().min(0).max(240),
  lateMin: z.number().int().min(0).max(240),
});
export type BookingSettings = z.infer<typeof BookingSettingsSchema>;

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  openingHours: [
    null,
    { start: '09:00', end: '19:00' },
    { start: '09:00', end: '19:00' },
    { start: '09:00', end: '19:00' },
    { start: '09:00', end: '20:00' },
    { start: '09:00', end: '20:00' },
    { start: '10:00', end: '17:00' },
  ],
  holdMinutes: 5,
  changeCutoffHours: 24,
  horizonDays: 56,
  slotStepMin: 15,
  linkDaysAfter: 2,
  maxUpcomingPerClient: 3,
  earlyMin: 30,
  lateMin: 15,
};
