import { isFinal, type KioskPatch, type StaffPatch, type Visit } from '@glow/shared';
import type { Namespace } from 'socket.io';
import type { Changes, HubState } from '../../store/hub-state.ts';
import type { DerivedFigures } from '../../services/derived-figures.ts';
import { bookingPatch } from '../../services/booking-view.ts';
import { complaintPatch } from '../../services/complaint-view.ts';
import { currentQuestionnaires } from '../../services/consultation.ts';
import { salonSettingsOf, touchesSalonSettings } from '../../services/salon-settings-view.ts';
import {
  cardFor,
  computeDerived,
  deviceCard,
  isSignedIn,
  parseAudienceKey,
  seesFloor,
  ticketOf,
  type Audience,
  type Derived,
} from '../../services/views.ts';

export const AUDIENCE_ROOM_PREFIX = 'aud:';

/** What changed in the clock-dependent part of the views between two revisions. */
type DerivedDiff = {
  visitIds: Set<string>;
  /** Low ratings that joined or left the floor's view because time passed (an hour after closing they leave). */
  lowRatingIds: Set<string>;
  waitIds: string[];
  availabilityIds: string[];
  incidentIds: string[];
  removedIncidentIds: string[];
};

/**
 * Turns one committed change into a patch per audience and sends it to that audience's room. Every connected
 * audience gets every revision (an empty patch if nothing it may see changed), so a client can tell a gap. It reads
 * the active visits from the hub's index, so its cost does not grow with the history of closed visits.
 */
export class Publisher {
  private derived: Derived | null = null;
  /**
   * Audiences whose last socket left recently, by namespace, with when (wall-clock, as socket.io's recovery window
   * is). Their patches are still sent to the (empty) room so that socket.io keeps them for a connection-state
   * recovery: a tablet that was the only one of its audience would otherwise come back to find nothing to replay.
   */
  private readonly departed = { kiosk: new Map<string, number>(), staff: new Map<string, number>() };

  constructor(
    private readonly namespaces: { kiosk: Namespace; staff: Namespace },
    private readonly getState: () => Readonly<HubState>,
    private readonly activeVisits: () => Visit[],
    private readonly clock: () => number,
    /** The closed visits rated low within the hour at a moment (from the hub's index). */
    private readonly recentLowRatings: (now: number) => Visit[],
    private readonly recoveryWindowMs = 0,
    /** The waits and overruns, kept up to date incrementally, so every revision carries the present ones. */
    private readonly figures: DerivedFigures,
  ) {}

  /** A socket of this audience disconnected; it may come back through connection-state recovery. */
  left(namespace: 'kiosk' | 'staff', audienceKey: string): void {
    if (this.recoveryWindowMs > 0) this.departed[namespace].set(audienceKey, Date.now());
  }

  /**
   * The last revision published. Snapshots carry this one, not the engine's: the state they are cut from may already
   * hold changes still on their way to the disk, and the patches for those (which come next) send those records
   * again with the clock-dependent data of their own revision. A snapshot is thus always followed by the very next
   * revision, and the derived data in it (waits, overruns, availability) is what the next patch's changes are
   * relative to.
   */
  revision = 0;

  /** Whether `derived` was already computed in this turn of the event loop (see `publish`). */
  private derivedThisTurn = false;

  /** The clock-dependent view data last published; snapshots use the same numbers as the patches around them. */
  current(): Derived {
    this.derived ??= this.derive(this.clock());
    return this.derived;
  }

  /** The clock-dependent view data at `now`. */
  private derive(now: number): Derived {
    return computeDerived(this.getState(), this.activeVisits(), now, this.recentLowRatings(now), this.figures.at(now));
  }

  /** Whether the views would show something different at `now` than at the last revision (a wait, an overrun, a shift). */
  changedAt(now: number): boolean {
    const d = diffDerived(this.current(), this.derive(now));
    return d.visitIds.size > 0 || d.lowRatingIds.size > 0 || d.waitIds.length > 0 || d.availabilityIds.length > 0 || d.incidentIds.length > 0 || d.removedIncidentIds.length > 0;
  }

