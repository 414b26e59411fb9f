import path from 'node:path';
import type { JournalEntry } from './hub-state.ts';
import { segmentFileName, type SegmentRef } from './journal-segments.ts';
import { StoreError } from './store.port.ts';
import type { StoreLogger } from './store-logger.ts';
import { errorCode, writeFully, type StoreFileHandle, type StoreFs } from './store-fs.ts';

type Pending = { seq: number; line: string; at: number; resolve: () => void; reject: (err: Error) => void };

/**
 * How large one group may grow. Durability is the same either way (an entry is acknowledged only after the fsync of
 * its group); the bound is for latency: a group's entries are acknowledged and published together, so the last of a
 * group of hundreds waits for all the others' publishing. A group takes at most `maxEntries` entries, and only those
 * that arrived within `maxSpanMs` of its first, so that no command waits for a group far larger than the ones ahead
 * of it; the rest form the next group at once. `now` is a monotonic clock (a parameter so tests need not wait).
 */
export const GROUP_LIMITS = { maxEntries: 16, maxSpanMs: 20, now: (): number => performance.now() };
type Rotation = { upTo: number; resolve: () => void; reject: (err: Error) => void };

export type ActiveSegment = SegmentRef & {
  /** Bytes of acknowledged entries in the file; anything past this was never acknowledged. */
  length: number;
};

/**
 * Appends journal entries with group commit: entries appended in the same tick are written with one write and one
 * fdatasync, and their promises settle together, in order. While a group is being flushed, new entries gather into
 * the next group, so under load the cost of an fsync is shared by everyone who arrived during the previous one. A
 * group is bounded by count and by arrival time (GROUP_LIMITS); what does not fit is the next group.
 *
 * A failed write or fsync rejects the whole group with StoreError('io') and truncates the file back to the last
 * acknowledged byte, so no partial line remains and nothing of the group counts. Entries queued behind it are
 * rejected too: they were computed on top of the failed ones and would leave a gap in the seqs. The writer then
 * expects the failed group's first seq again, so the hub can carry on (after a reload) once space returns.
 */
export class JournalWriter {
  private queue: Pending[] = [];
  private rotations: Rotation[] = [];
  private running = false;
  private scheduled = false;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  /** A failed write may have left bytes past `length` that the truncate could not remove yet. */
  private tailDirty = false;
  private nextSeq: number;

  private constructor(
    private readonly fs: StoreFs,
    private readonly dir: string,
    private readonly logger: StoreLogger,
    private handle: StoreFileHandle,
    private active: ActiveSegment,
    /** Seq of the last entry known to be on disk. */
    private durable: number,
  ) {
    this.nextSeq = durable + 1;
  }

  /** Continues an existing segment after `length` bytes (whatever follows is overwritten). */
  static async resume(
    fs: StoreFs,
    dir: string,
    logger: StoreLogger,
    segment: ActiveSegment,
    lastSeq: number,
  ): Promise<JournalWriter> {
    const handle = await fs.open(path.join(dir, segment.file), 'r+');
    const writer = new JournalWriter(fs, dir, logger, handle, { ...segment }, lastSeq);
    return writer;
  }

  /** Starts a new, empty segment after entry `base`. */
  static async create(fs: StoreFs, dir: string, logger: StoreLogger, base: number): Promise<JournalWriter> {
    const file = segmentFileName(base);
    const handle = await fs.open(path.join(dir, file), 'wx', 0o600);
    await fs.syncDir(dir);
    return new JournalWriter(fs, dir, logger, handle, { file, base, length: 0 }, base);
  }

  get segment(): ActiveSegment {
    return { ...this.active };
  }

  /** Seq of the last entry on disk. */
  get durableSeq(): number {
    return this.durable;
  }

