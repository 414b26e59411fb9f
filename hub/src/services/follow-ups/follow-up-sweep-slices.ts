import { decideDailyFollowUps, summarizeClientVisits, type FollowUpDue, type FollowUpSettings, type Visit } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';
import type { StorePort, VisitDigest } from '../../store/store.port.ts';
import { decideFollowUpSweep, groupNoCalls, materializeSweep, noCallClientsOf, sweepClientOf, todayOf, type FollowUpLog } from './follow-up-decisions.ts';
import { decidedAlone, scanMergeLinks, sweepGroupOf, type MergeLinks } from './follow-up-merge-group.ts';
import { followUpSettingsOf } from './follow-up-settings.ts';

/**
 * The daily sweep in slices (#16). Summing up every client's closed visits and running the daily rules over every
 * client takes 0.3–1 s or more on the large salon: done in one turn it held every check-in and search behind it. Here
 * each slice of clients is summed up and decided with the event loop free in between, on the state as the slices read
 * it; the records are made at the end, in one turn, on the current state (`finishSweep`), where every client changed
 * meanwhile is decided again: one whose visit closed or moved (a merge), whose record changed (consent, birthday), or
 * who asked not to be called. A client who came back during the sweep gets no win-back; a task a close created or
 * cancelled meanwhile exists and is left as it is (materializeFollowUps skips every key already used).
 */

/** Clients read, summed up and decided per slice: 150 keep a turn to ~8 ms on the large salon (a shared machine). */
export const CLIENTS_PER_SLICE = 150;
/** Visits grouped by client per slice (a cheaper step than the summary). */
const VISITS_PER_SLICE = 5_000;

/** What the slices found, on `today` with `settings`. */
export type SweepSlices = {
  today: string;
  timeZone: string;
  settings: FollowUpSettings;
  /** Who had asked not to be called when the slices began. */
  noCalls: ReadonlySet<string>;
  /** The closed visits each client had when they were read (those from disk as digests). */
  visitsByClient: Map<string, SweptVisit[]>;
  /** Who each of those visits belonged to when read (a merge may move one to another client meanwhile). */
  ownerAtRead: Map<string, string>;
  /** What the daily rules made due for each client read. */
  dues: Map<string, FollowUpDue[]>;
  /** The closed visits of months left on disk (the state holds none of them), by id; also in visitsByClient. */
  fromDisk: Map<string, VisitDigest>;
  /** Who was merged into whom: the hub's ClientLinksIndex (live); without it the clients are scanned again at the end. */
  links: MergeLinks | undefined;
  /** The clients whose visits were read (each record once, with her group or alone). */
  readClients: Set<string>;
};

/**
 * A client's finished visits in months left on disk at start-up (cold-months.ts), which the state does not hold: a
 * client lapsed for long has all her visits there, and without them she would be summed up as never served, given
 * no win-back, and classed "new" (#16). `clientLastMonths` says who has any and `clientVisitDigests` what the summary
 * needs of theirs, one batch per slice, both from the store's per-client month index in memory: no month file is
 * read (reading five years of history at each start and day change kept a large salon's hub busy 21–62 s).
 */
export type DiskHistory = Pick<StorePort, 'clientVisitDigests' | 'clientLastMonths'>;

/** A closed visit as the sweep sums it up: the state's own, or a digest of one on disk. */
export type SweptVisit = Visit | VisitDigest;

/** What changed while the slices ran: told of every change the engine applies (see FollowUpSweeper). */
export class SweepWatch {
  readonly visitIds = new Set<string>();
  readonly clientIds = new Set<string>();

  note(changes: Changes): void {
    for (const id of Object.keys(changes.visits ?? {})) this.visitIds.add(id);
    for (const id of Object.keys(changes.clients ?? {})) this.clientIds.add(id);
    // A call's outcome may be "asked not to be called" (compared at the end), a task may be erased with its client.
    for (const task of Object.values(changes.followUpTasks ?? {})) if (task) this.clientIds.add(task.clientId);
  }
}

