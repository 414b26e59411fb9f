import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { freeText, IdSchema, TimestampSchema } from './common.schema.ts';

/**
 * Follow-up tasks (issue #16): the calls the salon makes after a visit, a product sale, before a booking, on a
 * birthday or a holiday, or to win a client back. The hub's scheduler creates each one once and only once (its
 * `dedupeKey`); staff work them on the tablet and every attempt is kept.
 *
 * Who may read them: the front desk and the manager all of them; a beautician only the tasks assigned to her
 * (hub/src/services/view-projections.ts, the one place that decides it). How they are erased: with the client
 * they belong to — a task names nothing but ids and the staff's notes, and erasing a client deletes her tasks.
 */

/** Why a task exists: the rule of the salon's follow-up settings that created it. */
export const FOLLOW_UP_RULES = [
  'day1',
  'day3',
  'day7',
  'first_visit_day3',
  'product_treatment',
  'product_brand',
  'product_supplement',
  'booking_eve',
  'birthday_card',
  'birthday',
  'holiday',
  'seasonal',
  'win_back',
] as const;
export const FollowUpRuleSchema = z.enum(FOLLOW_UP_RULES);
export type FollowUpRule = z.infer<typeof FollowUpRuleSchema>;

/** A calendar day of the salon (its time zone), YYYY-MM-DD, that exists. */
export const FollowUpDateSchema = z.string().max(10).refine(isCalendarDate, 'date_format');

export const FOLLOW_UP_OUTCOMES = ['reached', 'no_answer', 'call_back', 'do_not_call', 'problem'] as const;
export const FollowUpOutcomeSchema = z.enum(FOLLOW_UP_OUTCOMES);
export type FollowUpOutcome = z.infer<typeof FollowUpOutcomeSchema>;

/** One call made for a task: who, when, how it went. */
export const FollowUpAttemptSchema = z.object({
  at: TimestampSchema,
  by: IdSchema,
  outcome: FollowUpOutcomeSchema,
  note: freeText(2000),
  /** No answer / call back: when to try again. */
  retryAt: TimestampSchema.nullable(),
  /** Problem found: the complaint the call opened. */
  complaintId: IdSchema.nullable(),
});
export type FollowUpAttempt = z.infer<typeof FollowUpAttemptSchema>;

export const FollowUpTaskStateSchema = z.enum(['open', 'done', 'cancelled']);
export type FollowUpTaskState = z.infer<typeof FollowUpTaskStateSchema>;

export const FollowUpTaskSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  /** The visit it follows up (session-close and product rules), else null. */
  visitId: IdSchema.nullable(),
  /** The booking it reminds of (booking_eve), else null. */
  bookingId: IdSchema.nullable(),
  /** The product it follows up (product rules), else null. */
  productId: IdSchema.nullable(),
  rule: FollowUpRuleSchema,
  /** The salon's local day the call is due. */
  dueDate: FollowUpDateSchema,
  /** The beautician who should call; null: the front desk. */
  assigneeId: IdSchema.nullable(),
  /** What makes it unique (rule + what it is about + the day): the scheduler never creates a second one. */
  dedupeKey: z.string().min(1).max(200),
  state: FollowUpTaskStateSchema,
  createdAt: TimestampSchema,
  attempts: z.array(FollowUpAttemptSchema).max(50),
});
export type FollowUpTask = z.infer<typeof FollowUpTaskSchema>;