  append(entry: JournalEntry): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError('io', 'The store is closed.'));
    if (entry.seq !== this.nextSeq) {
      return Promise.reject(
        new StoreError(
          'io',
          `Journal entry ${entry.seq} is out of order: the next entry must be ${this.nextSeq}. Reload the state first.`,
        ),
      );
    }
    let line: string;
    try {
      // Serialised now: this is the copy "on the way in"; later changes to the entry object do not leak to disk.
      line = `${JSON.stringify(entry)}\n`;
    } catch (err) {
      return Promise.reject(new StoreError('io', `Journal entry ${entry.seq} cannot be serialised: ${String(err)}`));
    }
    this.nextSeq += 1;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ seq: entry.seq, line, at: GROUP_LIMITS.now(), resolve, reject });
      this.schedule();
    });
  }

  /**
   * Once every entry up to `upTo` has been flushed, starts a new segment after the last durable entry (unless the
   * current one is still empty). Entries queued meanwhile go to the new segment; none is lost or reordered.
   */
  rotate(upTo: number): Promise<void> {
    if (this.closed) return Promise.reject(new StoreError('io', 'The store is closed.'));
    return new Promise<void>((resolve, reject) => {
      this.rotations.push({ upTo, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when nothing is queued or being written. */
  drain(): Promise<void> {
    if (!this.running && !this.scheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.drain();
    await this.handle.close();
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not a microtask: every append of this tick, including ones made after awaiting other
    // promises in the same tick, joins the group.
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        const rotation = this.rotations[0];
        const head = this.queue[0];
        if (rotation && (head === undefined || head.seq > rotation.upTo)) {
          this.rotations.shift();
          await this.startSegment().then(rotation.resolve, rotation.reject);
        } else if (head) {
          await this.flush(this.nextGroup());
        } else break;
      }
    } finally {
      this.running = false;
      if (!this.scheduled) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /** The entries of the next group, from the head of the queue, within GROUP_LIMITS. */
  private nextGroup(): Pending[] {
    const first = this.queue[0];
    if (!first) return [];
    let n = 1;
    while (n < this.queue.length && n < GROUP_LIMITS.maxEntries && this.queue[n]!.at - first.at <= GROUP_LIMITS.maxSpanMs) n++;
    return this.queue.splice(0, n);
  }

  private async flush(group: Pending[]): Promise<void> {
    const bytes = Buffer.from(group.map((p) => p.line).join(''), 'utf8');
    try {
      if (this.tailDirty) await this.cutTail();
      this.tailDirty = true;
      await writeFully(this.handle, bytes, this.active.length);
      await this.handle.datasync();
    } catch (err) {
      await this.cutTail().catch((cutErr: unknown) => {
        this.logger.error(
          { file: this.active.file, err: cutErr },
          'Could not truncate the journal after a failed write; will retry before the next write',
        );
      });
      const reason = errorCode(err) ?? (err as Error).message;
      const failed = new StoreError(
        'io',
        `Could not write the journal ${this.active.file} (${reason}); nothing of this command was saved.`,
      );
      this.logger.error({ file: this.active.file, err, entries: group.length }, 'Journal write failed');
      for (const p of group) p.reject(failed);
      const behind = this.queue.splice(0);
      const cascade = new StoreError('io', 'An earlier journal entry could not be written; reload and retry.');
      for (const p of behind) p.reject(cascade);
      this.nextSeq = this.durable + 1;
      return;
    }
    this.tailDirty = false;
    this.active.length += bytes.length;
    this.durable = group[group.length - 1]?.seq ?? this.durable;
    for (const p of group) p.resolve();
  }

  /**
   * Drops bytes past the last acknowledged one and makes that durable: otherwise a power cut could bring back
   * complete lines of a group the hub was told had failed.
   */
  private async cutTail(): Promise<void> {
    await this.handle.truncate(this.active.length);
    await this.handle.datasync();
    this.tailDirty = false;
  }

  private async startSegment(): Promise<void> {
    if (this.durable === this.active.base) return;
    if (this.tailDirty) await this.cutTail();
    const file = segmentFileName(this.durable);
    const handle = await this.fs.open(path.join(this.dir, file), 'wx', 0o600);
    try {
      await this.fs.syncDir(this.dir);
    } catch (err) {
      await handle.close().catch(() => {});
      await this.fs.unlink(path.join(this.dir, file)).catch(() => {});
      throw err;
    }
    const previous = this.handle;
    this.handle = handle;
    this.active = { file, base: this.durable, length: 0 };
    await previous.close().catch((err: unknown) => {
      this.logger.warn({ err }, 'Could not close the previous journal segment');
    });
  }
}
