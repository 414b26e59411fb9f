import type { Visit } from '@glow/shared';
import type { CollectionName, HubState, JournalEntry } from './hub-state.ts';
import { retainedCommands } from './command-retention.ts';
import { retainedLinks } from './link-retention.ts';
import {
  FIXED_PARTITIONS,
  SETTINGS_KEYS,
  collectionPartition,
  isVisitPartition,
  visitPartition,
  type PartitionData,
  type PartitionName,
} from './partitions.ts';

/**
 * A change to a cold month (one left on disk, not in memory): its file is read at write time, these records set and
 * these ids removed. Taken at capture time like everything else, so it is exactly this revision's change.
 */
export type ColdOverlay = { set: HubState['visits']; remove: ReadonlySet<string> };

/** What one checkpoint writes: the content of the partitions that changed, taken when checkpoint() was called. */
export type Capture = {
  revision: number;
  write: Map<PartitionName, PartitionData>;
  /** Cold months to rewrite as their current file plus an overlay (kept as they are if the overlay changes nothing). */
  overlays: Map<PartitionName, ColdOverlay>;
  /** Every partition the snapshot consists of after this checkpoint (unchanged ones keep their current file). */
  present: Set<PartitionName>;
  /** Partitions this capture took responsibility for (written, or dropped because they became empty). */
  touched: Set<PartitionName>;
};

/**
 * Knows which partitions need rewriting. Appended entries mark what they touched (with their seq, so marks from
 * entries newer than a checkpoint's revision survive it); for visits it also remembers which partition each visit
 * sits in on disk, because a visit that finishes moves from `floor` to a month and both files must be rewritten.
 */
export class PartitionTracker {
  /** Which partition each visit is in, as of the latest capture. */
  private readonly home = new Map<string, PartitionName>();
  private readonly members = new Map<PartitionName, Set<string>>();
  /** Partition → highest seq that touched it; visit id → highest seq that touched it. */
  private readonly dirtyParts = new Map<PartitionName, number>();
  private readonly dirtyVisits = new Map<string, number>();
  /** Rewrite everything at the next capture: no snapshot yet, or an earlier checkpoint failed half-way. */
  private full: boolean;
  /** Cold month → visits to take out of its file (moved elsewhere or deleted); kept until the next load. */
  private readonly coldRemoved = new Map<PartitionName, Set<string>>();
  /** Visit → the cold months an entry put it in, so that moving it out later also takes it out of that file. */
  private readonly coldSeen = new Map<string, { months: Set<PartitionName>; seq: number }>();

  /**
   * `snapshotVisits`: the visit ids in each loaded visit partition of the snapshot; null if there is none.
   * `cold`: the snapshot's month partitions left on disk: always part of every later snapshot, never rewritten
   * from memory (which lacks most of their visits), only overlaid with what entries changed in them.
   */
  constructor(
    snapshotVisits: ReadonlyMap<PartitionName, Iterable<string>> | null,
    private readonly cold: ReadonlySet<PartitionName> = new Set(),
  ) {
    this.full = snapshotVisits === null;
    for (const [name, ids] of snapshotVisits ?? []) {
      for (const id of ids) {
        // A visit in two partitions cannot come from one consistent capture; a full rewrite puts it right.
        if (this.home.has(id)) this.full = true;
        this.place(id, name);
      }
    }
  }

  noteEntry(entry: JournalEntry): void {
    for (const key of Object.keys(entry.changes)) {
      if (key === 'meta') bump(this.dirtyParts, 'settings', entry.seq);
      else if (key === 'visits') {
        for (const [id, visit] of Object.entries(entry.changes.visits ?? {})) {
          bump(this.dirtyVisits, id, entry.seq);
          this.noteCold(id, visit, entry.seq);
        }
      } else bump(this.dirtyParts, collectionPartition(key as Exclude<CollectionName, 'visits'>), entry.seq);
    }
  }

  /**
   * A checkpoint failed (or was overtaken): its partitions are dirty again, so the next checkpoint writes them. The
   * visit placement it recorded stays, since those partitions will be written from it.
   */
  /** Marks a partition for rewriting, e.g. after the load dropped expired links that its file still holds. */
  markDirty(name: PartitionName, seq: number): void {
    bump(this.dirtyParts, name, seq);
  }

  restore(capture: Capture): void {
    for (const name of capture.touched) bump(this.dirtyParts, name, capture.revision);
  }

