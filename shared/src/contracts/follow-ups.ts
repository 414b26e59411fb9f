import { z } from 'zod';
import { CommandIdSchema, IdSchema, LanguageSchema, TimestampSchema } from '../schemas/common.schema.ts';
import { ComplaintStatusSchema, ProblemKindSchema } from '../schemas/complaint.schema.ts';
import { FollowUpOutcomeSchema, FollowUpTaskStateSchema, FollowUpDateSchema } from '../schemas/follow-up.schema.ts';
import { RatingSchema } from '../schemas/rating.schema.ts';

/**
 * The follow-up calls worked on the staff tablet (#16): recording how a call went, and reading what the caller needs
 * to know about the client before dialling. The tasks themselves reach the tablets through the view
 * (`followUpTasks`); who may act on which task is decided on the hub (services/follow-ups/follow-up-access.ts).
 */

/** What the caller typed about the call: trimmed, bounded, no control characters. */
export const FOLLOW_UP_NOTE_MAX = 1000;
// Control characters (other than ordinary whitespace) have no place in anything a person types.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const FollowUpNoteSchema = z
  .string()
  .trim()
  .max(FOLLOW_UP_NOTE_MAX, 'follow_up_note_too_long')
  .refine((s) => !CONTROL_CHARS.test(s), 'control_chars');

const command = <T extends z.ZodRawShape>(shape: T) => z.object({ commandId: CommandIdSchema, ...shape }).strict();

/**
 * One call's outcome. `retryAt`: when to try again after no answer (absent: the salon's default, later today or
 * tomorrow morning), or the time the client asked to be called back (required). `problemKind` only with `problem`,
 * whose `note` (required) becomes the complaint's description. Whether `retryAt` lies in the future is a matter of
 * the clock, so the hub's decision checks it.
 */
export const FollowUpRecordInputSchema = command({
  taskId: IdSchema,
  outcome: FollowUpOutcomeSchema,
  note: FollowUpNoteSchema.default(''),
  retryAt: TimestampSchema.nullable().default(null),
  problemKind: ProblemKindSchema.nullable().default(null),
})
  .refine((c) => c.outcome !== 'call_back' || c.retryAt !== null, { message: 'follow_up_call_back_time', path: ['retryAt'] })
  .refine((c) => c.retryAt === null || c.outcome === 'no_answer' || c.outcome === 'call_back', {
    message: 'follow_up_no_retry',
    path: ['retryAt'],
  })
  .refine((c) => c.outcome !== 'problem' || c.note.length > 0, { message: 'follow_up_problem_note', path: ['note'] })
  .refine((c) => c.problemKind === null || c.outcome === 'problem', { message: 'follow_up_no_problem_kind', path: ['problemKind'] });
export type FollowUpRecordInput = z.input<typeof FollowUpRecordInputSchema>;

export const FollowUpRecordResultSchema = z.object({
  taskId: IdSchema,
  state: FollowUpTaskStateSchema,
  /** The salon day the task is due now (moved by a retry). */
  dueDate: FollowUpDateSchema,
  /** When the next try is due (no answer, call back), else null. */
  retryAt: TimestampSchema.nullable(),
  /** The complaint a `problem` opened, else null. */
  complaintId: IdSchema.nullable(),
});
export type FollowUpRecordResult = z.infer<typeof FollowUpRecordResultSchema>;

/** The client's last visit as the caller needs it: when, what, who, what was done and planned, how it was rated. */
export const FollowUpLastVisitSchema = z.object({
  visitId: IdSchema,
  /** When the visit closed (or began, for one that never closed). */
  at: TimestampSchema,
  serviceId: IdSchema,
  staffId: IdSchema.nullable(),
  /** The plan's notes and the products used (listed ones by id, others in the beautician's words). */
  planNotes: z.string(),
  productIds: z.array(IdSchema),
  products: z.array(z.string()),
  /** The aftercare the client took home: the beautician's notes and the home products. */
  aftercareNotes: z.string(),
  homeProducts: z.array(z.string()),
  recommendedProductIds: z.array(IdSchema),
  rating: RatingSchema.nullable(),
});
export type FollowUpLastVisit = z.infer<typeof FollowUpLastVisitSchema>;

export const FollowUpContextSchema = z.object({
  taskId: IdSchema,
  client: z.object({
    id: IdSchema,
    /** The full name as the tablets write it (family name first for a Chinese name); the first name for the script. */
    name: z.string(),
    firstName: z.string(),
    phone: z.string(),
    language: LanguageSchema,
    birthday: z.string().nullable(),
    /** Closed visits the hub holds in memory (recent months). */
    visits: z.number().int().nonnegative(),
    /** The client asked not to be called (set by a call's `do_not_call`), with when. */
    doNotCallSince: TimestampSchema.nullable(),
  }),
  /** The visit the task follows up, else the client's latest closed one; null for a client never served. */
  lastVisit: FollowUpLastVisitSchema.nullable(),
  /** The client's complaints not resolved yet. */
  openComplaints: z.array(
    z.object({ id: IdSchema, kind: ProblemKindSchema, status: ComplaintStatusSchema, createdAt: TimestampSchema, description: z.string() }),
  ),
});
export type FollowUpContext = z.infer<typeof FollowUpContextSchema>;

const ALL_STAFF = ['beautician', 'front_desk', 'manager'] as const;
/** Tasks one context read may name. */
export const FOLLOW_UP_CONTEXT_MAX = 100;

/**
 * The staff commands of follow-up calls (spread into STAFF_COMMANDS). Every role may send them; a beautician only for
 * a task assigned to her (the hub's decision says so), the front desk and the manager for any.
 */
export const FOLLOW_UP_STAFF_COMMANDS = {
  'followUp:record': { input: FollowUpRecordInputSchema, output: FollowUpRecordResultSchema, roles: ALL_STAFF },
  /**
   * Reads the clients' context of the tasks named (the list on screen asks for all of its tasks at once), answering
   * only for those the caller may see: the others are left out, as if they did not exist. Nothing changes.
   */
  'followUp:context': {
    input: command({ taskIds: z.array(IdSchema).min(1).max(FOLLOW_UP_CONTEXT_MAX) }),
    output: z.object({ contexts: z.array(FollowUpContextSchema) }),
    roles: ALL_STAFF,
  },
} as const;
