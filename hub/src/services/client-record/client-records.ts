import { type Client, type ClientRecord, type ClientSearchResult, type Visit } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import type { StorePort } from '../../store/store.port.ts';
import { refuse, type Refusal } from '../app-error.ts';
import type { Actor } from '../visit-access.ts';
import { buildClientRecord, groupVisits, mergeGroup, type ClientLinks } from './client-record.ts';
import type { OwnedCollection } from './client-owned-index.ts';
import type { ClientSearchIndex } from './client-search-index.ts';
import { ReadTurns } from './read-turns.ts';

/**
 * The client's record and search (#16), read off the command path: nothing is journaled, the history of months left
 * on disk is read by the store off the event loop (StorePort.clientHistory). Who may find and open whom is decided
 * here: the front desk and the manager any client; a beautician only the clients assigned to her today (a visit of
 * today's salon date with her as its beautician, or a booking with her today); the kiosk has no such command at all.
 */
export class ClientRecords {
  /** Searches and records take one turn of the event loop each, so the floor never waits behind ten of them. */
  private readonly turns = new ReadTurns();

  constructor(
    private readonly deps: {
      state: () => Readonly<HubState>;
      store: Pick<StorePort, 'clientHistory' | 'clientLastMonths'>;
      /** Merged records and shared numbers by look-up (ClientLinksIndex); scanned from the state without it. */
      links?: ClientLinks;
      search: ClientSearchIndex;
      today: (now: number) => string;
      now: () => number;
      /** The client's class badge by the salon's rules (client-class-of.ts); null where no class is given. */
      classOf?: (state: Readonly<HubState>, visits: readonly Visit[], today: string) => ClientRecord['clientClass'];
    },
  ) {
    // Clients last seen in months left on disk rank by that month, not as never seen: the store's per-client month
    // index says which month (read once, off the command path; searches do not wait for it).
    void deps.store
      .clientLastMonths()
      .then((months) => deps.search.noteEarlierVisits(months))
      .catch(() => {});
  }

  async search(actor: Actor, query: string): Promise<ClientSearchResult> {
    const allowed = this.allowedClients(actor);
    await this.turns.next();
    const found = await this.deps.search.search(query, allowed ? (id) => allowed.has(id) : undefined);
    // Records merged away are not found (the index drops them); the kept one's last visit is that of the whole group:
    // a visit made under the merged record counts (the search knows only each record's own).
    const state = this.deps.state();
    const hits = await Promise.all(
      found.hits.map(async (hit) => {
        const group = mergeGroup(state, hit.id, this.deps.links);
        if (group.length === 1) return hit;
        let last = hit.lastVisitAt;
        for (const visit of await this.inState(group.slice(1))) {
          const at = visit.times.checked_in;
          if (at !== undefined && (last === null || at > last)) last = at;
        }
        if (last !== null && last !== hit.lastVisitAt) this.deps.search.noteEarlierVisits([[hit.id, last]]);
        return { ...hit, lastVisitAt: last };
      }),
    );
    return { hits, more: found.more };
  }

  async record(actor: Actor, clientId: string): Promise<ClientRecord | Refusal> {
    const started = performance.now();
    const kept = this.keptRecordOf(clientId);
    if (!kept) return refuse('not_found', 'unknown_client');
    const group = mergeGroup(this.deps.state(), kept.id, this.deps.links);
    if (!this.mayOpen(actor, group)) return refuse('forbidden', 'not_your_client');
    const history = await this.deps.store.clientHistory(group);
    // Built, encoded and sent in a turn of its own, after whatever reached the hub meanwhile (read-turns.ts).
    await this.turns.next();
    // The state may have moved on while the months were read: everything else is taken now, after the read.
    const state = this.deps.state();
    if (!state.clients[kept.id]) return refuse('not_found', 'unknown_client');
    const visits = groupVisits(state, group, history, await this.inState(group));
    const referred = await this.deps.search.referredByAny(group);
    const now = this.deps.now();
    const clientClass = this.deps.classOf?.(state, visits, this.deps.today(now)) ?? null;
    const owned = (collection: OwnedCollection, ids: readonly string[]) => this.deps.search.owned.idsOf(collection, ids);
    const mayName = this.namesFor(actor);
    const record = buildClientRecord({ state, actor, group, history, clientClass, readMs: 0, referred, owned, mayName, ...(this.deps.links ? { links: this.deps.links } : {}) }, visits);
    record.readMs = Math.round((performance.now() - started) * 10) / 10;
    // The record read her whole history: the search now knows the very day of her last visit.
    if (record.dates.lastVisit !== null) this.deps.search.noteEarlierVisits([[kept.id, record.dates.lastVisit]]);
    return record;
  }

