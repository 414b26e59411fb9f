import { z } from 'zod';
import { ComplaintCardSchema } from './complaints.ts';
import { AftercareSettingsSchema } from '../schemas/aftercare.schema.ts';
import { BookingCardSchema, TaskCardSchema } from './bookings.ts';
import { SalonSettingsViewSchema } from './settings.ts';
import { IdSchema, LanguageSchema, LANGUAGES, LocalizedTextSchema, TimestampSchema } from '../schemas/common.schema.ts';
import { RoomSchema } from '../schemas/room.schema.ts';
import { SalonLocaleSchema } from '../schemas/salon.schema.ts';
import { isPhoneCountry, type PhoneCountry } from '../schemas/person-rules.ts';
import { ConsentKindSchema, ConsentTextSchema } from '../schemas/consent.schema.ts';
import { QuestionnaireSchema } from '../schemas/questionnaire.schema.ts';
import { ServiceCategorySchema } from '../schemas/service.schema.ts';
import { ServiceSchema } from '../schemas/service.schema.ts';
import { CatalogueTermSchema, ProductSchema, ServiceCategoryRecordSchema } from '../schemas/catalogue.schema.ts';
import { StaffMemberSchema, StaffRoleSchema } from '../schemas/staff.schema.ts';
import { VisitSchema, VisitStateSchema } from '../schemas/visit.schema.ts';
import { FloorSettingsSchema, IncidentSchema } from '../schemas/floor.schema.ts';
import { FollowUpTaskSchema } from '../schemas/follow-up.schema.ts';
import { FollowUpSettingsSchema } from '../schemas/follow-up-settings.schema.ts';
import { MergeProposalCardSchema, RecordChangeCardSchema } from './client-record.ts';
import { OutboxStatusSchema } from './outbox-status.ts';

