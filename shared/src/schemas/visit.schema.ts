import { z } from 'zod';
import { IdSchema, LanguageSchema, TimestampSchema } from './common.schema.ts';
import { AnswersSchema } from './questionnaire.schema.ts';
import { RatingSchema } from './rating.schema.ts';
import { AftercareNotesSchema, HandBackSchema, PlanSchema, SessionNoteSchema } from './plan.schema.ts';

export const VISIT_STATES = [
  'checked_in',
  'queued',
  'assigned',
  'plan_confirmed',
  'in_service',
  'closing',
  'closed',
  'cancelled',
  'no_show',
] as const;
export const VisitStateSchema = z.enum(VISIT_STATES);
export type VisitState = z.infer<typeof VisitStateSchema>;

export const VISIT_KINDS = ['walk_in', 'booked'] as const;
export const VisitKindSchema = z.enum(VISIT_KINDS);

export const VisitSchema = z.object({
  id: IdSchema,
  /** Short number the client is called by, e.g. "A012"; restarts every day. */
  ticket: z.string().min(1).max(8),
  clientId: IdSchema,
  serviceId: IdSchema,
  kind: VisitKindSchema,
  state: VisitStateSchema,
  roomId: IdSchema.nullable(),
  staffId: IdSchema.nullable(),
  /** When the visit entered each state it has been in. */
  times: z.partialRecord(VisitStateSchema, TimestampSchema),
  answers: AnswersSchema,
  rating: RatingSchema.nullable(),
  /** Raised by the incident button in any active state; never cleared by a transition. */
  incident: z.boolean(),
  language: LanguageSchema,
  /** The beautician the client asked for, and whether they would rather wait for them. */
  preferredStaffId: IdSchema.nullable(),
  waitForPreferred: z.boolean(),
  /** A booked visit's appointment time; null for walk-ins. */
  dueAt: TimestampSchema.nullable(),
  /** Position in the queue: the front desk may reorder; by default the time the client joined it. */
  queueRank: z.number(),
  plan: PlanSchema.nullable(),
  notes: z.array(SessionNoteSchema).max(200),
  aftercare: AftercareNotesSchema.nullable(),
  handBacks: z.array(HandBackSchema).max(20),
  /** When the assigned beautician accepted the assignment on their tablet. */
  acceptedAt: TimestampSchema.nullable(),
});
export type Visit = z.infer<typeof VisitSchema>;
