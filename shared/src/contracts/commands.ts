import { z } from 'zod';
import { DoneSchema as Done } from './done.ts';
import { AFTERCARE_STAFF_COMMANDS } from './complaints.ts';
import { BOOKING_KIOSK_COMMANDS, BOOKING_STAFF_COMMANDS } from './bookings.ts';
import { DESK_BOOKING_STAFF_COMMANDS } from './desk-bookings.ts';
import { SETTINGS_STAFF_COMMANDS } from './settings.ts';
import { CATALOGUE_STAFF_COMMANDS } from './catalogue.ts';
import { SETUP_STAFF_COMMANDS } from './setup.ts';
import { CLIENT_IMPORT_STAFF_COMMANDS } from './client-import.ts';
import { CLIENT_RECORD_STAFF_COMMANDS } from './client-record.ts';
import { FOLLOW_UP_STAFF_COMMANDS } from './follow-ups.ts';
import { FOLLOW_UP_SETTINGS_STAFF_COMMANDS } from './follow-up-settings.ts';
import { OUTBOX_STAFF_COMMANDS } from './outbox.ts';
import { ClientInputSchema, KioskClientInputSchema } from '../schemas/client.schema.ts';
import { CheckInSignaturesSchema, ConsentChoiceSchema } from '../schemas/consent.schema.ts';
import { ReturningVisitorSchema, VisitorTokenSchema } from '../schemas/kiosk-identity.schema.ts';
import { QuestionnaireDefinitionSchema } from '../schemas/questionnaire.schema.ts';
import { CommandIdSchema, IdSchema, LanguageSchema, TimestampSchema } from '../schemas/common.schema.ts';
import { AnswersSchema } from '../schemas/questionnaire.schema.ts';
import { RatingSchema } from '../schemas/rating.schema.ts';
import { AftercareNotesSchema, NOTE_KINDS, PlanInputSchema } from '../schemas/plan.schema.ts';
import { IncidentKindSchema } from '../schemas/floor.schema.ts';
import { freeText } from '../schemas/common.schema.ts';
import { PinSchema, type StaffRole } from '../schemas/staff.schema.ts';
import { SecurityEventSchema } from '../schemas/security-event.schema.ts';
import { VisitStateSchema } from '../schemas/visit.schema.ts';
import type { DataLossAlert } from './data-loss.ts';
import type { Ack } from './errors.ts';
import { DeviceKindSchema } from './http.ts';
import { StaffSessionSchema, type KioskSnapshot, type KioskPatch, type StaffPatch, type StaffSnapshot } from './views.ts';

/** Every command carries a commandId: the hub answers a retry with the first answer and changes nothing. */
const command = <T extends z.ZodRawShape>(shape: T) => z.object({ commandId: CommandIdSchema, ...shape }).strict();

export type CommandSpec = {
  input: z.ZodType;
  output: z.ZodType;
  /** Staff roles allowed to send it; `null` means no signed-in staff member is needed (a paired device is). */
  roles: readonly StaffRole[] | null;
};
export type CommandMap = Record<string, CommandSpec>;

const ALL_STAFF = ['beautician', 'front_desk', 'manager'] as const satisfies readonly StaffRole[];

// ---- kiosk ----
/**
 * Identity is exactly one of: `client` (a registration: the person's own details, never attached to a client who
 * already has the number), `returning` (the phone number only, "I have been here before": it proves nothing, so the
 * kiosk sends no consents, answers or signature and the hub changes no client), or `visitorToken` (a client who
 * scanned their booking's QR). Every kiosk check-in carries `consents`: the choices made now, checked against the
 * version of the salon's current text, empty when those on file still stand (a QR visitor) and always empty for a
 * `returning` number, which is asked none. The kiosk ran the consultation: required answers are always required.
 * The front desk checks clients in with `visit:checkInByHand`.
 */
