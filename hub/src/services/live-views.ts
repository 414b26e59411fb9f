import type { KioskView, Patch, StaffView, Visit } from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import type { DerivedFigures } from './derived-figures.ts';
import { computeDerived, diffDerived, differs, type Derived } from './view-figures.ts';
import { KIOSK_VIEW, STAFF_VIEW, type Projections, type ViewChange, type ViewInputs } from './view-projections.ts';
import type { Audience } from './views.ts';

/** A whole view for an audience: every collection's projection mapped over all of its ids. */
export function viewOf<V>(projections: Projections<V>, audience: Audience, inputs: ViewInputs): V {
  const view: Record<string, Record<string, unknown>> = {};
  for (const [name, projection] of Object.entries(projections) as [string, Projections<V>[keyof V]][]) {
    const entries: Record<string, unknown> = {};
    for (const id of projection.ids(audience, inputs)) {
      const card = projection.card(audience, id, inputs);
      if (card !== null) entries[id] = card;
    }
    view[name] = entries;
  }
  return view as V;
}

/**
 * The one patch builder: every collection's projection mapped over the ids the change may have touched, a card set
 * and a null card deleted (when the audience may hold it). Collections with nothing to send are left out, so a
 * revision that changes nothing an audience sees is an empty patch (every audience gets every revision: a gap shows).
 */
export function patchOf<V>(projections: Projections<V>, audience: Audience, inputs: ViewInputs, change: ViewChange, revision: number): Patch<V> {
  const set: Record<string, Record<string, unknown>> = {};
  const del: Record<string, string[]> = {};
  for (const [name, projection] of Object.entries(projections) as [string, Projections<V>[keyof V]][]) {
    const upserts: Record<string, unknown> = {};
    const removals: string[] = [];
    for (const id of projection.changed(audience, change, inputs)) {
      const card = projection.card(audience, id, inputs);
      if (card !== null) upserts[id] = card;
      else if (projection.held?.(audience, id, change, inputs) ?? true) removals.push(id);
    }
    if (Object.keys(upserts).length) set[name] = upserts;
    if (removals.length) del[name] = removals;
  }
  return { revision, set, del } as Patch<V>;
}

/** One revision ready to be cut into a patch per audience. */
export type Revision = {
  revision: number;
  staff(audience: Audience): Patch<StaffView>;
  kiosk(): Patch<KioskView>;
};

/**
 * The live views: snapshots and patches of every audience, and the clock-dependent figures of the last published
 * revision they agree on. The publisher (a transport) only sends what this cuts; the floor tick asks it whether time
 * alone has changed what the views show. Nothing decides anything from here.
 */
export class LiveViews {
  private derived: Derived | null = null;
  /** Whether `derived` was already computed in this turn of the event loop (see `next`). */
  private derivedThisTurn = false;

  /**
   * The last revision published. Snapshots carry this one, not the engine's: the state they are cut from may already
   * hold changes still on their way to the disk, and the patches for those (which come next) send those records
   * again with the clock-dependent data of their own revision. A snapshot is thus always followed by the very next
   * revision, and the derived data in it (waits, overruns, availability) is what the next patch's changes are
   * relative to.
   */
  revision = 0;

  constructor(
    private readonly deps: {
      state: () => Readonly<HubState>;
      /** The visits on the floor now (the hub's index). */
      activeVisits: () => Visit[];
      /** The closed visits rated low within the hour at a moment (the hub's index). */
      recentLowRatings: (now: number) => Visit[];
      /** The waits and overruns, kept up to date incrementally, so every revision carries the present ones. */
      figures: DerivedFigures;
      clock: () => number;
    },
  ) {}

  /** The clock-dependent view data last published; snapshots use the same numbers as the patches around them. */
  current(): Derived {
    this.derived ??= this.derive(this.deps.clock());
    return this.derived;
  }

  /** Whether the views would show something different at `now` than at the last revision (a wait, an overrun, a shift). */
  changedAt(now: number): boolean {
    return differs(diffDerived(this.current(), this.derive(now)));
  }

  /** What a staff audience sees now, whole (a snapshot's view, at `revision`). */
  staffView(audience: Audience): StaffView {
    return viewOf(STAFF_VIEW, audience, this.inputs());
  }

  /** What the lobby kiosk sees now, whole. */
  kioskView(): KioskView {
    return viewOf(KIOSK_VIEW, { kind: 'kiosk' }, this.inputs());
  }

  /** A committed revision: its figures become the current ones, and it is cut into a patch per audience on demand. */
  next(changes: Changes, revision: number): Revision {
    const before = this.current();
    // The entries of one journal group become durable together and are published one after another in the same
    // turn of the event loop. The derived data (a replay of the whole queue for the waits) is computed from the
    // state as it is now, which already holds all of them, so once per turn is enough: the first patch of the group
    // carries the new waits, the rest carry their own records.
    const after = this.derivedThisTurn ? before : this.derive(this.deps.clock());
    if (!this.derivedThisTurn) {
      this.derivedThisTurn = true;
      setImmediate(() => (this.derivedThisTurn = false));
    }
    this.derived = after;
    this.revision = revision;
    const change: ViewChange = { changes, diff: diffDerived(before, after), before };
    const inputs = this.inputs();
    return {
      revision,
      staff: (audience) => patchOf(STAFF_VIEW, audience, inputs, change, revision),
      kiosk: () => patchOf(KIOSK_VIEW, { kind: 'kiosk' }, inputs, change, revision),
    };
  }

  /** On start, and after a recovery replaced the state: the derived data starts afresh at this revision. */
  reset(revision: number): void {
    this.derived = null;
    this.derivedThisTurn = false;
    this.revision = revision;
  }

  private inputs(): ViewInputs {
    const activeVisits = this.deps.activeVisits;
    let active: Visit[] | null = null;
    // Read only by snapshots: a patch looks at the changed ids alone.
    return { state: this.deps.state(), derived: this.current(), get active() { return (active ??= activeVisits()); } };
  }

  /** The clock-dependent view data at `now`. */
  private derive(now: number): Derived {
    return computeDerived(this.deps.state(), this.deps.activeVisits(), now, this.deps.recentLowRatings(now), this.deps.figures.at(now));
  }
}
