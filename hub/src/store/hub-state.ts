import { z } from 'zod';
import {
  BookingSchema,
  BookingSettingsSchema,
  AftercareSettingsSchema,
  ClientSchema,
  ClientChangeSchema,
  ConsentSettingsSchema,
  ComplaintSchema,
  CatalogueTermSchema,
  ProductSchema,
  ServiceCategoryRecordSchema,
  DeviceKindSchema,
  FloorSettingsSchema,
  FollowUpSettingsSchema,
  FollowUpTaskSchema,
  IdSchema,
  IncidentSchema,
  OutboxMessageSchema,
  OutboxSettingsSchema,
  PresenceSchema,
  QuestionnaireSchema,
  RoomSchema,
  SalonInfoSchema,
  ServiceSchema,
  StaffMemberSchema,
  TicketCounterSchema,
  TimestampSchema,
  VisitSchema,
} from '@glow/shared';

/** A staff member's PIN, hashed with a per-staff salt (scrypt). */
export const StaffCredentialSchema = z.object({ pinHash: z.string(), salt: z.string() });

/** A paired staff tablet or lobby kiosk. The secret is shown once at pairing; the hub keeps only its hash. */
export const DeviceSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** Which namespace its credential opens (devices paired before kiosks were paired: migration 1). */
  kind: DeviceKindSchema,
  secretHash: z.string(),
  pairedAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable(),
});
export type Device = z.infer<typeof DeviceSchema>;

/** A one-time pairing code, stored hashed, keyed by that hash, for one kind of device. */
export const PairingCodeSchema = z.object({ expiresAt: TimestampSchema, kind: DeviceKindSchema });

/** A link given to a client (the aftercare QR): stored by the SHA-256 of its token, one purpose, expiring. */
export const PublicLinkSchema = z.object({
  /** For a booking link: the visit whose aftercare page the booking was made from. */
  visitId: IdSchema,
  /** `aftercare`: the visit's aftercare page; `booking`: manage booking `bookingId` and check in with it (its QR). */
  purpose: z.enum(['aftercare', 'booking']),
  bookingId: IdSchema.optional(),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable(),
});
export type PublicLink = z.infer<typeof PublicLinkSchema>;

/**
 * The answer a command got, kept so that a retry gets it again, and whom it was given to (only that sender may
 * retry). Records from before senders were recorded belong to nobody, `''` (migration 2): a retry of one is refused;
 * they are dropped a day after they were written (command-retention.ts), like every record.
 */
export const CommandRecordSchema = z.object({ at: TimestampSchema, sender: z.string(), result: z.unknown() });

/** Which client ids an import writes (`<id>-<row in base 36>` for rows 0 … count−1) and when it started. */
export const ClientImportMarkerSchema = z.object({ id: IdSchema, count: z.number().int().min(1), at: TimestampSchema }).strict();
export type ClientImportMarker = z.infer<typeof ClientImportMarkerSchema>;

/** Singletons: the salon's own settings and the daily ticket counter. */
export const MetaSchema = z.object({
  salon: SalonInfoSchema,
  ticket: TicketCounterSchema,
  /**
   * The hub's secret key: the tokens of phone links and the pairing codes a manager creates are derived from command
   * ids under it, so a retried command gets the same one back while no file holds it. (Staff sessions are not signed
   * with it: the hub keeps them, see services/session-table.ts.)
   */
  sessionKey: z.string().min(32),
  /** How the floor runs (auto-assignment, preferred-beautician wait, the salon's time zone); old data: migration 11. */
  floor: FloorSettingsSchema,
  /**
   * Incidents raised from the floor, by id. Kept in meta (not a collection of its own) so that the store's partition
   * layout is unchanged: they are rare and small, and the journal keeps each change as an audit trail.
   */
  incidents: z.record(IdSchema, IncidentSchema),
  /** Who is here today, by staff id (signed in on a tablet, or marked present by the desk): the planner's staff. */
  presence: z.record(IdSchema, PresenceSchema).optional(),
  /** Opening hours and how clients book from their phone (data from before them: migration 10). */
  booking: BookingSettingsSchema,
  /**
   * Aftercare links (days valid), the problem-report window, the follow-up days and the salon's contact. Read it
   * through `aftercareSettingsOf` (hub/src/services/aftercare-settings.ts); data from before it: migration 10.
   */
  aftercare: AftercareSettingsSchema,
  /**
   * The consent texts the kiosk shows (terms, health, marketing), each with its version and whether a signature is
   * needed. Optional: a salon whose data predates them asks for no consent until the manager sets them.
   */
  consents: ConsentSettingsSchema.optional(),
  /** How messages leave the salon (#16; manager only): read through `outboxSettingsOf` (services/outbox). */
  outbox: OutboxSettingsSchema.optional(),
  /** The salon's follow-up rules (#16; manager only): read through `followUpSettingsOf` (services/follow-ups). */
  followUps: FollowUpSettingsSchema.optional(),
  /**
   * A client import being written (#13, services/client-import/import-writer.ts): set by its first journal entry,
   * cleared by its last; one still set at start-up is undone. Null or absent: none. Only the hub reads it.
   */
  clientImport: ClientImportMarkerSchema.nullable().optional(),
});
export type Meta = z.infer<typeof MetaSchema>;