export const CheckInInputSchema = command({
  client: KioskClientInputSchema.optional(),
  returning: ReturningVisitorSchema.optional(),
  visitorToken: VisitorTokenSchema.optional(),
  serviceId: IdSchema,
  language: LanguageSchema,
  answers: AnswersSchema.default({}),
  /** A booked client checks in for this booking (found by `booking:confirmByToken`). */
  bookingId: IdSchema.optional(),
  consents: z.array(ConsentChoiceSchema).max(3),
  /**
   * "Nothing has changed since last time": the hub copies the client's last answers for the service's category (for
   * a `returning` client, to the beautician to review in the room; the kiosk never sees them).
   */
  sameAsLast: z.boolean().default(false),
  /** One per consent granted now that the salon wants signed (terms and health both, when it asks for both). */
  signature: CheckInSignaturesSchema.optional(),
})
  .refine((c) => [c.client, c.returning, c.visitorToken].filter((x) => x !== undefined).length === 1, {
    message: 'identity_one',
    path: ['client'],
  })
  // Nothing an unproven person says may stand for a client's record: their consents and answers are not asked.
  .refine(
    (c) =>
      c.returning === undefined ||
      (c.consents.length === 0 && c.signature === undefined && c.bookingId === undefined && Object.keys(c.answers).length === 0),
    { message: 'returning_phone_only', path: ['returning'] },
  );
export const CheckInResultSchema = z.object({
  visitId: IdSchema,
  ticket: z.string(),
  /** The name the person typed, or the QR-proven client's; null for a `returning` check-in (the number proves nothing). */
  firstName: z.string().nullable(),
  estimateMin: z.number().int().nonnegative().nullable(),
});

export const KIOSK_COMMANDS = {
  'visit:checkIn': { input: CheckInInputSchema, output: CheckInResultSchema, roles: null },
  ...BOOKING_KIOSK_COMMANDS,
} as const satisfies CommandMap;

// ---- staff ----
const VisitRefSchema = command({ visitId: IdSchema });
/** The answer of a command that moves a visit: its new state. */
export const VisitStateResultSchema = z.object({ visitId: IdSchema, state: VisitStateSchema });
export type VisitStateResult = z.infer<typeof VisitStateResultSchema>;

export const LoginInputSchema = command({ staffId: IdSchema, pin: PinSchema });
export const CloseVisitInputSchema = command({
  visitId: IdSchema,
  rating: RatingSchema,
  aftercare: AftercareNotesSchema.default({ notes: '', homeProducts: [] }),
});
export const CloseVisitResultSchema = VisitStateResultSchema.extend({
  /** Path of the client's aftercare page on this hub; the tablet shows it as a QR code. */
  aftercarePath: z.string(),
  /**
   * The whole link for the QR code, on the hub's network address (never the name the tablet used, e.g. localhost,
   * which no phone can open); null when the hub has none to give, and the tablet uses its own origin.
   */
  aftercareUrl: z.string().nullable(),
  expiresAt: TimestampSchema,
});
export const PairingCodeResultSchema = z.object({ code: z.string(), expiresAt: TimestampSchema });

const FRONT = ['front_desk', 'manager'] as const satisfies readonly StaffRole[];

export const HandBackInputSchema = command({ visitId: IdSchema, reason: freeText(300).pipe(z.string().min(1, 'required')) });
export const PlanUpdateInputSchema = command({ visitId: IdSchema, plan: PlanInputSchema });
/** The client approves a given version of the plan on the tablet: an older version can no longer be approved. */
/** The consultation run in the room (not done at the kiosk): the answers to the service's current questionnaire. */
export const ConsultationRecordInputSchema = command({ visitId: IdSchema, answers: AnswersSchema });
export const ConsultationRecordResultSchema = z.object({ visitId: IdSchema, blocked: z.boolean() });

export const PlanConfirmInputSchema = command({ visitId: IdSchema, planVersion: z.number().int().min(1).optional() });
export const SessionNoteInputSchema = command({
  visitId: IdSchema,
  kind: z.enum(NOTE_KINDS),
  text: freeText(500).pipe(z.string().min(1, 'required')),
  productId: IdSchema.optional(),
});
/**
 * Removes a session note written by mistake: the note is named by when it was recorded and its words (two notes alike
 * in both are the same note to remove either way).
 */