  publish(changes: Changes, revision: number): void {
    const state = this.getState();
    const before = this.current();
    // The entries of one journal group become durable together and are published one after another in the same
    // turn of the event loop. The derived data (a replay of the whole queue for the waits) is computed from the
    // state as it is now, which already holds all of them, so once per turn is enough: the first patch of the group
    // carries the new waits, the rest carry their own records.
    const after = this.derivedThisTurn ? before : this.derive(this.clock());
    if (!this.derivedThisTurn) {
      this.derivedThisTurn = true;
      setImmediate(() => (this.derivedThisTurn = false));
    }
    this.derived = after;
    this.revision = revision;
    const diff = diffDerived(before, after);
    for (const id of Object.keys(changes.visits ?? {})) diff.visitIds.add(id);
    for (const id of Object.keys(changes.staff ?? {})) if (!diff.availabilityIds.includes(id)) diff.availabilityIds.push(id);

    for (const key of this.audiencesIn('staff')) {
      const patch = staffPatch(state, parseAudienceKey(key), changes, diff, before, after, revision);
      this.namespaces.staff.to(AUDIENCE_ROOM_PREFIX + key).emit('sync:patch', patch);
    }
    if (this.audiencesIn('kiosk').length) {
      this.namespaces.kiosk.to(AUDIENCE_ROOM_PREFIX + 'kiosk').emit('sync:patch', kioskPatch(state, changes, diff, after, revision));
    }
  }

  /** On start, and after a recovery replaced the state: the derived data starts afresh at this revision. */
  reset(revision: number): void {
    this.derived = null;
    this.derivedThisTurn = false;
    this.revision = revision;
  }

