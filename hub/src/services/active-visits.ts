import { holdsRoom, isFinal, isLowRating, isRecentLowRating, LOW_RATING_WINDOW_MS, type Visit } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';

/**
 * The visits still on the floor (not closed, cancelled or no-show), so that decisions, auto-assignment and the
 * publisher never scan years of closed visits. Derived from the state: rebuilt on start and after a recovery, kept in
 * step with every change as soon as it is applied. Also remembers which visit last held each room, so that the
 * beautician who just closed a visit can mark that room ready.
 *
 * Next to it, the few closed visits rated low (CSAT ≤ 2), which the front desk sees for an hour after closing: kept
 * by the same scan and the same changes, so that views never look through closed visits for them.
 */
export class ActiveVisits {
  /** The active visits, by id: the very records applied to the state (records are replaced, never changed in place). */
  private records = new Map<string, Visit>();
  /** `records` as a list, kept until the next change: most commands read the floor several times. */
  private listed: Visit[] | null = null;
  private lowRated = new Set<string>();
  private lastInRoom = new Map<string, { visitId: string; at: number }>();
  /** Clients with a closed visit: a returning client at their next check-in. Ids only, one per client ever served. */
  private served = new Set<string>();
  /**
   * The ids of the visits noted since `logBase` (one entry per change, in order), so that what follows the floor can
   * ask what changed since it last looked instead of comparing every visit (see `changedSince`). Bounded: a reader
   * further behind than the log reaches is told to start afresh.
   */
  private log: string[] = [];
  private logBase = 0;
  private static readonly LOG_LIMIT = 4096;

  rebuild(visits: Readonly<Record<string, Visit>>): void {
    this.records = new Map();
    this.listed = null;
    this.lowRated = new Set();
    this.lastInRoom = new Map();
    this.served = new Set();
    for (const visit of Object.values(visits)) this.track(visit.id, visit);
    // Everything may have changed: readers of the log start afresh.
    this.logBase += this.log.length + 1;
    this.log = [];
  }

  note(visits: Readonly<Record<string, Visit | null>> | undefined): void {
    if (!visits) return;
    for (const [id, visit] of Object.entries(visits)) {
      this.track(id, visit);
      this.log.push(id);
    }
    if (this.log.length > ActiveVisits.LOG_LIMIT) {
      const drop = this.log.length - ActiveVisits.LOG_LIMIT / 2;
      this.log = this.log.slice(drop);
      this.logBase += drop;
    }
  }

  /** A mark of the changes noted so far, for `changedSince`. */
  get mark(): number {
    return this.logBase + this.log.length;
  }

  /** The ids of the visits changed since `mark` (repeats possible, in order), or null when that is no longer known. */
  changedSince(mark: number): readonly string[] | null {
    if (mark < this.logBase || mark > this.mark) return null;
    return this.log.slice(mark - this.logBase);
  }

  /**
   * The active visits (a new array each call; the records are those of the state). `state` is the state the index
   * follows (every change applied to it is noted, and a replaced state is rebuilt).
   */
  list(_state: Readonly<HubState>): Visit[] {
    this.listed ??= [...this.records.values()];
    return this.listed.slice();
  }

  /**
   * The low-rated visits closed within the hour at `now`, read from the current state. Those closed long before
   * (twice the window: a derived view cut a little earlier may still list one that has just aged out) are forgotten.
   */
  recentLowRatings(state: Readonly<HubState>, now: number): Visit[] {
    const out: Visit[] = [];
    for (const id of this.lowRated) {
      const visit = state.visits[id];
      if (!visit || !isLowRating(visit) || now - (visit.times.closed ?? 0) >= 2 * LOW_RATING_WINDOW_MS) this.lowRated.delete(id);
      else if (isRecentLowRating(visit, now)) out.push(visit);
    }
    return out;
  }

  get size(): number {
    return this.records.size;
  }

  /** The visit that held this room last (still holding it, or closed in it): whose room it is while cleaning. */
  lastVisitIn(roomId: string): string | undefined {
    return this.lastInRoom.get(roomId)?.visitId;
  }

  /** Whether a client had a closed visit (a record of the visit, kept, not only a check-in). */
  servedBefore(clientId: string): boolean {
    return this.served.has(clientId);
  }

  private track(id: string, visit: Visit | null): void {
    if (visit?.state === 'closed') this.served.add(visit.clientId);
    if (!visit || isFinal(visit.state)) {
      if (this.records.delete(id)) this.listed = null;
    } else {
      this.records.set(id, visit);
      this.listed = null;
    }
    if (visit && isLowRating(visit)) this.lowRated.add(id);
    else this.lowRated.delete(id);
    if (visit?.roomId && (holdsRoom(visit.state) || visit.state === 'closed')) {
      const at = visit.times.assigned ?? 0;
      const known = this.lastInRoom.get(visit.roomId);
      if (!known || known.visitId === id || known.at <= at) this.lastInRoom.set(visit.roomId, { visitId: id, at });
    }
  }

  /** A fresh index over a state, for tests and one-off decisions. */
  static of(state: Readonly<HubState>): ActiveVisits {
    const index = new ActiveVisits();
    index.rebuild(state.visits);
    return index;
  }
}
