import {
  consultationPending,
  isPresent,
  salonDay,
  isFinal,
  isRecentLowRating,
  needsManagerOverride,
  staffStatusAt,
  type Incident,
  type KioskView,
  type StaffView,
  type Ticket,
  type Visit,
  type VisitCard,
} from '@glow/shared';
import type { Device, HubState } from '../store/hub-state.ts';
import { bookingViews } from './booking-view.ts';
import { aftercareSettingsOf } from './aftercare-settings.ts';
import { salonSettingsOf } from './salon-settings-view.ts';
import { boardName } from './board-name.ts';
import { complaintCards } from './complaint-view.ts';
import { consultationOf, currentQuestionnaires } from './consultation.ts';
import type { Estimates, Figures } from './derived-figures.ts';

/**
 * Who a socket is, as far as what it may see: the lobby kiosk; a paired tablet nobody has signed in on; the front
 * desk (the whole floor: every visit, incidents, who is available); the manager (the floor and the paired tablets);
 * one beautician (only their own visits). Views are cut here, on the hub.
 */
export type Audience =
  | { kind: 'kiosk' }
  | { kind: 'locked' }
  | { kind: 'floor' }
  | { kind: 'manager' }
  | { kind: 'beautician'; staffId: string };

export const audienceKey = (a: Audience): string => (a.kind === 'beautician' ? `staff:${a.staffId}` : a.kind);

export function parseAudienceKey(key: string): Audience {
  if (key.startsWith('staff:')) return { kind: 'beautician', staffId: key.slice(6) };
  return { kind: key as 'kiosk' | 'locked' | 'floor' | 'manager' };
}

export const isSignedIn = (a: Audience): boolean => a.kind === 'floor' || a.kind === 'manager' || a.kind === 'beautician';
/** The front desk and the manager see the whole floor. */
export const seesFloor = (a: Audience): boolean => a.kind === 'floor' || a.kind === 'manager';

export type { Estimates } from './derived-figures.ts';

/**
 * What views show that depends on the clock as well as on the records: waits, overruns, who is on shift or on a
 * break. Computed once per revision, when it is published, so that a snapshot at revision r and the patches around it
 * agree; the floor tick compares it with the present to decide whether a new revision is due.
 */
export type Derived = {
  at: number;
  estimates: Estimates;
  overrun: ReadonlySet<string>;
  availability: ReadonlyMap<string, StaffView['availability'][string]>;
  openIncidents: ReadonlyMap<string, Incident>;
  /** Who held each active visit: a beautician is told to drop a visit only if it was theirs. */
  holders: ReadonlyMap<string, string | null>;
  /** Closed visits rated low within the hour at `at`: the floor still sees them (the board's unhappy clients). */
  lowRatings: ReadonlySet<string>;
};

/** The views' clock-dependent data at `now`, around the waits and overruns of the hub's derived figures. */
export function computeDerived(
  state: Readonly<HubState>,
  activeVisits: readonly Visit[],
  now: number,
  recentLowRatings: readonly Visit[],
  /** The waits and overruns at `now` (services/derived-figures.ts). */
  figures: Figures,
): Derived {
  const availability = new Map<string, StaffView['availability'][string]>();
  for (const s of Object.values(state.staff)) {
    const today = salonDay(now, state.meta.floor.timeZone) ?? '';
    const present = isPresent(state.meta.presence ?? {}, s.id, today);
    if (s.active) availability.set(s.id, { ...staffStatusAt(s, activeVisits, now, state.meta.floor.timeZone), present });
  }
  const openIncidents = new Map<string, Incident>();
  for (const i of Object.values(state.meta.incidents)) if (i.resolvedAt === null) openIncidents.set(i.id, i);
  const holders = new Map(activeVisits.map((v) => [v.id, v.staffId]));
  const lowRatings = new Set(recentLowRatings.filter((v) => isRecentLowRating(v, now)).map((v) => v.id));
  return { at: now, estimates: figures.estimates, overrun: figures.overrun, availability, openIncidents, holders, lowRatings };
}

/**
 * Whether an audience may read a visit's health data (consultation answers and the contraindication flags derived
 * from them): the beautician the visit is assigned to, and the manager. The front desk runs the floor without them,
 * as the health consent promises ("only your beautician and the salon manager").
 */
export const seesHealthData = (audience: Audience, visit: Visit): boolean =>
  audience.kind === 'manager' || (audience.kind === 'beautician' && visit.staffId === audience.staffId);

const WITHHELD: VisitCard['consultation'] = { status: 'withheld', flags: [], answers: [] };
const PENDING: VisitCard['consultation'] = { status: 'pending', flags: [], answers: [] };

function consultationFor(audience: Audience, state: Readonly<HubState>, visit: Visit): VisitCard['consultation'] {
  if (!seesHealthData(audience, visit)) return WITHHELD;
  if (consultationPending(visit)) return PENDING;
  return { status: 'done', ...consultationOf(state, visit) };
}

