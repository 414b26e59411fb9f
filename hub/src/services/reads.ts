import {
  isPresent,
  salonDay,
  type AftercareSettings,
  type BookingSettings,
  type ComplaintPhoto,
  type DeviceKind,
  type SalonInfo,
  type SalonView,
  type Service,
  type StaffMember,
  type Visit,
} from '@glow/shared';
import { aftercareToken, equalHashes, pairingCodeFor, sha256 } from '../security/secrets.ts';
import type { Device, HubState } from '../store/hub-state.ts';
import type { ActiveVisits } from './active-visits.ts';
import { aftercareSettingsOf } from './aftercare-settings.ts';
import { buildAftercareSheet, findAftercareLink, type AftercareLink, type AftercareSheet } from './aftercare.service.ts';
import { bookingSettingsOf, bookingToken, findBookingLink, qualifiedStaff, slotQuery, type BookingLink } from './booking-access.ts';
import { confirmBookingByToken } from './booking-by-token.ts';
import { salonView } from './salon-view.ts';
import { bookableOnline } from './catalogue/catalogue-rules.ts';
import { isSetupCode, setupPending } from './setup.service.ts';
import { bookingsFromVisit, type BookingFromVisit } from './visit-bookings.ts';
import { followUpContexts } from './follow-ups/follow-up-context.ts';
import type { Actor } from './visit-access.ts';
import type { FollowUpContext } from '@glow/shared';

/**
 * What the transports may ask of the salon's records, answered from the state as it is now. Transports read through
 * these instead of `engine.state`, so that what a socket or a page can learn is listed in one file, and so that the
 * hub's key never leaves the services: a transport gets the token or code it needs, not the key it is derived from.
 * Changes still go only through the engine (decide → apply → journal → ack → publish).
 */
export type HubReads = {
  // devices and sessions
  /** A device of this kind, still paired, whose secret is `secret`; null for anything else (handshakes). */
  pairedDevice(deviceId: string, kind: DeviceKind, secret: string): Device | null;
  /** Whether the device is known and not revoked (a connection-state recovery may restore its session). */
  isPaired(deviceId: string): boolean;
  /** Whether the staff member has been marked present today (signed in, or by the desk). */
  isPresentToday(staffId: string, now: number): boolean;

  // the salon
  salon(): SalonInfo;
  /** What every snapshot carries about the salon (its settings and time zone). */
  salonView(): SalonView;
  /** Whether the owner has still to set the salon up (first start). */
  setupPending(): boolean;
  /** Whether a code is the first start's set-up code (compared in constant time). */
  isSetupCode(code: string): boolean;
  timeZone(): string;
  /** The salon's local date (YYYY-MM-DD) at a moment, in its time zone: tickets restart every day. UTC if the zone were ever invalid. */
  today(now: number): string;
  /** The salon's local date of a moment, or null when it has none (a moment out of range). */
  salonDayOf(at: number): string | null;
  aftercareSettings(): AftercareSettings;
  bookingSettings(): BookingSettings;
  service(serviceId: string): Service | undefined;
  /**
   * The services a client may book from their phone, by English name (the order a phone's pickers list them in):
   * not archived, and not set by the manager to be booked at the salon only (`onlineRebooking: false`, #13).
   */
  servicesByName(): Service[];
  staffName(staffId: string): string | null;
  /** Active staff who may do a service, by name. */
  qualifiedStaff(service: Service): StaffMember[];
  /** The visits on the floor now (from the hub's index, not every visit ever made). */
  activeVisits(): Visit[];

  // derived tokens and codes (the hub's key stays here)
  /** The aftercare link's token for the close command `commandId` (a retry gets the same link). */
  aftercareTokenFor(commandId: string): string;
  /** The booking's link token (a retried confirmation gets the same link). */
  bookingTokenFor(bookingId: string): string;
  /** The one-time pairing code a tablet's `pairing:create` command names (never stored in plain text). */
  pairingCodeFor(sender: string, commandId: string): string;

  // phone pages and the kiosk's QR
  aftercareLink(token: string, now: number): AftercareLink | null;
  aftercareSheet(link: AftercareLink, now: number): AftercareSheet;
  /** Problems reported on a visit so far (a visit may report a few). */
  reportsOnVisit(visitId: string): number;
  bookingsFromVisit(visitId: string, clientId: string, now: number): BookingFromVisit[];
  bookingLink(token: string, now: number): BookingLink | null;
  booking(bookingId: string): HubState['bookings'][string] | undefined;
  /** What a slot search for a service (and one beautician, or anyone) starts from at `now`. */
  slotQuery(service: Service, staffId: string | null, now: number, ignoreBookingId?: string): ReturnType<typeof slotQuery>;
  /** The kiosk scanned a booking's QR: who the client is, or why it is refused. */
  confirmBookingByToken(token: string, now: number): ReturnType<typeof confirmBookingByToken>;
  /** A complaint's photo (type and blob id), if it has one. */
  complaintPhoto(complaintId: string): ComplaintPhoto | null;
  /** The clients' context of the follow-up tasks named that the actor may work (#16; services/follow-ups). */
  followUpContexts(actor: Actor, taskIds: readonly string[]): FollowUpContext[];
};