  /**
   * Synchronously copies out what must be written for a snapshot of `state` at `revision`. Done at call time
   * because the hub keeps changing `state` while the files are written; records are replaced, never mutated, by
   * applyChanges, so shallow copies of the collections are a faithful picture of this revision.
   */
  capture(state: HubState, revision: number, now: number | null, onDisk: ReadonlySet<PartitionName>): Capture {
    const toWrite = new Set<PartitionName>();
    if (this.full) {
      this.home.clear();
      this.members.clear();
      for (const [id, visit] of Object.entries(state.visits)) this.place(id, visitPartition(visit));
      for (const name of FIXED_PARTITIONS) toWrite.add(name);
      for (const name of this.members.keys()) toWrite.add(name);
    } else {
      for (const name of this.dirtyParts.keys()) toWrite.add(name);
      for (const id of this.dirtyVisits.keys()) {
        const visit = state.visits[id];
        const next = visit ? visitPartition(visit) : null;
        const previous = this.home.get(id) ?? null;
        if (previous !== next) {
          if (previous !== null) {
            this.members.get(previous)?.delete(id);
            toWrite.add(previous);
            if (this.cold.has(previous)) this.removeFromCold(previous, id);
          }
          if (next === null) this.home.delete(id);
          else this.place(id, next);
        }
        if (next !== null) toWrite.add(next);
      }
    }
    for (const [name, seq] of this.dirtyParts) if (seq <= revision) this.dirtyParts.delete(name);
    for (const [id, seq] of this.dirtyVisits) if (seq <= revision) this.dirtyVisits.delete(id);
    this.full = false;

    // Visits an entry placed in a cold month that now sit elsewhere (or nowhere) leave that month's file.
    for (const [id, { months, seq }] of this.coldSeen) {
      const visit = state.visits[id];
      const next = visit ? visitPartition(visit) : null;
      for (const month of months) {
        if (month === next) continue;
        this.removeFromCold(month, id);
        toWrite.add(month);
      }
      if (seq <= revision) this.coldSeen.delete(id);
    }

    const present = new Set<PartitionName>(FIXED_PARTITIONS);
    for (const [name, ids] of this.members) if (ids.size > 0) present.add(name);
    for (const name of this.cold) present.add(name);
    // A partition the snapshot needs but that has no file yet must be written whatever the marks say.
    for (const name of present) if (!onDisk.has(name)) toWrite.add(name);
    const write = new Map<PartitionName, PartitionData>();
    const overlays = new Map<PartitionName, ColdOverlay>();
    for (const name of toWrite) {
      if (!present.has(name)) continue;
      if (this.cold.has(name)) overlays.set(name, this.overlay(name, state));
      else write.set(name, this.content(name, state, now));
    }
    return { revision, write, overlays, present, touched: toWrite };
  }

  /**
   * An entry touching a visit of a cold month (rare: an old change replayed, a late correction) or deleting a visit
   * whose partition is unknown (it may sit in any cold file): remember which cold files must change.
   */
  private noteCold(id: string, visit: Visit | null | undefined, seq: number): void {
    if (this.cold.size === 0) return;
    let months: PartitionName[] = [];
    if (visit) {
      const name = visitPartition(visit);
      if (this.cold.has(name)) months = [name];
    } else if (!this.home.has(id)) {
      months = [...this.cold];
    }
    if (months.length === 0) return;
    let seen = this.coldSeen.get(id);
    if (!seen) this.coldSeen.set(id, (seen = { months: new Set(), seq }));
    seen.seq = Math.max(seen.seq, seq);
    for (const month of months) {
      seen.months.add(month);
      bump(this.dirtyParts, month, seq);
    }
  }

  private removeFromCold(month: PartitionName, id: string): void {
    let removed = this.coldRemoved.get(month);
    if (!removed) this.coldRemoved.set(month, (removed = new Set()));
    removed.add(id);
  }

  private overlay(name: PartitionName, state: HubState): ColdOverlay {
    const set: HubState['visits'] = {};
    for (const id of this.members.get(name) ?? []) {
      const visit = state.visits[id];
      if (visit) set[id] = visit;
    }
    return { set, remove: new Set(this.coldRemoved.get(name) ?? []) };
  }

  private place(id: string, name: PartitionName): void {
    this.home.set(id, name);
    let ids = this.members.get(name);
    if (!ids) this.members.set(name, (ids = new Set()));
    ids.add(id);
  }

  private content(name: PartitionName, state: HubState, now: number | null): PartitionData {
    if (name === 'settings') {
      // Small, and meta is merged in place by applyChanges: a deep copy is cheap and safe.
      return structuredClone(Object.fromEntries(SETTINGS_KEYS.map((key) => [key, state[key]]))) as PartitionData;
    }
    if (isVisitPartition(name)) {
      const visits: HubState['visits'] = {};
      for (const id of this.members.get(name) ?? []) {
        const visit = state.visits[id];
        if (visit) visits[id] = visit;
      }
      return { visits };
    }
    if (name === 'commands') return { commands: retainedCommands(state.commands, now) };
    if (name === 'links') return { links: retainedLinks(state.links, now) };
    const key = name as 'clients' | 'links' | 'bookings' | 'complaints' | 'followUpTasks' | 'outbox' | 'clientChanges';
    return { [key]: { ...state[key] } };
  }
}

function bump(marks: Map<string, number>, key: string, seq: number): void {
  marks.set(key, Math.max(marks.get(key) ?? 0, seq));
}
