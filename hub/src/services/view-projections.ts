import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import { isFinal, type Booking, type KioskView, type StaffView, type Visit } from '@glow/shared';
import type { Changes, CollectionName, HubState } from '../store/hub-state.ts';
import { aftercareSettingsOf } from './aftercare-settings.ts';
import { bookingCard, onBoard, hasTask, taskCard } from './booking-view.ts';
import { complaintCard } from './complaint-view.ts';
import { followUpShown, followUpsShownSince } from './follow-ups/follow-up-view.ts';
import { followUpSettingsOf } from './follow-ups/follow-up-settings.ts';
import { recordChangesView } from './client-record/record-changes-view.ts';
import { mergeProposalsView } from './client-record/merge-proposals.ts';
import { outboxStatusView } from './outbox-status-view.ts';
import { askedQuestionnaires, currentQuestionnaires } from './consultation.ts';
import { salonSettingsOf, touchesSalonSettings } from './salon-settings-view.ts';
import type { Derived, DerivedDiff } from './view-figures.ts';
import { cardFor, deviceCard, isSignedIn, seesFloor, ticketOf, type Audience } from './views.ts';

/** What every projection reads: the records, the clock-dependent figures of the revision, the visits on the floor. */
export type ViewInputs = { state: Readonly<HubState>; derived: Derived; active: readonly Visit[] };

/** What a revision changed: its records, the ids whose figures moved, and the figures of the revision before it. */
export type ViewChange = { changes: Changes; diff: DerivedDiff; before: Derived };

/**
 * One collection of a view, as an audience sees it: the ONE place that says who sees which entry and what of it. A
 * snapshot maps `card` over `ids`; a patch maps it over `changed`, and a null card there deletes the entry. So a
 * record leaves a view exactly when the audience may no longer see it, and never reaches one that may not.
 */
export type Projection<T> = {
  /** Every id the audience may see now (a snapshot). */
  ids(audience: Audience, inputs: ViewInputs): Iterable<string>;
  /** The entry for one id as the audience may see it, or null: it may not see it, or it is gone. */
  card(audience: Audience, id: string, inputs: ViewInputs): T | null;
  /** The ids this revision may have changed for the audience (a patch); may name ids it never saw. */
  changed(audience: Audience, change: ViewChange, inputs: ViewInputs): Iterable<string>;
  /**
   * Whether the audience may hold `id` from an earlier revision, so that a null card must be sent as a deletion;
   * default yes. (A deletion of an id it never had would tell it that the id exists.)
   */
  held?(audience: Audience, id: string, change: ViewChange, inputs: ViewInputs): boolean;
};

/** A projection for every collection of a view: a collection added to the view's schema fails to compile until it has one. */
export type Projections<V> = { [K in keyof V]-?: Projection<NonNullable<V[K][keyof V[K]]>> };

const NONE: readonly string[] = [];
const idsOf = (records: Record<string, unknown> | undefined): string[] => (records ? Object.keys(records) : []);

/**
 * A collection of the state shown as it is stored, to the audiences `who` allows, the records `show` allows (default
 * all); a changed record is sent again, a deleted or hidden one deleted.
 */
export function storedRecords<C extends CollectionName & keyof StaffView>(
  collection: C,
  who: (audience: Audience) => boolean,
  show: (record: HubState[C][string]) => boolean = () => true,
): Projection<HubState[C][string]> {
  return {
    ids: (a, { state }) => (who(a) ? Object.values(state[collection]).filter(show).map((r) => (r as { id: string }).id) : NONE),
    card: (a, id, { state }) => {
      const record = state[collection][id] as HubState[C][string] | undefined;
      return who(a) && record && show(record) ? record : null;
    },
    changed: (a, { changes }) => (who(a) ? idsOf(changes[collection]) : NONE),
  };
}

/** One value under a fixed id (a view's settings), sent whole again when `touched` says the change concerns it. */
function single<T>(id: string, who: (a: Audience) => boolean, value: (state: Readonly<HubState>) => T, touched: (c: Changes) => boolean): Projection<T> {
  return {
    ids: (a) => (who(a) ? [id] : NONE),
    card: (a, key, { state }) => (who(a) && key === id ? value(state) : null),
    changed: (a, { changes }) => (who(a) && touched(changes) ? [id] : NONE),
  };
}

/**
 * The consultation asked now per category: a new version replaces its category's, and a category set to ask none
 * (catalogue, #13) deletes its entry.
 */
