import { isFinal, type Visit } from '@glow/shared';
import { applyChanges } from './apply-changes.ts';
import { blankState, hasCompleteMeta } from './blank-state.ts';
import { retainedCommands } from './command-retention.ts';
import type { HubState, JournalEntry } from './hub-state.ts';
import { entryProblem, invalidEntry } from './journal-entry.schema.ts';
import { checkBlobId, StoreError, type StorePort, type StoreWriteStatus, type VisitDigest } from './store.port.ts';
import { digestOfVisit } from './visit-digest.ts';

/**
 * What a MemoryStore keeps "on disk": the last checkpoint and the journal entries after it. Hand the same object to
 * a new MemoryStore to simulate a restart. Only durable (acknowledged) entries are in it.
 */
export type MemoryDisk = {
  snapshot: { state: HubState; revision: number } | null;
  journal: JournalEntry[];
  /** Blobs (photos) by id; written at once, as the real store's are durable when putBlob resolves. */
  blobs?: Map<string, Uint8Array>;
};

export const emptyMemoryDisk = (): MemoryDisk => ({ snapshot: null, journal: [] });

type Pending = { entry: JournalEntry; resolve: () => void; reject: (err: Error) => void };

/**
 * The store for tests, behaving like LowdbStore as the hub sees it: entries appended in one tick are committed
 * together (and fail together), seqs must follow on, a failed group takes the entries queued behind it down too,
 * checkpoints prune command records older than 24 h, and nothing is shared with the "disk" (structuredClone in and
 * out). It takes no lock: tests simulate a crash by simply building a new store on the same disk.
 */
export class MemoryStore implements StorePort {
  private queue: Pending[] = [];
  private flushing = false;
  private idle: Array<() => void> = [];
  private failure: Error | null = null;
  private nextSeq = 1;
  private durable = 0;
  private latestAt: number | null = null;
  private opened = false;
  private closing: Promise<void> | null = null;
  private lastWrite: StoreWriteStatus = { writable: true };

  constructor(
    readonly disk: MemoryDisk = emptyMemoryDisk(),
    private readonly options: { now?: () => number } = {},
  ) {}

  /** Makes the next group of appends (the next append and any made in the same tick) fail with `error`. */
  failNextAppend(error: Error = new StoreError('io', 'Simulated journal write failure (disk full).')): void {
    this.failure = error;
  }

  writeStatus(): StoreWriteStatus {
    return this.lastWrite;
  }

  async open(): Promise<{ state: HubState; revision: number } | null> {
    if (this.opened) throw new Error('MemoryStore.open() may be called once');
    this.opened = true;
    return this.load();
  }