export const CONSULTATION_STATUSES = ['done', 'pending', 'withheld'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** What a staff screen shows about a visit: the visit plus the client's first name and last initial. */
export const VisitCardSchema = VisitSchema.omit({ answers: true, signature: true }).extend({
  clientName: z.string(),
  /** Whether the client signed at the kiosk (the strokes stay on the hub). */
  signed: z.boolean(),
  /**
   * The consultation as the beautician needs it: contraindication flags first (warn or block), then the answers, in
   * both languages (each tablet shows its own). `status` says what the flags mean: `done` (answered, at the kiosk or
   * in the room: no flags = no contraindications reported), `pending` (never asked: the client was checked in at the
   * desk or declined the health consent at the kiosk, so the beautician runs it in the room before the plan), or
   * `withheld` (health data this audience may not see: only the assigned beautician and the manager do; the desk
   * learns that a client is blocked from `blocked`, never why). Flags and answers are empty unless `done`.
   */
  consultation: z.object({
    status: z.enum(CONSULTATION_STATUSES),
    flags: z.array(z.object({ effect: z.enum(['warn', 'block']), text: LocalizedTextSchema })),
    answers: z.array(z.object({ questionId: IdSchema, question: LocalizedTextSchema, answer: LocalizedTextSchema })),
  }),
  /** Whether the session runs past its planned duration (in service only). */
  overrun: z.boolean(),
  /** Minutes until the client is expected to be taken in; null once they are. */
  estimateMin: z.number().int().nonnegative().nullable(),
});
export type VisitCard = z.infer<typeof VisitCardSchema>;

/** What the lobby may show about any visit: a ticket number and a wait, nothing that identifies the client. */
export const TicketSchema = z.object({
  ticket: z.string(),
  state: VisitStateSchema,
  serviceId: IdSchema,
  estimateMin: z.number().int().nonnegative().nullable(),
  /**
   * The first name of the beautician who will see the client, once known (assigned, or the one a booking or the
   * client asked for). A staff member's first name is what the lobby may show; nothing about the client is here.
   */
  beautician: z.string().nullable(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const SalonInfoSchema = z.object({
  name: z.string(),
  defaultLanguage: LanguageSchema,
  languages: z.array(LanguageSchema).default([...LANGUAGES]),
  /**
   * The country of phone numbers typed without a country code (DEFAULT_PHONE_COUNTRY when not set): every number is
   * stored and looked up in one form (canonicalPhone).
   */
  phoneCountry: z.custom<PhoneCountry>((v) => typeof v === 'string' && isPhoneCountry(v), 'phone_country').optional(),
  /** How English dates and times are written (schemas/salon.schema.ts); data from before the setting: en-GB (24-hour). */
  locale: SalonLocaleSchema.default('en-GB'),
  /** ISO 4217; prices are in its minor units. Data from before the setting: CNY. */
  currency: z.string().regex(/^[A-Z]{3}$/).default('CNY'),
  /** Days closed although their weekday is open (YYYY-MM-DD, the salon's calendar). */
  closedDates: z.array(z.string()).default([]),
  /**
   * False from an empty data directory's first start until the owner finishes the set-up on a tablet: the kiosk
   * shows "not open yet" and the hub refuses check-ins. Data from before the set-up existed was set up already.
   */
  setUp: z.boolean().default(true),
});
export type SalonInfo = z.infer<typeof SalonInfoSchema>;
/** What every screen receives about the salon: the stored info and the time zone every date and time is shown in. */
export const SalonViewSchema = SalonInfoSchema.extend({ timeZone: z.string() });
export type SalonView = z.infer<typeof SalonViewSchema>;

/** Views are keyed collections so that one generic patch format serves every audience. */
/** A paired tablet or kiosk, as the manager sees it in order to revoke it. */
export const DeviceCardSchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: z.enum(['tablet', 'kiosk']),
  pairedAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable(),
});

/** Whether a staff member can take a client now, as the board shows it. */
export const StaffStatusSchema = z.object({
  staffId: IdSchema,
  onShift: z.boolean(),
  onBreak: z.boolean(),
  /** The visit they hold, if any. */
  visitId: IdSchema.nullable(),
  /** Here today (signed in on a tablet, or marked present by the desk): only they are offered clients. */
  present: z.boolean().optional(),
});

export type StaffStatus = z.infer<typeof StaffStatusSchema>;

/** The floor settings, one record under the id `floor`. */
export const StaffViewSchema = z.object({
  visits: z.record(IdSchema, VisitCardSchema),
  rooms: z.record(IdSchema, RoomSchema),
  staff: z.record(IdSchema, StaffMemberSchema),
  services: z.record(IdSchema, ServiceSchema),
  /** Open incidents (unresolved); the floor audience only. */
  incidents: z.record(IdSchema, IncidentSchema),
  /** Problems clients reported from their aftercare page, until resolved; the front desk and the manager only. */
  complaints: z.record(IdSchema, ComplaintCardSchema),
  /** The salon's aftercare settings (link days, report window), under the id `settings`; the manager only. */
  aftercare: z.partialRecord(z.literal('settings'), AftercareSettingsSchema),
  /** Booking settings, consent texts and questionnaires for the settings screen, under `settings`; the manager only. */
  salonSettings: z.partialRecord(z.literal('settings'), SalonSettingsViewSchema),
  /** Today's and upcoming bookings (booked or checked in); the front desk and the manager only. */
  bookings: z.record(IdSchema, BookingCardSchema),
  /** The front desk's day-before reminder calls, keyed by booking id; the front desk and the manager only. */
  tasks: z.record(IdSchema, TaskCardSchema),
  /** Keyed by staff id; the floor audience only. */
  availability: z.record(IdSchema, StaffStatusSchema),
  /** Paired tablets; the manager only. */
  devices: z.record(IdSchema, DeviceCardSchema),
  settings: z.record(z.literal('floor'), FloorSettingsSchema),
  /**
   * The current consultation per service category, for a consultation run in the room on the tablet (the kiosk's
   * questions, never anyone's answers); signed-in staff only.
   */
  questionnaires: z.partialRecord(ServiceCategorySchema, QuestionnaireSchema),
  /** The salon's service categories, archived ones included (history names them); signed-in staff only. */
  categories: z.record(IdSchema, ServiceCategoryRecordSchema),
  /** The skills and equipment lists the manager edits; signed-in staff only. */
  skills: z.record(IdSchema, CatalogueTermSchema),
  equipment: z.record(IdSchema, CatalogueTermSchema),
  /** Retail and professional products staff recommend; signed-in staff only. */
  products: z.record(IdSchema, ProductSchema),
  /** Follow-up calls (#16): the front desk and the manager all of them, a beautician the ones assigned to her. */
  followUpTasks: z.record(IdSchema, FollowUpTaskSchema),
  /** The salon's follow-up settings for the settings screen, under `settings`; the manager only. */
  followUpSettings: z.partialRecord(z.literal('settings'), FollowUpSettingsSchema),
  /** Today's changes to client records, by change id (who and what stay on the record); the desk and the manager. */
  recordChanges: z.record(IdSchema, RecordChangeCardSchema),
  /** Merges the desk proposed, waiting for the manager's word (#16); the manager only. */
  mergeProposals: z.record(IdSchema, MergeProposalCardSchema),
  /** The outbox at a glance (#16), under `status`: counts per state and a stamp that moves on every change; the manager only. */
  outboxStatus: z.partialRecord(z.literal('status'), OutboxStatusSchema),
});
export type StaffView = z.infer<typeof StaffViewSchema>;

/** The current wait for a service a walk-in might choose, shown before they commit. */
export const ServiceWaitSchema = z.object({
  serviceId: IdSchema,
  /** Minutes until a new walk-in for this service would be taken in; null when nobody on shift can perform it. */
  estimateMin: z.number().int().nonnegative().nullable(),
  /** Clients already waiting for this service. */
  waiting: z.number().int().nonnegative(),
});
export type ServiceWait = z.infer<typeof ServiceWaitSchema>;

export const KioskViewSchema = z.object({
  services: z.record(IdSchema, ServiceSchema),
  tickets: z.record(IdSchema, TicketSchema),
  /** Keyed by service id. */
  waits: z.record(IdSchema, ServiceWaitSchema),
  /** The salon's consent texts with their versions, keyed by kind (terms, health, marketing). */
  consents: z.partialRecord(ConsentKindSchema, ConsentTextSchema),
  /** The current consultation per service category (the latest version). */
  questionnaires: z.partialRecord(ServiceCategorySchema, QuestionnaireSchema),
  /** The categories the lobby groups services under, in the salon's order (archived ones are not sent). */
  categories: z.record(IdSchema, ServiceCategoryRecordSchema),
});
export type KioskView = z.infer<typeof KioskViewSchema>;

/** The staff member signed in on a tablet. */
export const StaffSessionSchema = z.object({
  staffId: IdSchema,
  name: z.string(),
  role: StaffRoleSchema,
  /** Presented in the handshake to resume the session after a reconnect or reload. */
  token: z.string(),
  expiresAt: TimestampSchema,
});
export type StaffSession = z.infer<typeof StaffSessionSchema>;

/** What every connect (and every resync) starts with: an audience's whole view at a revision. */
const snapshotSchema = <S extends z.ZodRawShape>(view: z.ZodObject<S>) =>
  z.object({
    protocolVersion: z.number().int(),
    /** The hub's revision; every later patch carries the next one. */
    revision: z.number().int().nonnegative(),
    salon: SalonViewSchema,
    view,
  });

/** A change to a view: upserts and deletions (ids) per collection. Every audience receives every revision. */
const patchSchema = <S extends z.ZodRawShape>(view: z.ZodObject<S>) =>
  z.object({
    revision: z.number().int().positive(),
    set: view.partial(),
    del: z.partialRecord(view.keyof(), z.array(z.string())),
  });

/**
 * The staff namespace's snapshot also says who is signed in on this socket (null: nobody). Optional because the
 * client-side sync helpers handle both audiences' snapshots alike (`Snapshot<V>` below); the hub always sends it.
 */
export const StaffSnapshotSchema = snapshotSchema(StaffViewSchema).extend({ session: StaffSessionSchema.nullable().optional() });
export const KioskSnapshotSchema = snapshotSchema(KioskViewSchema);
export const StaffPatchSchema = patchSchema(StaffViewSchema);
export const KioskPatchSchema = patchSchema(KioskViewSchema);
export type StaffSnapshot = z.infer<typeof StaffSnapshotSchema>;
export type KioskSnapshot = z.infer<typeof KioskSnapshotSchema>;
export type StaffPatch = z.infer<typeof StaffPatchSchema>;
export type KioskPatch = z.infer<typeof KioskPatchSchema>;

/** Any audience's snapshot or patch, for code that works on either (the client-side sync helpers). */
export type Snapshot<V> = { protocolVersion: number; revision: number; salon: SalonView; view: V; session?: StaffSession | null };
export type Patch<V> = { revision: number; set: { [K in keyof V]?: V[K] }; del: { [K in keyof V]?: string[] } };