  /** The class badges of these clients, left out where this reader may not open the record or no class is given. */
  async classes(actor: Actor, clientIds: readonly string[]): Promise<Record<string, NonNullable<ClientRecord['clientClass']>>> {
    const out: Record<string, NonNullable<ClientRecord['clientClass']>> = {};
    const classOf = this.deps.classOf;
    if (!classOf) return out;
    for (const id of new Set(clientIds)) {
      const kept = this.keptRecordOf(id);
      if (!kept) continue;
      const group = mergeGroup(this.deps.state(), kept.id, this.deps.links);
      if (!this.mayOpen(actor, group)) continue;
      const history = await this.deps.store.clientHistory(group);
      await this.turns.next();
      const inState = await this.inState(group);
      const state = this.deps.state();
      const value = classOf(state, groupVisits(state, group, history, inState), this.deps.today(this.deps.now()));
      if (value) out[id] = value;
    }
    return out;
  }

  /** The group's visits the state holds now, found through the search index (never a scan of every visit). */
  private async inState(group: readonly string[]): Promise<Visit[]> {
    const ids = await this.deps.search.visitIdsOf(group);
    const visits = this.deps.state().visits;
    return ids.flatMap((id) => (visits[id] ? [visits[id]] : []));
  }

  /** The record to show for an id: a record merged into another is shown as the one it was merged into. */
  private keptRecordOf(clientId: string): Client | undefined {
    const clients = this.deps.state().clients;
    let client = clients[clientId];
    for (let hops = 0; client?.mergedInto !== undefined && hops < 20; hops++) client = clients[client.mergedInto];
    return client;
  }

  private mayOpen(actor: Actor, group: readonly string[]): boolean {
    const allowed = this.allowedClients(actor);
    return allowed === null || group.some((id) => allowed.has(id));
  }

  /**
   * Null: every client. A beautician: the clients assigned to her today — those of today's visits she is the
   * beautician of, and those booked with her later today (the salon's day), so she can prepare before they come: a
   * booking still being held (not expired) or booked. A booking with another beautician, for "anyone", on another
   * day, cancelled or not shown does not open the record.
   */
  private allowedClients(actor: Actor): Set<string> | null {
    if (actor.role !== 'beautician') return null;
    const state = this.deps.state();
    const now = this.deps.now();
    const today = this.deps.today(now);
    const timeZoneDay = (at: number | undefined) => (at === undefined ? null : this.deps.today(at));
    const allowed = new Set<string>();
    for (const visit of Object.values(state.visits)) {
      if (visit.staffId !== actor.staffId || allowed.has(visit.clientId)) continue;
      if (timeZoneDay(visit.times.checked_in) === today) allowed.add(visit.clientId);
    }
    for (const booking of Object.values(state.bookings ?? {})) {
      if (booking.staffId !== actor.staffId || allowed.has(booking.clientId)) continue;
      const ahead = booking.state === 'booked' || (booking.state === 'held' && (booking.holdExpiresAt ?? 0) > now);
      if (ahead && timeZoneDay(booking.startsAt) === today) allowed.add(booking.clientId);
    }
    return allowed;
  }

  /**
   * Whether this reader may see who another client is (her name on a record's referrals): the same rule as opening
   * her record, so a beautician is never told the names of clients who are not hers today.
   */
  private namesFor(actor: Actor): (clientId: string) => boolean {
    const allowed = this.allowedClients(actor);
    if (allowed === null) return () => true;
    return (clientId) => mergeGroup(this.deps.state(), clientId, this.deps.links).some((id) => allowed.has(id));
  }
}