/**
 * Everything the hub keeps. Each key but `meta` is a collection of records by id; a journal entry's changes name
 * the records it sets or deletes, so replaying the journal over a snapshot rebuilds the state exactly.
 */
export const HubStateSchema = z.object({
  meta: MetaSchema,
  services: z.record(IdSchema, ServiceSchema),
  questionnaires: z.record(IdSchema, QuestionnaireSchema),
  rooms: z.record(IdSchema, RoomSchema),
  staff: z.record(IdSchema, StaffMemberSchema),
  credentials: z.record(IdSchema, StaffCredentialSchema),
  devices: z.record(IdSchema, DeviceSchema),
  pairingCodes: z.record(z.string(), PairingCodeSchema),
  clients: z.record(IdSchema, ClientSchema),
  visits: z.record(IdSchema, VisitSchema),
  links: z.record(z.string(), PublicLinkSchema),
  commands: z.record(z.string(), CommandRecordSchema),
  /** Appointments booked from the client's phone; their own partition (they change all day, unlike settings). */
  bookings: z.record(IdSchema, BookingSchema),
  /** Problems clients reported from the aftercare page (the photo bytes are blobs of the store, not in here). */
  complaints: z.record(IdSchema, ComplaintSchema),
  /**
   * The salon's catalogue lists (#13), edited by the manager: service categories, skills, equipment, products. Salon
   * settings, not personal data: kept in the settings partition; archived, never deleted, while history names them.
   * Data written before them gets them empty (migration 10); the hub fills categories, skills and equipment from
   * what services, staff and rooms name at start-up (services/catalogue/catalogue-upgrade.ts).
   */
  categories: z.record(IdSchema, ServiceCategoryRecordSchema),
  skills: z.record(IdSchema, CatalogueTermSchema),
  equipment: z.record(IdSchema, CatalogueTermSchema),
  products: z.record(IdSchema, ProductSchema),
  /**
   * Follow-up calls (#16), created once each by the scheduler (services/follow-ups/). Personal data: the front desk
   * and the manager read all, a beautician hers (view-projections.ts); erased with the client they belong to. Their
   * own partition; a snapshot from before them has none and they start empty (migration 6, manifest ADDED_LATER).
   */
  followUpTasks: z.record(IdSchema, FollowUpTaskSchema),
  /**
   * Messages leaving the salon (#16, services/outbox/; schema comment in shared outbox.schema.ts). Personal data:
   * only the manager reads them; a settled message is reduced to a delivery record after the salon's days, and a
   * client's erasure removes theirs. Their own partition; older snapshots have none (migration 7, ADDED_LATER).
   */
  outbox: z.record(IdSchema, OutboxMessageSchema),
  /**
   * The client change log (#16): the desk's corrections, merge proposals and the manager's merges, with who and when
   * (schema comment in shared client-change.schema.ts). Personal data: read by the front desk and the manager on the
   * client's record, never sent in a live view; erased with the client. Its own partition; older snapshots have none
   * (migration 8, manifest ADDED_LATER).
   */
  clientChanges: z.record(IdSchema, ClientChangeSchema),
});
export type HubState = z.infer<typeof HubStateSchema>;

export type CollectionName = Exclude<keyof HubState, 'meta'>;
export const COLLECTIONS = Object.keys(HubStateSchema.shape).filter((k) => k !== 'meta') as CollectionName[];

/**
 * What one command changed: records set (whole records) or deleted (null), per collection, and the meta fields it
 * replaced. This, not the command, is what the journal stores, so replay never re-runs decisions.
 */
export type Changes = {
  [C in CollectionName]?: Record<string, HubState[C][string] | null>;
} & { meta?: Partial<Meta> };

/** One line of the journal but its changes: one committed command. `seq` is the hub revision it produced. */
export const JournalEnvelopeSchema = z.object({
  seq: z.number().int().positive(),
  at: TimestampSchema,
  commandId: z.string().nullable(),
  command: z.string(),
});
/** One line of the journal (checked as a whole by journal-entry.schema.ts, whose changes follow HubStateSchema). */
export type JournalEntry = z.infer<typeof JournalEnvelopeSchema> & { changes: Changes };

export function emptyState(meta: Meta): HubState {
  return {
    meta,
    services: {},
    questionnaires: {},
    rooms: {},
    staff: {},
    credentials: {},
    devices: {},
    pairingCodes: {},
    clients: {},
    visits: {},
    links: {},
    commands: {},
    bookings: {},
    complaints: {},
    categories: {},
    skills: {},
    equipment: {},
    products: {},
    followUpTasks: {},
    outbox: {},
    clientChanges: {},
  };
}