/** A visit as an audience may see it; the caller has checked that it may see the visit at all (`cardFor`). */
function visitCard(audience: Audience, state: Readonly<HubState>, visit: Visit, derived: Derived): VisitCard {
  const client = state.clients[visit.clientId];
  // The raw answers stay on the hub: the card carries the consultation as the beautician reads it.
  // The signature's strokes stay there too: staff only need to know that the client signed.
  const { answers: _answers, signature, ...rest } = visit;
  return {
    ...rest,
    signed: signature != null,
    clientName: boardName(client),
    consultation: consultationFor(audience, state, visit),
    overrun: derived.overrun.has(visit.id),
    // A blocked client waits for the manager, not for the queue: no estimate until the override.
    estimateMin: visit.state === 'queued' && !needsManagerOverride(visit) ? (derived.estimates.byVisit.get(visit.id) ?? null) : null,
  };
}

/**
 * Whether an audience sees a visit at `now` (the time of the revision being cut, never the wall clock): the floor and
 * the manager see every active visit and, for an hour after closing, a visit rated low; a beautician sees only their
 * own active visits.
 */
export function canSeeVisit(audience: Audience, visit: Visit, now: number): boolean {
  if (isFinal(visit.state)) return seesFloor(audience) && isRecentLowRating(visit, now);
  if (seesFloor(audience)) return true;
  if (audience.kind === 'beautician') return visit.staffId === audience.staffId;
  return false;
}

/**
 * The one projection of a visit for an audience, used by snapshots (over every id) and patches (over the changed
 * ids): the card it may see, or null when it may not see the visit at all (a patch then deletes it). Who sees which
 * visit, and who sees its health data, is decided here and nowhere else.
 */
export function cardFor(audience: Audience, state: Readonly<HubState>, visit: Visit, derived: Derived): VisitCard | null {
  return canSeeVisit(audience, visit, derived.at) ? visitCard(audience, state, visit, derived) : null;
}

export function ticketOf(state: Readonly<HubState>, visit: Visit, estimates: Estimates): Ticket {
  const staffId = visit.staffId ?? visit.preferredStaffId;
  const staffName = staffId ? state.staff[staffId]?.name : undefined;
  return {
    ticket: visit.ticket,
    state: visit.state,
    serviceId: visit.serviceId,
    estimateMin: visit.state === 'queued' ? (estimates.byVisit.get(visit.id) ?? null) : null,
    // Staff are shown by first name in the lobby, as they introduce themselves.
    beautician: staffName ? (staffName.split(/\s+/)[0] ?? null) : null,
  };
}

export const deviceCard = (d: Device): StaffView['devices'][string] => ({
  id: d.id,
  name: d.name,
  kind: d.kind,
  pairedAt: d.pairedAt,
  revokedAt: d.revokedAt,
});

export function staffView(
  state: Readonly<HubState>,
  audience: Audience,
  derived: Derived,
  activeVisits: readonly Visit[],
): StaffView {
  const signedIn = isSignedIn(audience);
  const floor = seesFloor(audience);
  const visits: StaffView['visits'] = {};
  const add = (v: Visit | undefined) => {
    const card = v && cardFor(audience, state, v, derived);
    if (card) visits[card.id] = card;
  };
  if (signedIn) for (const v of activeVisits) add(v);
  if (floor) for (const id of derived.lowRatings) add(state.visits[id]);
  const staff: StaffView['staff'] = {};
  for (const s of Object.values(state.staff)) if (s.active) staff[s.id] = s;
  return {
    visits,
    rooms: signedIn ? { ...state.rooms } : {},
    staff,
    services: { ...state.services },
    incidents: floor ? Object.fromEntries(derived.openIncidents) : {},
    complaints: floor ? complaintCards(state) : {},
    aftercare: audience.kind === 'manager' ? { settings: aftercareSettingsOf(state) } : {},
    salonSettings: audience.kind === 'manager' ? { settings: salonSettingsOf(state) } : {},
    ...(floor ? bookingViews(state, derived.at) : { bookings: {}, tasks: {} }),
    availability: floor ? Object.fromEntries(derived.availability) : {},
    devices: audience.kind === 'manager' ? Object.fromEntries(Object.values(state.devices).map((d) => [d.id, deviceCard(d)])) : {},
    // Harmless to a locked tablet too (auto-assignment on or off, the time zone), and the view's type has it always.
    settings: { floor: state.meta.floor },
    questionnaires: signedIn ? currentQuestionnaires(state) : {},
  };
}

export function kioskView(state: Readonly<HubState>, derived: Derived, activeVisits: readonly Visit[]): KioskView {
  const tickets: KioskView['tickets'] = {};
  for (const v of activeVisits) tickets[v.id] = ticketOf(state, v, derived.estimates);
  return {
    services: { ...state.services },
    tickets,
    waits: Object.fromEntries(derived.estimates.byService),
    // What a client reads and answers at the kiosk: salon settings, nothing about any client.
    consents: { ...(state.meta.consents ?? {}) },
    questionnaires: currentQuestionnaires(state),
  };
}
