import { z } from 'zod';
import { CommandIdSchema, IdSchema, LanguageSchema, LocalizedTextSchema, TimestampSchema, freeText } from '../schemas/common.schema.ts';
import { BirthdaySchema, PersonNameSchema, PhoneSchema } from '../schemas/client.schema.ts';
import { ClientChangeSchema } from '../schemas/client-change.schema.ts';
import { EmailSchema } from '../schemas/outbox.schema.ts';
import { ConsentRecordSchema } from '../schemas/consent.schema.ts';
import { BookingStateSchema } from '../schemas/booking.schema.ts';
import { ComplaintStatusSchema, ProblemKindSchema } from '../schemas/complaint.schema.ts';
import { RatingSchema } from '../schemas/rating.schema.ts';
import { VisitStateSchema } from '../schemas/visit.schema.ts';

/**
 * The client's record (#16): search, the record itself, the desk's corrections and the manager's merge. Reads are
 * commands too (an answer, nothing journaled): the hub answers from its state and the history on disk, and decides
 * there who may see what (services/client-record/). A beautician finds and opens only the clients assigned to her
 * today; the kiosk has none of these commands.
 */
const command = <T extends z.ZodRawShape>(shape: T) => z.object({ commandId: CommandIdSchema, ...shape }).strict();

/** The client classes of the salon's rules (shared/src/domain/follow-ups/client-class.ts). */
export const ClientClassSchema = z.enum(['new', 'regular', 'vip', 'at_risk', 'lapsed']);

export const ClientSearchInputSchema = command({
  /** Digits (4 or more find by phone), a name in Chinese characters, pinyin or its initials, or Latin letters. */
  query: z.string().trim().min(1, 'required').max(60, 'too_long'),
});

export const ClientHitSchema = z.object({
  id: IdSchema,
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  lastVisitAt: TimestampSchema.nullable(),
  /** Why it was found: the whole number, part of it, or the name. */
  match: z.enum(['phone_exact', 'phone', 'name']),
});
export type ClientHit = z.infer<typeof ClientHitSchema>;

export const ClientSearchResultSchema = z.object({ hits: z.array(ClientHitSchema), more: z.boolean() });
export type ClientSearchResult = z.infer<typeof ClientSearchResultSchema>;

/** Another client named on the record (a referral): who (the tablet writes the name in her script's order), to open her record. */
const RecordPersonSchema = z.object({ id: IdSchema, firstName: z.string(), lastName: z.string() });

/** A contraindication or consultation flag as the record shows it on top. */
const RecordFlagSchema = z.object({ effect: z.enum(['warn', 'block']), text: LocalizedTextSchema, at: TimestampSchema });

/**
 * Health data (consultation answers and flags) follows the floor's rule (views.ts `seesHealthData`): the manager and
 * the visit's own beautician. Anyone else gets `withheld` — and, on top of the record, only whether a flag exists.
 */
export const RecordConsultationSchema = z.object({
  status: z.enum(['done', 'none', 'withheld']),
  flags: z.array(z.object({ effect: z.enum(['warn', 'block']), text: LocalizedTextSchema })),
  answers: z.array(z.object({ questionId: IdSchema, question: LocalizedTextSchema, answer: LocalizedTextSchema })),
});

export const RecordProductSchema = z.object({ id: IdSchema.nullable(), name: LocalizedTextSchema, role: z.enum(['used', 'recommended']) });

export const RecordVisitSchema = z.object({
  id: IdSchema,
  at: TimestampSchema,
  state: VisitStateSchema,
  serviceId: IdSchema,
  serviceName: LocalizedTextSchema,
  staffId: IdSchema.nullable(),
  staffName: z.string().nullable(),
  plan: z.object({ notes: z.string(), intensity: z.string(), durationMin: z.number() }).nullable(),
  notes: z.array(z.object({ at: TimestampSchema, kind: z.string(), text: z.string() })),
  aftercareNotes: z.string(),
  products: z.array(RecordProductSchema),
  rating: RatingSchema.nullable(),
  consultation: RecordConsultationSchema,
  /** The client's record this visit was made under (another id for a visit of a record merged into this one). */
  clientId: IdSchema,
});
export type RecordVisit = z.infer<typeof RecordVisitSchema>;