export const SessionNoteRemoveInputSchema = command({
  visitId: IdSchema,
  at: TimestampSchema,
  text: z.string().min(1).max(500),
});
export const IncidentRaiseInputSchema = command({
  kind: IncidentKindSchema,
  visitId: IdSchema.nullable().default(null),
  roomId: IdSchema.nullable().default(null),
  note: freeText(1000).default(''),
});
export const ManualAssignInputSchema = command({ visitId: IdSchema, roomId: IdSchema, staffId: IdSchema });
export const QueueReorderInputSchema = command({
  visitId: IdSchema,
  /** Put the visit just before this one; null puts it last. */
  beforeVisitId: IdSchema.nullable(),
});
/** A manager lets a blocked visit go ahead; the reason is recorded on the visit with who and when. */
export const OverrideBlockInputSchema = command({
  visitId: IdSchema,
  reason: freeText(300).pipe(z.string().min(1, 'required')),
});
/** The manager replaces a category's questionnaire: it becomes the next version, checked before it is stored. */
export const QuestionnaireReplaceInputSchema = command({ questionnaire: QuestionnaireDefinitionSchema });
export const QuestionnaireReplaceResultSchema = z.object({ questionnaireId: IdSchema, version: z.number().int() });

/**
 * The desk settles in person who a client checked in at the kiosk is: the same person as the client on file with
 * that number (attach), or someone else (keep apart). See the visit's `identityCheck`.
 */
export const ResolveIdentityInputSchema = command({ visitId: IdSchema, decision: z.enum(['same_person', 'separate']) });
export const ResolveIdentityResultSchema = z.object({ visitId: IdSchema, clientId: IdSchema });

export const DeskCheckInInputSchema = command({
  client: ClientInputSchema,
  serviceId: IdSchema,
  language: LanguageSchema,
  preferredStaffId: IdSchema.nullable().default(null),
  waitForPreferred: z.boolean().default(false),
});

export const STAFF_COMMANDS = {
  'auth:login': { input: LoginInputSchema, output: StaffSessionSchema, roles: null },
  'auth:logout': { input: command({}), output: z.object({}), roles: ALL_STAFF },
  // room mode: one beautician and their client
  'visit:accept': { input: VisitRefSchema, output: VisitStateResultSchema, roles: ALL_STAFF },
  'visit:handBack': { input: HandBackInputSchema, output: VisitStateResultSchema, roles: ALL_STAFF },
  'plan:update': { input: PlanUpdateInputSchema, output: z.object({ visitId: IdSchema, version: z.number().int() }), roles: ALL_STAFF },
  'consultation:record': { input: ConsultationRecordInputSchema, output: ConsultationRecordResultSchema, roles: ALL_STAFF },
  'plan:confirm': { input: PlanConfirmInputSchema, output: VisitStateResultSchema, roles: ALL_STAFF },
  'session:note': { input: SessionNoteInputSchema, output: Done, roles: ALL_STAFF },
  'session:removeNote': { input: SessionNoteRemoveInputSchema, output: Done, roles: ALL_STAFF },
  'incident:raise': { input: IncidentRaiseInputSchema, output: z.object({ incidentId: IdSchema }), roles: ALL_STAFF },
  'room:ready': { input: command({ roomId: IdSchema }), output: Done, roles: ALL_STAFF },
  // front desk and manager
  'visit:assign': { input: ManualAssignInputSchema, output: VisitStateResultSchema, roles: FRONT },
  'visit:checkInByHand': { input: DeskCheckInInputSchema, output: CheckInResultSchema, roles: FRONT },
  'visit:cancel': { input: VisitRefSchema, output: VisitStateResultSchema, roles: FRONT },
  'visit:noShow': { input: VisitRefSchema, output: VisitStateResultSchema, roles: FRONT },
  'visit:resolveIdentity': { input: ResolveIdentityInputSchema, output: ResolveIdentityResultSchema, roles: FRONT },
  'queue:reorder': { input: QueueReorderInputSchema, output: Done, roles: FRONT },
  'floor:setAutoAssign': { input: command({ enabled: z.boolean() }), output: Done, roles: FRONT },
  /** A beautician is here today without signing in on a tablet: the planner may offer them clients. */
  'staff:markPresent': { input: command({ staffId: IdSchema }), output: z.object({ staffId: IdSchema }), roles: FRONT },
  /** Minutes a beautician has to accept an assignment before the client goes back to the queue and the desk is told. */
  'floor:setAcceptWithin': { input: command({ minutes: z.number().int().min(1).max(120) }), output: Done, roles: FRONT },
  'room:setOutOfService': { input: command({ roomId: IdSchema, outOfService: z.boolean() }), output: Done, roles: FRONT },
  'incident:acknowledge': { input: command({ incidentId: IdSchema }), output: Done, roles: FRONT },
  'incident:resolve': { input: command({ incidentId: IdSchema, resolution: freeText(1000) }), output: Done, roles: FRONT },
  'device:revoke': { input: command({ deviceId: IdSchema }), output: Done, roles: ['manager'] },
  'visit:start': { input: VisitRefSchema, output: VisitStateResultSchema, roles: ALL_STAFF },
  'visit:finish': { input: VisitRefSchema, output: VisitStateResultSchema, roles: ALL_STAFF },
  'visit:close': { input: CloseVisitInputSchema, output: CloseVisitResultSchema, roles: ALL_STAFF },
  'pairing:create': { input: command({ kind: DeviceKindSchema.default('tablet') }), output: PairingCodeResultSchema, roles: ['manager'] },
  'visit:overrideBlock': { input: OverrideBlockInputSchema, output: VisitStateResultSchema, roles: ['manager'] },
  'questionnaire:replace': { input: QuestionnaireReplaceInputSchema, output: QuestionnaireReplaceResultSchema, roles: ['manager'] },
  /** The security events the hub keeps in memory (failed PINs, lock-outs, pairing failures…), newest first. */
  'security:list': { input: command({}), output: z.object({ events: z.array(SecurityEventSchema) }), roles: ['manager'] },
  ...AFTERCARE_STAFF_COMMANDS,
  ...BOOKING_STAFF_COMMANDS,
  ...DESK_BOOKING_STAFF_COMMANDS,
  ...SETTINGS_STAFF_COMMANDS,
  ...CLIENT_IMPORT_STAFF_COMMANDS,
  ...CLIENT_RECORD_STAFF_COMMANDS,
  ...FOLLOW_UP_STAFF_COMMANDS,
  ...FOLLOW_UP_SETTINGS_STAFF_COMMANDS,
  ...OUTBOX_STAFF_COMMANDS,
  ...CATALOGUE_STAFF_COMMANDS,
  ...SETUP_STAFF_COMMANDS,
} as const satisfies CommandMap;