/** The reads over `state()`, which is the engine's state as it is when each read is made. */
export function createReads(
  state: () => Readonly<HubState>,
  active: ActiveVisits,
  /** Each client's visit ids in memory (the client search index; null while it is built): no pass over every visit. */
  visitIdsOf?: (clientIds: readonly string[]) => readonly string[] | null,
): HubReads {
  return {
    pairedDevice(deviceId, kind, secret) {
      const device = state().devices[deviceId];
      if (!device || device.kind !== kind || device.revokedAt !== null) return null;
      return equalHashes(sha256(secret), device.secretHash) ? device : null;
    },
    isPaired(deviceId) {
      const device = state().devices[deviceId];
      return device !== undefined && device.revokedAt === null;
    },
    isPresentToday(staffId, now) {
      return isPresent(state().meta.presence ?? {}, staffId, this.today(now));
    },

    salon: () => state().meta.salon,
    salonView: () => salonView(state()),
    setupPending: () => setupPending(state()),
    isSetupCode: (code) => isSetupCode(state(), code),
    timeZone: () => state().meta.floor.timeZone,
    today: (now) => salonDay(now, state().meta.floor.timeZone) ?? (salonDay(now, 'UTC') as string),
    salonDayOf: (at) => salonDay(at, state().meta.floor.timeZone),
    aftercareSettings: () => aftercareSettingsOf(state()),
    bookingSettings: () => bookingSettingsOf(state()),
    service: (serviceId) => state().services[serviceId],
    servicesByName: () =>
      Object.values(state().services)
        .filter(bookableOnline)
        .sort((a, b) => a.name.en.localeCompare(b.name.en)),
    staffName: (staffId) => state().staff[staffId]?.name ?? null,
    qualifiedStaff: (service) => qualifiedStaff(state(), service),
    activeVisits: () => active.list(state()),

    aftercareTokenFor: (commandId) => aftercareToken(state().meta.sessionKey, commandId),
    bookingTokenFor: (bookingId) => bookingToken(state().meta.sessionKey, bookingId),
    pairingCodeFor: (sender, commandId) => pairingCodeFor(state().meta.sessionKey, sender, commandId),

    aftercareLink: (token, now) => findAftercareLink(state(), token, now),
    aftercareSheet: (link, now) => buildAftercareSheet(state(), link, now),
    reportsOnVisit: (visitId) => Object.values(state().complaints).filter((c) => c.visitId === visitId).length,
    bookingsFromVisit: (visitId, clientId, now) => bookingsFromVisit(state(), visitId, clientId, now),
    bookingLink: (token, now) => findBookingLink(state(), token, now),
    booking: (bookingId) => state().bookings[bookingId],
    slotQuery: (service, staffId, now, ignoreBookingId) => slotQuery(state(), service, staffId, now, ignoreBookingId),
    confirmBookingByToken: (token, now) => confirmBookingByToken(state(), token, now),
    complaintPhoto: (complaintId) => state().complaints[complaintId]?.photo ?? null,
    followUpContexts: (actor, taskIds) => followUpContexts(state(), actor, taskIds, visitIdsOf),
  };
}