/** Waits for the next turn of the event loop; resolves false when the sweep is to be given up (stop, reset). */
export type Pause = () => Promise<boolean>;

/**
 * Each client's visit ids as the state holds them, without listing every visit (the client search index keeps them:
 * ClientSearchIndex.visitIdsOf). Without it the slices list the state's visits, one `Object.keys` of them all: ~100 ms
 * on a hub holding 200,000.
 */
export type VisitIdsOf = (clientIds: readonly string[]) => Promise<readonly string[]>;

/**
 * The slices: every client's visits summed up and the daily rules run on them; null when `pause` said to give up. A
 * record merged into another is read with the kept one (her visits in the state and on disk) and decided with it,
 * never alone (follow-up-merge-group.ts); `links` says who was merged into whom (the hub's ClientLinksIndex).
 */
export async function sweepInSlices(
  state: Readonly<HubState>,
  today: string,
  pause: Pause,
  clientsPerSlice = CLIENTS_PER_SLICE,
  visitIdsOf?: VisitIdsOf,
  disk?: DiskHistory,
  links?: MergeLinks,
): Promise<SweepSlices | null> {
  const merges = links ?? scanMergeLinks(state.clients);
  const readClients = new Set<string>();
  const timeZone = state.meta.floor.timeZone;
  const settings = followUpSettingsOf(state);
  const noCalls = noCallClientsOf(state);
  const visitsByClient = new Map<string, SweptVisit[]>();
  const ownerAtRead = new Map<string, string>();
  const take = (visit: SweptVisit | undefined) => {
    // Once each (an index may list a visit a merge moved under both clients): filed under whom it belongs to.
    if (!visit || visit.state !== 'closed' || ownerAtRead.has(visit.id)) return;
    ownerAtRead.set(visit.id, visit.clientId);
    const list = visitsByClient.get(visit.clientId);
    if (list) list.push(visit);
    else visitsByClient.set(visit.clientId, [visit]);
  };
  const onDisk = disk ? await disk.clientLastMonths() : null;
  const fromDisk = new Map<string, VisitDigest>();
  if (!visitIdsOf) {
    const visitIds = Object.keys(state.visits);
    for (let from = 0; from < visitIds.length; from += VISITS_PER_SLICE) {
      const to = Math.min(visitIds.length, from + VISITS_PER_SLICE);
      for (let i = from; i < to; i++) take(state.visits[visitIds[i]!]);
      if (!(await pause())) return null;
    }
  }
  const dues = new Map<string, FollowUpDue[]>();
  const clientIds = Object.keys(state.clients);
  for (let from = 0; from < clientIds.length; from += clientsPerSlice) {
    // The kept records of the slice with every record merged into each (read here, wherever their slice falls).
    const groups = new Map<string, string[]>();
    for (const id of clientIds.slice(from, from + clientsPerSlice)) if (decidedAlone(state.clients[id])) groups.set(id, sweepGroupOf(id, merges));
    const ids = [...new Set([...groups.values()].flat())];
    for (const id of ids) readClients.add(id);
    if (visitIdsOf) {
      const visitIds = await visitIdsOf(ids);
      // Read after the wait: a visit changed meanwhile is in the watch, whichever version was read here.
      for (const id of visitIds) take(state.visits[id]);
    }
    const cold = onDisk?.size ? ids.filter((id) => onDisk.has(id)) : [];
    if (disk && cold.length) {
      const wanted = new Set(cold);
      for (const visit of await disk.clientVisitDigests(cold)) {
        // The state wins (a visit it holds is newer there, and read under whom it belongs to now).
        if (!wanted.has(visit.clientId) || state.visits[visit.id] || fromDisk.has(visit.id)) continue;
        fromDisk.set(visit.id, visit);
        take(visit);
      }
    }
    const slice = [];
    for (const [id, group] of groups) {
      const client = state.clients[id];
      if (!decidedAlone(client)) continue;
      dues.set(id, []);
      const visits = group.flatMap((member) => visitsByClient.get(member) ?? []);
      slice.push(sweepClientOf(client, summarizeClientVisits(visits, state.services, timeZone, today), groupNoCalls(group, noCalls)));
    }
    for (const due of decideDailyFollowUps(slice, today, settings)) dues.get(due.clientId)!.push(due);
    if (!(await pause())) return null;
  }
  return { today, timeZone, settings, noCalls, visitsByClient, ownerAtRead, dues, fromDisk, links, readClients };
}