export const ClientRecordSchema = z.object({
  client: z.object({
    id: IdSchema,
    firstName: z.string(),
    lastName: z.string(),
    phone: z.string(),
    language: LanguageSchema,
    birthday: z.string().nullable(),
    notes: z.string(),
    createdAt: TimestampSchema,
    duplicateOf: IdSchema.nullable(),
    mergedInto: IdSchema.nullable(),
    /** Marketing opt-out and similar stay with consents; e-mail if given. */
    email: z.string().nullable(),
  }),
  /** Whether this reader sees health data (manager; a beautician for her own visits). */
  healthVisible: z.boolean(),
  /** A contraindication or warning is on file in some consultation (shown to the desk without its content). */
  hasHealthFlags: z.boolean(),
  /** The flags themselves, newest first, for those who may see them; empty otherwise. */
  flags: z.array(RecordFlagSchema),
  clientClass: ClientClassSchema.nullable(),
  dates: z.object({ firstVisit: TimestampSchema.nullable(), lastVisit: TimestampSchema.nullable(), birthday: z.string().nullable() }),
  consents: z.array(ConsentRecordSchema),
  visits: z.array(RecordVisitSchema),
  complaints: z.array(
    z.object({ id: IdSchema, visitId: IdSchema, at: TimestampSchema, status: ComplaintStatusSchema, kind: ProblemKindSchema, text: z.string() }),
  ),
  bookings: z.array(z.object({ id: IdSchema, serviceId: IdSchema, serviceName: LocalizedTextSchema, startsAt: TimestampSchema, state: BookingStateSchema, staffName: z.string().nullable() })),
  followUps: z.array(
    z.object({
      id: IdSchema,
      rule: z.string(),
      dueDate: z.string(),
      state: z.string(),
      attempts: z.number().int(),
      lastOutcome: z.string().nullable(),
      lastNote: z.string(),
      /** Every attempt at the call, oldest first: who called, when, the outcome, her notes, when to try again. */
      calls: z.array(z.object({ at: TimestampSchema, byName: z.string(), outcome: z.string(), note: z.string(), retryAt: TimestampSchema.nullable() })),
    }),
  ),
  messages: z.array(z.object({ id: IdSchema, kind: z.string(), purpose: z.string(), state: z.string(), at: TimestampSchema, subject: z.string() })),
  /** Who referred whom: the client who referred this one, and the clients she referred (kept records only). */
  referrals: z.object({
    referredBy: RecordPersonSchema.nullable(),
    referred: z.array(RecordPersonSchema),
    /**
     * People of the referrals this reader may not open (a beautician: clients who are not hers today) are not named:
     * whether someone referred the client, and how many she referred, without who (client-record.ts decides).
     */
    unnamed: z.object({ referredBy: z.boolean(), referred: z.number().int().min(0) }),
  }),
  /** Records merged into this one, and other records with the same number (the desk may propose a merge). */
  mergedFrom: z.array(z.object({ id: IdSchema, name: z.string() })),
  sameNumber: z.array(z.object({ id: IdSchema, name: z.string() })),
  /** Merges proposed for this record and waiting for the manager (the desk sees its proposal pending here). */
  pendingMerges: z.array(z.object({ id: IdSchema, other: RecordPersonSchema, at: TimestampSchema, byName: z.string() })),
  /** The change log (desk and manager only; empty for a beautician), newest first, with who made each change. */
  changes: z.array(ClientChangeSchema.extend({ byName: z.string() })),
  /** How long the hub took to gather the record, with the months read from disk (for the bench and the logs). */
  readMs: z.number(),
});
export type ClientRecord = z.infer<typeof ClientRecordSchema>;

/** What the front desk may correct. Absent fields stay as they are; `birthday`, `email` or `referredBy` null removes it. */
export const ClientEditInputSchema = command({
  clientId: IdSchema,
  changes: z
    .object({
      firstName: PersonNameSchema,
      lastName: freeText(60),
      phone: PhoneSchema,
      birthday: BirthdaySchema.nullable(),
      notes: freeText(1000),
      language: LanguageSchema,
      /** Where the client's messages go by e-mail; null removes it. */
      email: EmailSchema.nullable(),
      /** The client who referred her (found by `clients:search`); null: nobody. */
      referredBy: IdSchema.nullable(),
    })
    .partial()
    .strict()
    .refine((c) => Object.keys(c).length > 0, { message: 'nothing_changed' }),
});
export type ClientEditInput = z.input<typeof ClientEditInputSchema>;