const questionnaires = (who: (a: Audience) => boolean): Projection<NonNullable<StaffView['questionnaires'][keyof StaffView['questionnaires']]>> => ({
  ids: (a, { state }) => (who(a) ? idsOf(askedQuestionnaires(state)) : NONE),
  card: (a, category, { state }) => (who(a) ? (askedQuestionnaires(state)[category as keyof StaffView['questionnaires']] ?? null) : null),
  changed: (a, { changes }, { state }) =>
    who(a) && (changes.questionnaires || changes.categories) ? idsOf(currentQuestionnaires(state)) : NONE,
});

const everyone = () => true;
const manager = (a: Audience) => a.kind === 'manager';

/**
 * The start of the salon's day at `at`: the board lists bookings from then on. Kept for the last (moment, zone): a
 * snapshot asks it once per booking, and every booking of one revision asks it for the same moment.
 */
let lastDayStart = { at: Number.NaN, zone: '', start: 0 };
function dayStart(state: Readonly<HubState>, at: number): number {
  const zone = state.meta.floor.timeZone;
  if (lastDayStart.at !== at || lastDayStart.zone !== zone) lastDayStart = { at, zone, start: startOfDay(new TZDate(at, zone)).getTime() };
  return lastDayStart.start;
}

/** Bookings (the board's) or reminder calls (the desk's tasks): the floor only; a hold was never on either. */
function bookingsAs<T>(shown: (b: Booking, from: number) => boolean, card: (state: Readonly<HubState>, b: Booking) => T): Projection<T> {
  return {
    ids: (a, { state, derived }) => {
      if (!seesFloor(a)) return NONE;
      const from = dayStart(state, derived.at);
      return Object.values(state.bookings).filter((b) => shown(b, from)).map((b) => b.id);
    },
    card: (a, id, { state, derived }) => {
      const b = state.bookings[id];
      return seesFloor(a) && b && shown(b, dayStart(state, derived.at)) ? card(state, b) : null;
    },
    changed: (a, { changes }) => (seesFloor(a) ? idsOf(changes.bookings) : NONE),
    held: (_a, id, _c, { state }) => state.bookings[id]?.state !== 'held',
  };
}