/**
 * The sweep's records on the current state, in one turn: what the slices decided for clients nothing touched since,
 * and a new decision for every other one (and for all, when the manager changed the settings or the day turned).
 */
export function finishSweep(state: Readonly<HubState>, now: number, found: SweepSlices, watch: SweepWatch, log?: FollowUpLog): Changes {
  const links = found.links ?? scanMergeLinks(state.clients);
  if (followUpSettingsOf(state) !== found.settings || todayOf(state, now) !== found.today) return decideFollowUpSweep(state, now, log, found.fromDisk.values(), links);
  // The clients a changed visit belongs to now or belonged to when read, with the changed visits that are theirs now.
  const changedVisits = new Map<string, Set<string>>();
  const touch = (clientId: string) => {
    let ids = changedVisits.get(clientId);
    if (!ids) changedVisits.set(clientId, (ids = new Set()));
    return ids;
  };
  for (const id of watch.visitIds) {
    const visit = state.visits[id];
    if (visit) touch(visit.clientId).add(id);
    const before = found.ownerAtRead.get(id);
    if (before) touch(before);
  }
  const noCalls = noCallClientsOf(state);
  const dues: FollowUpDue[] = [];
  const again = [];
  for (const client of Object.values(state.clients)) {
    if (!decidedAlone(client)) continue;
    const id = client.id;
    // Her group now (a merge meanwhile changed both records, so she is decided again below).
    const group = sweepGroupOf(id, links);
    const touched = group.some((member) => changedVisits.has(member) || watch.clientIds.has(member));
    const kept = touched || groupNoCalls(group, noCalls) !== groupNoCalls(group, found.noCalls) ? undefined : found.dues.get(id);
    if (kept) {
      dues.push(...kept);
      continue;
    }
    // Merged meanwhile with a record whose visits these slices never read (its slice came after the merge, hers
    // before): decided at the next sweep, with all of them, rather than now as if the other record had none. A day
    // late at most: birthdays are made up within CATCH_UP_DAYS, win-backs within their window.
    if (touched && group.length > 1 && group.some((member) => !found.readClients.has(member) && state.clients[member])) continue;
    // The group's visits now: those read, and those changed meanwhile that are theirs (a visit moved away is no longer).
    const members = new Set(group);
    const ids = new Set(group.flatMap((member) => [...(found.visitsByClient.get(member) ?? []).map((v) => v.id), ...(changedVisits.get(member) ?? [])]));
    const visits: SweptVisit[] = [];
    for (const visitId of ids) {
      // One read from disk stays theirs unless the state now holds it (the state wins).
      const visit = state.visits[visitId] ?? found.fromDisk.get(visitId);
      if (visit && members.has(visit.clientId) && visit.state === 'closed') visits.push(visit);
    }
    again.push(sweepClientOf(client, summarizeClientVisits(visits, state.services, found.timeZone, found.today), groupNoCalls(group, noCalls)));
  }
  dues.push(...decideDailyFollowUps(again, found.today, found.settings));
  return materializeSweep(state, now, dues, log);
}

/** The pause between slices in the hub: the next turn of the event loop, after the I/O waiting for it. */
export const nextTurn =
  (goOn: () => boolean): Pause =>
  () =>
    new Promise((resolve) => setImmediate(() => resolve(goOn())));
