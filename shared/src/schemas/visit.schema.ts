import { z } from 'zod';
import { IdSchema, LanguageSchema, TimestampSchema } from './common.schema.ts';
import { AnswersSchema } from './questionnaire.schema.ts';
import { RatingSchema } from './rating.schema.ts';
import { AftercareNotesSchema, HandBackSchema, PlanSchema, SessionNoteSchema } from './plan.schema.ts';
import { VisitSignaturesSchema } from './consent.schema.ts';
import { freeText } from './common.schema.ts';

/** A manager's decision to let a blocked visit go ahead: who, when, and why (the reason is required). */
export const BlockOverrideSchema = z.object({
  by: IdSchema,
  at: TimestampSchema,
  reason: freeText(300).pipe(z.string().min(1, 'required')),
});
export type BlockOverride = z.infer<typeof BlockOverrideSchema>;

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
  /**
   * A contraindication rule with effect `block` fired on the answers at check-in: nobody may take the client (the
   * planner skips the visit, manual assignment is refused) until a manager overrides it.
   */
  blocked: z.boolean(),
  blockOverride: BlockOverrideSchema.nullable(),
  /**
   * The consultation was not done at the kiosk (the client declined the health-data consent there, or the front desk
   * checked them in): the beautician runs the same questionnaire in the room before the plan can be confirmed.
   */
  consultationInPerson: z.boolean(),
  /** The client had a closed visit before this one (set at check-in): the tablet says "returning", not "new client". */
  returningClient: z.boolean(),
  /** Who recorded the in-room consultation, and when; null until then (and for consultations done at the kiosk). */
  inRoomConsultation: z.object({ by: IdSchema, at: TimestampSchema }).nullable(),
  /**
   * Who the client is was not proven at the kiosk (DESIGN §6), for the front desk to settle in person:
   * `duplicate_number` a registration with a number that already belongs to another client (kept apart as a record
   * of its own until the desk attaches it or keeps it separate); `returning_unproven` "I have been here before" with
   * the number only; `number_not_on_file` the same with a number nothing is on file for. Null once settled.
   */
  identityCheck: z.enum(['duplicate_number', 'returning_unproven', 'number_not_on_file']).nullable(),
  /**
   * The answers are the client's stored ones, "confirmed unchanged at the kiosk" by someone who knew only the phone
   * number: the beautician reviews them with the client in the room.
   */
  answersToReview: z.boolean(),
  /** The client said at the kiosk they have a booking today (phone only: the desk matches it, the kiosk learns nothing). */
  saysBooked: z.boolean(),
  /** The client's signatures, one per consent they gave that the salon wants signed. */
  signature: VisitSignaturesSchema,
});
export type Visit = z.infer<typeof VisitSchema>;