  append(entry: JournalEntry): Promise<void> {
    if (!this.opened || this.closing) return Promise.reject(new StoreError('io', 'The store is not open.'));
    const problem = entryProblem(entry);
    if (problem) return Promise.reject(invalidEntry(entry, problem));
    if (entry.seq !== this.nextSeq) {
      return Promise.reject(
        new StoreError(
          'io',
          `Journal entry ${entry.seq} is out of order: the next entry must be ${this.nextSeq}. Reload the state first.`,
        ),
      );
    }
    this.nextSeq += 1;
    const copy = structuredClone(entry);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry: copy, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async checkpoint(state: HubState, revision: number): Promise<void> {
    // Copied at call time, as the real store does, because the hub keeps changing `state`.
    const copy = structuredClone(state);
    const now = this.options.now?.() ?? this.latestAt;
    await this.drain();
    if (revision <= (this.disk.snapshot?.revision ?? -1)) return;
    if (this.durable < revision) {
      throw new StoreError(
        'io',
        `Cannot checkpoint revision ${revision}: the journal only holds entries up to ${this.durable}.`,
      );
    }
    copy.commands = retainedCommands(copy.commands, now);
    this.disk.snapshot = { state: copy, revision };
    this.disk.journal = this.disk.journal.filter((e) => e.seq > revision);
  }

  async reload(): Promise<{ state: HubState; revision: number } | null> {
    await this.drain();
    return this.load();
  }

  async putBlob(id: string, bytes: Uint8Array): Promise<void> {
    checkBlobId(id);
    if (!this.opened || this.closing) throw new StoreError('io', 'The store is not open.');
    (this.disk.blobs ??= new Map()).set(id, new Uint8Array(bytes));
  }

  async getBlob(id: string): Promise<Uint8Array | null> {
    checkBlobId(id);
    const bytes = this.disk.blobs?.get(id);
    return bytes ? new Uint8Array(bytes) : null;
  }

  async deleteBlob(id: string): Promise<void> {
    checkBlobId(id);
    this.disk.blobs?.delete(id);
  }

  async listBlobs(): Promise<string[]> {
    return [...(this.disk.blobs?.keys() ?? [])];
  }

  /** Nothing is left cold in memory: the finished visits of these clients as the "disk" holds them. */
  /** Nothing is left on disk unloaded here: every visit is in the state, whose check-ins the search reads itself. */
  async clientLastMonths(): Promise<ReadonlyMap<string, number>> {
    return new Map();
  }

  /** The same visits as clientHistory, as the sweep sums them up. */
  async clientVisitDigests(clientIds: readonly string[]): Promise<VisitDigest[]> {
    return (await this.clientHistory(clientIds)).flatMap((visit) => digestOfVisit(visit) ?? []);
  }

  async clientHistory(clientIds: string | readonly string[]): Promise<Visit[]> {
    const wanted = new Set(typeof clientIds === 'string' ? [clientIds] : clientIds);
    const visits = new Map<string, Visit>();
    for (const visit of Object.values(this.disk.snapshot?.state.visits ?? {})) visits.set(visit.id, visit);
    for (const entry of this.disk.journal) {
      for (const [id, visit] of Object.entries(entry.changes.visits ?? {})) {
        if (visit) visits.set(id, visit);
        else visits.delete(id);
      }
    }
    return [...visits.values()].filter((v) => wanted.has(v.clientId) && isFinal(v.state)).map((v) => structuredClone(v));
  }

  close(final?: { state: HubState; revision: number }): Promise<void> {
    this.closing ??= (async () => {
      await this.drain();
      if (final && this.opened) await this.checkpoint(final.state, final.revision);
    })();
    return this.closing;
  }

  private flush(): void {
    const group = this.queue.splice(0);
    const failure = this.failure;
    this.failure = null;
    this.lastWrite = failure ? { writable: false, reason: failure.message } : { writable: true };
    if (failure) {
      for (const p of group) p.reject(failure);
      this.nextSeq = this.durable + 1;
    } else {
      for (const p of group) {
        this.disk.journal.push(p.entry);
        this.durable = p.entry.seq;
        this.latestAt = Math.max(this.latestAt ?? p.entry.at, p.entry.at);
      }
      for (const p of group) p.resolve();
    }
    this.flushing = false;
    for (const wake of this.idle.splice(0)) wake();
  }

  private drain(): Promise<void> {
    if (!this.flushing) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private load(): { state: HubState; revision: number } | null {
    const { snapshot, journal } = this.disk;
    if (!snapshot && journal.length === 0) {
      this.nextSeq = 1;
      this.durable = 0;
      return null;
    }
    const state = snapshot ? structuredClone(snapshot.state) : blankState();
    let revision = snapshot?.revision ?? 0;
    for (const entry of journal) {
      if (entry.seq <= revision) continue;
      if (entry.seq !== revision + 1) {
        throw new StoreError('corrupt', `The memory journal has a gap: entry ${entry.seq} follows ${revision}.`);
      }
      applyChanges(state, structuredClone(entry.changes));
      revision = entry.seq;
      this.latestAt = Math.max(this.latestAt ?? entry.at, entry.at);
    }
    if (!hasCompleteMeta(state)) {
      throw new StoreError('corrupt', 'The memory journal does not begin with the salon settings (meta).');
    }
    this.nextSeq = revision + 1;
    this.durable = revision;
    return { state, revision };
  }
}