  /** Audiences with a socket now, and those whose sockets may still recover. */
  private audiencesIn(namespace: 'kiosk' | 'staff'): string[] {
    const keys = new Set(
      [...this.namespaces[namespace].adapter.rooms.keys()]
        .filter((room) => room.startsWith(AUDIENCE_ROOM_PREFIX))
        .map((room) => room.slice(AUDIENCE_ROOM_PREFIX.length)),
    );
    const since = Date.now() - this.recoveryWindowMs;
    for (const [key, at] of this.departed[namespace]) {
      if (at < since) this.departed[namespace].delete(key);
      else keys.add(key);
    }
    return [...keys];
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function diffDerived(before: Derived, after: Derived): DerivedDiff {
  const visitIds = new Set<string>();
  for (const [id, minutes] of after.estimates.byVisit) if (before.estimates.byVisit.get(id) !== minutes) visitIds.add(id);
  for (const id of after.overrun) if (!before.overrun.has(id)) visitIds.add(id);
  for (const id of before.overrun) if (!after.overrun.has(id)) visitIds.add(id);
  const lowRatingIds = new Set<string>();
  for (const id of after.lowRatings) if (!before.lowRatings.has(id)) lowRatingIds.add(id);
  for (const id of before.lowRatings) if (!after.lowRatings.has(id)) lowRatingIds.add(id);
  const waitIds = [...after.estimates.byService.keys()].filter(
    (id) => !same(after.estimates.byService.get(id), before.estimates.byService.get(id)),
  );
  const availabilityIds = [...new Set([...before.availability.keys(), ...after.availability.keys()])].filter(
    (id) => !same(after.availability.get(id), before.availability.get(id)),
  );
  const incidentIds = [...after.openIncidents.keys()].filter((id) => !same(after.openIncidents.get(id), before.openIncidents.get(id)));
  const removedIncidentIds = [...before.openIncidents.keys()].filter((id) => !after.openIncidents.has(id));
  return { visitIds, lowRatingIds, waitIds, availabilityIds, incidentIds, removedIncidentIds };
}

function staffPatch(
  state: Readonly<HubState>,
  audience: Audience,
  changes: Changes,
  diff: DerivedDiff,
  before: Derived,
  derived: Derived,
  revision: number,
): StaffPatch {
  const patch: StaffPatch = { revision, set: {}, del: {} };
  if (isSignedIn(audience)) {
    const set: NonNullable<StaffPatch['set']['visits']> = {};
    const del: string[] = [];
    // Low ratings coming and going with the clock concern the floor only: the kiosk and beauticians never had them.
    const ids = seesFloor(audience) ? new Set([...diff.visitIds, ...diff.lowRatingIds]) : diff.visitIds;
    for (const id of ids) {
      const visit = state.visits[id];
      const card = visit && cardFor(audience, state, visit, derived);
      if (card) set[id] = card;
      else if (seesFloor(audience) || (audience.kind === 'beautician' && before.holders.get(id) === audience.staffId)) del.push(id);
    }
    if (Object.keys(set).length) patch.set.visits = set;
    if (del.length) patch.del.visits = del;
    copyRecords(changes.rooms, patch, 'rooms');
  }
  if (seesFloor(audience)) {
    const incidents = Object.fromEntries(diff.incidentIds.map((id) => [id, derived.openIncidents.get(id)!]));
    if (diff.incidentIds.length) patch.set.incidents = incidents;
    if (diff.removedIncidentIds.length) patch.del.incidents = diff.removedIncidentIds;
    const complaints = complaintPatch(state, changes.complaints);
    if (complaints.set) patch.set.complaints = complaints.set;
    if (complaints.del) patch.del.complaints = complaints.del;
    const booked = bookingPatch(state, changes.bookings, derived.at);
    if (booked.bookings.set) patch.set.bookings = booked.bookings.set;
    if (booked.bookings.del) patch.del.bookings = booked.bookings.del;
    if (booked.tasks.set) patch.set.tasks = booked.tasks.set;
    if (booked.tasks.del) patch.del.tasks = booked.tasks.del;
    const set: NonNullable<StaffPatch['set']['availability']> = {};
    const del: string[] = [];
    for (const id of diff.availabilityIds) {
      const status = derived.availability.get(id);
      if (status) set[id] = status;
      else del.push(id);
    }
    if (Object.keys(set).length) patch.set.availability = set;
    if (del.length) patch.del.availability = del;
  }
  if (audience.kind === 'manager' && changes.devices) {
    const devices: NonNullable<StaffPatch['set']['devices']> = {};
    const gone: string[] = [];
    for (const [id, d] of Object.entries(changes.devices)) {
      if (d) devices[id] = deviceCard(d);
      else gone.push(id);
    }
    if (Object.keys(devices).length) patch.set.devices = devices;
    if (gone.length) patch.del.devices = gone;
  }
  if (changes.meta?.floor) patch.set.settings = { floor: state.meta.floor };
  // The questions a beautician asks in the room: a new version replaces its category's.
  if (isSignedIn(audience) && changes.questionnaires) patch.set.questionnaires = currentQuestionnaires(state);
  if (audience.kind === 'manager' && changes.meta?.aftercare) patch.set.aftercare = { settings: changes.meta.aftercare };
  if (audience.kind === 'manager' && touchesSalonSettings(changes)) patch.set.salonSettings = { settings: salonSettingsOf(state) };
  copyStaff(changes.staff, patch);
  copyRecords(changes.services, patch, 'services');
  return patch;
}

/** Inactive staff leave the view, as they are not in the snapshot. */
function copyStaff(records: Changes['staff'], patch: StaffPatch): void {
  if (!records) return;
  const set: NonNullable<StaffPatch['set']['staff']> = {};
  const del: string[] = [];
  for (const [id, s] of Object.entries(records)) {
    if (s?.active) set[id] = s;
    else del.push(id);
  }
  if (Object.keys(set).length) patch.set.staff = set;
  if (del.length) patch.del.staff = del;
}

function kioskPatch(
  state: Readonly<HubState>,
  changes: Changes,
  diff: DerivedDiff,
  derived: Derived,
  revision: number,
): KioskPatch {
  const patch: KioskPatch = { revision, set: {}, del: {} };
  const tickets: NonNullable<KioskPatch['set']['tickets']> = {};
  const gone: string[] = [];
  for (const id of diff.visitIds) {
    const visit = state.visits[id];
    if (visit && !isFinal(visit.state)) tickets[id] = ticketOf(state, visit, derived.estimates);
    else gone.push(id);
  }
  if (Object.keys(tickets).length) patch.set.tickets = tickets;
  if (gone.length) patch.del.tickets = gone;
  if (diff.waitIds.length) patch.set.waits = Object.fromEntries(diff.waitIds.map((id) => [id, derived.estimates.byService.get(id)!]));
  copyRecords(changes.services, patch, 'services');
  // Salon settings the kiosk shows: a new questionnaire version replaces its category's, new consent texts theirs.
  if (changes.questionnaires) patch.set.questionnaires = currentQuestionnaires(state);
  if (changes.meta?.consents) patch.set.consents = { ...changes.meta.consents };
  return patch;
}

/** Copies changed records of a collection into a patch: set for records, del for deletions. */
function copyRecords<P extends { set: Record<string, unknown>; del: Record<string, string[] | undefined> }>(
  records: Record<string, unknown> | undefined,
  patch: P,
  name: string,
): void {
  if (!records) return;
  const set: Record<string, unknown> = {};
  const del: string[] = [];
  for (const [id, record] of Object.entries(records)) {
    if (record === null) del.push(id);
    else set[id] = record;
  }
  if (Object.keys(set).length) patch.set[name] = set;
  if (del.length) patch.del[name] = del;
}
