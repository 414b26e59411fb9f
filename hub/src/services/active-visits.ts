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
  private ids = new Set<string>();
  private lowRated = new Set<string>();
  private lastInRoom = new Map<string, { visitId: string; at: number }>();
  /** Clients with a closed visit: a returning client at their next check-in. Ids only, one per client ever served. */
  private served = new Set<string>();

  rebuild(visits: Readonly<Record<string, Visit>>): void {
    this.ids = new Set();
    this.lowRated = new Set();
    this.lastInRoom = new Map();
    this.served = new Set();
    for (const visit of Object.values(visits)) this.track(visit.id, visit);
  }

  note(visits: Readonly<Record<string, Visit | null>> | undefined): void {
    for (const [id, visit] of Object.entries(visits ?? {})) this.track(id, visit);
  }

  /** The active visits, read from the current state (the index holds ids only, never stale copies). */
  list(state: Readonly<HubState>): Visit[] {
    const out: Visit[] = [];
    for (const id of this.ids) {
      const visit = state.visits[id];
      if (visit && !isFinal(visit.state)) out.push(visit);
    }
    return out;
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
    return this.ids.size;
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
    if (!visit || isFinal(visit.state)) this.ids.delete(id);
    else this.ids.add(id);
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
