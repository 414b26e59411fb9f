import { z } from 'zod';
import { freeText, IdSchema, TimestampSchema } from './common.schema.ts';

/** A time of day in the salon's time zone, "HH:MM". */
export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_format');

export const IntervalSchema = z.object({ start: TimeOfDaySchema, end: TimeOfDaySchema });

/** One working day of a staff member: when they work and their breaks, in the salon's time zone. */
export const ShiftSchema = z.object({
  start: TimeOfDaySchema,
  end: TimeOfDaySchema,
  breaks: z.array(IntervalSchema).max(6).default([]),
});
export type Shift = z.infer<typeof ShiftSchema>;

/** Index 0 is Sunday … 6 Saturday; null is a day off. */
export const WeeklyShiftsSchema = z.array(ShiftSchema.nullable()).length(7);
export type WeeklyShifts = z.infer<typeof WeeklyShiftsSchema>;

/** How the floor runs; the manager changes these on the board. */
export const FloorSettingsSchema = z.object({
  /** Paused by the front desk when they want to place every client by hand. */
  autoAssign: z.boolean(),
  /** How long a client who asked for a particular beautician may be kept waiting for them before anyone may serve them. */
  preferredWaitLimitMin: z.number().int().min(0).max(240),
  /** The salon's IANA time zone: shifts and the day tickets restart on. */
  timeZone: z.string().min(1).max(64),
  /**
   * Minutes a beautician has to accept an assignment on their tablet before the client goes back to the queue and the
   * desk is told (DEFAULT_ACCEPT_WITHIN_MIN when the salon has not set it).
   */
  acceptWithinMin: z.number().int().min(1).max(120).optional(),
});
export type FloorSettings = z.infer<typeof FloorSettingsSchema>;
export const DEFAULT_ACCEPT_WITHIN_MIN = 5;

/**
 * A staff member is here today: signed in on a tablet (`by` themselves) or marked present by the desk (`by` the desk
 * member). Only staff present on the salon's day are offered clients by the planner.
 */
export const PresenceSchema = z.object({ day: z.string(), at: z.number(), by: z.string() });
export type Presence = z.infer<typeof PresenceSchema>;

export const INCIDENT_KINDS = ['allergic_reaction', 'burn_or_cut', 'equipment_failure', 'other'] as const;
export const IncidentKindSchema = z.enum(INCIDENT_KINDS);
export type IncidentKind = z.infer<typeof IncidentKindSchema>;

/** Raised from a tablet's incident button; the manager's tablet alerts at once and the response is timed. */
export const IncidentSchema = z.object({
  id: IdSchema,
  kind: IncidentKindSchema,
  visitId: IdSchema.nullable(),
  roomId: IdSchema.nullable(),
  raisedBy: IdSchema,
  raisedAt: TimestampSchema,
  note: freeText(1000),
  acknowledgedBy: IdSchema.nullable(),
  acknowledgedAt: TimestampSchema.nullable(),
  resolvedAt: TimestampSchema.nullable(),
  resolution: freeText(1000),
});
export type Incident = z.infer<typeof IncidentSchema>;