/** What a staff tablet shows, per collection: the only definition of who on the staff side sees what. */
export const STAFF_VIEW: Projections<StaffView> = {
  // Signed-in staff see the visits cardFor lets them see; the floor also the low ratings of the last hour.
  visits: {
    ids: (a, { active, derived }) => (!isSignedIn(a) ? NONE : seesFloor(a) ? [...active.map((v) => v.id), ...derived.lowRatings] : active.map((v) => v.id)),
    card: (a, id, { state, derived }) => {
      const visit = state.visits[id];
      return visit ? cardFor(a, state, visit, derived) : null;
    },
    // Low ratings coming and going with the clock concern the floor only: beauticians never had them.
    // A client corrected or merged at the desk (#16): her visits on the floor are sent again with the new name.
    changed: (a, { changes, diff }, { active }) =>
      !isSignedIn(a)
        ? NONE
        : new Set([
            ...idsOf(changes.visits),
            ...diff.visitIds,
            ...(seesFloor(a) ? diff.lowRatingIds : NONE),
            ...(changes.clients ? active.filter((v) => v.clientId in changes.clients!).map((v) => v.id) : NONE),
          ]),
    // A beautician is told to drop a visit only if it was theirs.
    held: (a, id, { before }) => seesFloor(a) || (a.kind === 'beautician' && before.holders.get(id) === a.staffId),
  },
  rooms: storedRecords('rooms', isSignedIn),
  // Someone who left (archived, #13) leaves every view but the manager's: the catalogue lists them to restore, and
  // history still names them there. The sign-in tiles, the board and every picker show current staff only.
  staff: {
    ids: (a, { state }) => Object.values(state.staff).filter((s) => s.active || a.kind === 'manager').map((s) => s.id),
    card: (a, id, { state }) => {
      const member = state.staff[id];
      return member && (member.active || a.kind === 'manager') ? member : null;
    },
    changed: (_a, { changes }) => idsOf(changes.staff),
  },
  services: storedRecords('services', everyone),
  incidents: {
    ids: (a, { derived }) => (seesFloor(a) ? derived.openIncidents.keys() : NONE),
    card: (a, id, { derived }) => (seesFloor(a) ? (derived.openIncidents.get(id) ?? null) : null),
    changed: (a, { diff }) => (seesFloor(a) ? diff.incidentIds : NONE),
  },
  // Open and resolved: a resolved complaint stays in the history list (with its photo) instead of disappearing.
  complaints: {
    ids: (a, { state }) => (seesFloor(a) ? idsOf(state.complaints) : NONE),
    card: (a, id, { state }) => {
      const complaint = state.complaints[id];
      return seesFloor(a) && complaint ? complaintCard(state, complaint) : null;
    },
    changed: (a, { changes }) => (seesFloor(a) ? idsOf(changes.complaints) : NONE),
  },
  aftercare: single('settings', manager, aftercareSettingsOf, (c) => !!c.meta?.aftercare),
  salonSettings: single('settings', manager, salonSettingsOf, touchesSalonSettings),
  bookings: bookingsAs(onBoard, bookingCard),
  tasks: bookingsAs(hasTask, taskCard),
  availability: {
    ids: (a, { derived }) => (seesFloor(a) ? derived.availability.keys() : NONE),
    card: (a, id, { derived }) => (seesFloor(a) ? (derived.availability.get(id) ?? null) : null),
    changed: (a, { changes, diff }) => (seesFloor(a) ? new Set([...diff.availabilityIds, ...idsOf(changes.staff)]) : NONE),
  },
  // Paired and revoked tablets and kiosks, for the manager to revoke (never their secrets).
  devices: {
    ids: (a, { state }) => (manager(a) ? idsOf(state.devices) : NONE),
    card: (a, id, { state }) => {
      const device = state.devices[id];
      return manager(a) && device ? deviceCard(device) : null;
    },
    changed: (a, { changes }) => (manager(a) ? idsOf(changes.devices) : NONE),
  },
  // Harmless to a locked tablet too (auto-assignment on or off, the time zone).
  settings: single('floor', everyone, (state) => state.meta.floor, (c) => !!c.meta?.floor),
  // The questions a beautician asks in the room (never anyone's answers).
  questionnaires: questionnaires(isSignedIn),
  // The catalogue lists (#13), whole, archived items too: old visits and bookings still name them.
  categories: storedRecords('categories', isSignedIn),
  skills: storedRecords('skills', isSignedIn),
  equipment: storedRecords('equipment', isSignedIn),
  products: storedRecords('products', isSignedIn),
  // Follow-up calls (#16): the desk and the manager all, a beautician only hers (follow-up-view.ts).
  followUpTasks: {
    ids: (a, { state, derived }) => {
      const since = followUpsShownSince(state, derived.at);
      return idsOf(state.followUpTasks).filter((id) => followUpShown(a, state.followUpTasks[id]!, since));
    },
    card: (a, id, { state, derived }) => {
      const task = state.followUpTasks[id];
      return task && followUpShown(a, task, followUpsShownSince(state, derived.at)) ? task : null;
    },
    changed: (a, { changes }) => (isSignedIn(a) ? idsOf(changes.followUpTasks) : NONE),
    // A beautician is told to drop only a task that is hers: never the id of anyone else's.
    held: (a, id, _c, { state }) => seesFloor(a) || (a.kind === 'beautician' && state.followUpTasks[id]?.assigneeId === a.staffId),
  },
  followUpSettings: single('settings', manager, followUpSettingsOf, (c) => !!c.meta?.followUps),
  // Which client records changed today (#16), for an open record to read itself again: the desk and the manager.
  recordChanges: recordChangesView,
  // Merges the desk proposed, for the manager to confirm or decline (#16): the manager only.
  mergeProposals: mergeProposalsView,
  // The outbox's counts and a stamp that moves on every change, so the Messages screen follows live: the manager only.
  outboxStatus: outboxStatusView,
};

/** What the lobby kiosk shows: salon settings and tickets, nothing about any client. */
export const KIOSK_VIEW: Projections<KioskView> = {
  // Only what a client may choose now: an archived service leaves the lobby, a restored one comes back (#13).
  services: storedRecords('services', everyone, (s) => s.archived !== true),
  categories: storedRecords('categories', everyone, (c) => !c.archived),
  tickets: {
    ids: (_a, { active }) => active.map((v) => v.id),
    card: (_a, id, { state, derived }) => {
      const visit = state.visits[id];
      return visit && !isFinal(visit.state) ? ticketOf(state, visit, derived.estimates) : null;
    },
    changed: (_a, { changes, diff }) => new Set([...idsOf(changes.visits), ...diff.visitIds]),
  },
  waits: {
    ids: (_a, { derived }) => derived.estimates.byService.keys(),
    card: (_a, id, { derived }) => derived.estimates.byService.get(id) ?? null,
    changed: (_a, { diff }) => diff.waitIds,
  },
  // What a client reads and agrees to at the kiosk.
  consents: {
    ids: (_a, { state }) => idsOf(state.meta.consents),
    card: (_a, kind, { state }) => state.meta.consents?.[kind as keyof NonNullable<HubState['meta']['consents']>] ?? null,
    changed: (_a, { changes }) => idsOf(changes.meta?.consents),
  },
  questionnaires: questionnaires(everyone),
};
