import { isPresent, isRecentLowRating, salonDay, staffStatusAt, type Incident, type StaffView, type Visit } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import type { Estimates, Figures } from './derived-figures.ts';

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
  /** Who held each active visit held by someone: a beautician is told to drop a visit only if it was theirs. */
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
  // Only visits someone holds matter for who is busy and who held what: a long queue is none of them, and looking
  // through it once per beautician made every revision cost staff × queue.
  const staffed = activeVisits.filter((v) => v.staffId !== null);
  const availability = new Map<string, StaffView['availability'][string]>();
  const today = salonDay(now, state.meta.floor.timeZone) ?? '';
  for (const s of Object.values(state.staff)) {
    const present = isPresent(state.meta.presence ?? {}, s.id, today);
    if (s.active) availability.set(s.id, { ...staffStatusAt(s, staffed, now, state.meta.floor.timeZone), present });
  }
  const openIncidents = new Map<string, Incident>();
  for (const i of Object.values(state.meta.incidents)) if (i.resolvedAt === null) openIncidents.set(i.id, i);
  const holders = new Map(staffed.map((v) => [v.id, v.staffId]));
  const lowRatings = new Set(recentLowRatings.filter((v) => isRecentLowRating(v, now)).map((v) => v.id));
  return { at: now, estimates: figures.estimates, overrun: figures.overrun, availability, openIncidents, holders, lowRatings };
}

/** The ids whose clock-dependent data differs between two revisions' figures, per collection they show in. */
export type DerivedDiff = {
  /** Visits whose wait or overrun changed. */
  visitIds: ReadonlySet<string>;
  /** Low ratings that joined or left the floor's view because time passed (an hour after closing they leave). */
  lowRatingIds: ReadonlySet<string>;
  /** Services whose wait for a walk-in changed. */
  waitIds: readonly string[];
  availabilityIds: readonly string[];
  /** Incidents opened, changed, or resolved. */
  incidentIds: readonly string[];
};

/**
 * Equal as the views would send them. The values compared here (a service's wait, a beautician's status, an incident)
 * are mostly flat records rebuilt on every revision: compared field by field, and through JSON only when a field is
 * itself an object (stringifying every service's and beautician's record twice per revision was most of this diff).
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return true;
}

const NO_DIFF: DerivedDiff = { visitIds: new Set(), lowRatingIds: new Set(), waitIds: [], availabilityIds: [], incidentIds: [] };

export function diffDerived(before: Derived, after: Derived): DerivedDiff {
  // The later entries of a journal group share the first one's figures (LiveViews.next): nothing to compare.
  if (before === after) return NO_DIFF;
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
  const incidentIds = [...new Set([...before.openIncidents.keys(), ...after.openIncidents.keys()])].filter(
    (id) => !same(after.openIncidents.get(id), before.openIncidents.get(id)),
  );
  return { visitIds, lowRatingIds, waitIds, availabilityIds, incidentIds };
}

/** Whether anything the views show differs between the two (the floor tick's question). */
export const differs = (d: DerivedDiff): boolean =>
  d.visitIds.size > 0 || d.lowRatingIds.size > 0 || d.waitIds.length > 0 || d.availabilityIds.length > 0 || d.incidentIds.length > 0;