export const ClientMergeInputSchema = command({ keepId: IdSchema, mergeId: IdSchema });
export type ClientMergeInput = z.input<typeof ClientMergeInputSchema>;

/**
 * A change to client records (#16), as the live view `recordChanges` carries it to the front desk and the manager:
 * which clients (the edited one; the kept and the merged one of a merge) and when — never what, which only the record
 * says. A tablet with one of these records open reads it again. Today's changes only (the salon's day).
 */
export const RecordChangeCardSchema = z.object({
  clientIds: z.array(IdSchema).min(1).max(2),
  at: TimestampSchema,
  /**
   * What changed: the record itself (a correction, a merge or its proposal: keyed by change id), or one of her
   * bookings, follow-up calls, messages or complaints (keyed by `<about>-<its id>`, record-changes-view.ts).
   */
  about: z.enum(['record', 'booking', 'followUp', 'message', 'complaint']),
  /** An opaque stamp that changes whenever the thing changes (a tablet compares it, never reads it). */
  version: z.string().max(40),
});
export type RecordChangeCard = z.infer<typeof RecordChangeCardSchema>;

/**
 * A merge the front desk proposed and the manager has not yet confirmed or declined (#16), as the manager's live view
 * `mergeProposals` carries it (keyed by the proposal's change id): the two records by id and name and who proposed
 * it when. The manager's tablet reads both records (`clients:record`) to show them side by side. A proposal leaves
 * the view once the records are merged (either way), one of them is erased, or it is declined.
 */
export const MergeProposalCardSchema = z.object({
  keep: RecordPersonSchema,
  merge: RecordPersonSchema,
  at: TimestampSchema,
  by: IdSchema,
  byName: z.string(),
});
export type MergeProposalCard = z.infer<typeof MergeProposalCardSchema>;

/** The manager declines a proposed merge, with the reason the desk will read on the record's log. */
export const ClientDeclineMergeInputSchema = command({
  keepId: IdSchema,
  mergeId: IdSchema,
  reason: z.string().trim().min(1, 'decline_reason_required').max(500, 'too_long'),
});
export type ClientDeclineMergeInput = z.input<typeof ClientDeclineMergeInputSchema>;

const DESK = ['front_desk', 'manager'] as const;
/** Clients per `clients:classes` question: a board's queue fits in one. */
export const CLASSES_MAX_IDS = 60;

export const CLIENT_RECORD_STAFF_COMMANDS = {
  'clients:search': { input: ClientSearchInputSchema, output: ClientSearchResultSchema, roles: ['beautician', 'front_desk', 'manager'] },
  'clients:record': { input: command({ clientId: IdSchema }), output: ClientRecordSchema, roles: ['beautician', 'front_desk', 'manager'] },
  'clients:edit': { input: ClientEditInputSchema, output: z.object({ clientId: IdSchema, changed: z.array(z.string()) }), roles: DESK },
  /** The desk found two records of one person: logged on the kept record for the manager to confirm. */
  'clients:proposeMerge': { input: ClientMergeInputSchema, output: z.object({ proposed: z.boolean() }), roles: DESK },
  'clients:merge': { input: ClientMergeInputSchema, output: z.object({ keptId: IdSchema }), roles: ['manager'] },
  /** The manager declines a proposed merge (the reason is logged on both records); refused when none is waiting. */
  'clients:declineMerge': { input: ClientDeclineMergeInputSchema, output: z.object({ declined: z.boolean() }), roles: ['manager'] },
  /**
   * The class badges of the clients on a screen (the board's queue, the assignment alert): the same visibility as the
   * record (a beautician gets only the clients assigned to her today; others are left out of the answer).
   */
  'clients:classes': {
    input: command({ clientIds: z.array(IdSchema).min(1).max(CLASSES_MAX_IDS) }),
    output: z.object({ classes: z.record(IdSchema, ClientClassSchema) }),
    roles: ['beautician', 'front_desk', 'manager'],
  },
} as const;