export type KioskCommandName = keyof typeof KIOSK_COMMANDS;
export type StaffCommandName = keyof typeof STAFF_COMMANDS;
export type CommandInput<M extends CommandMap, K extends keyof M> = z.input<M[K]['input']>;
export type CommandOutput<M extends CommandMap, K extends keyof M> = z.output<M[K]['output']>;

/** socket.io's typed maps, derived from the command maps so that names and payloads have one source. */
export type CommandEvents<M extends CommandMap> = {
  [K in keyof M]: (input: CommandInput<M, K>, ack: (res: Ack<CommandOutput<M, K>>) => void) => void;
};

export type KioskClientEvents = CommandEvents<typeof KIOSK_COMMANDS> & {
  'sync:resync': (ack: (snapshot: KioskSnapshot) => void) => void;
};
export type KioskServerEvents = {
  'sync:snapshot': (snapshot: KioskSnapshot) => void;
  'sync:patch': (patch: KioskPatch) => void;
  /** The manager revoked this kiosk: the hub closes its sockets right after; the kiosk forgets its credential. */
  'auth:ended': (info: { reason: 'revoked' }) => void;
};

export type StaffClientEvents = CommandEvents<typeof STAFF_COMMANDS> & {
  'sync:resync': (ack: (snapshot: StaffSnapshot) => void) => void;
};
export type StaffServerEvents = {
  'sync:snapshot': (snapshot: StaffSnapshot) => void;
  'sync:patch': (patch: StaffPatch) => void;
  /** The session ended (expired, signed out elsewhere, device revoked): the tablet returns to the PIN screen. */
  'auth:ended': (info: { reason: 'expired' | 'logout' | 'revoked' }) => void;
  /** The hub lost acknowledged changes (a tablet held a newer revision): the manager's tablets only. */
  'hub:dataLoss': (alert: DataLossAlert) => void;
};
