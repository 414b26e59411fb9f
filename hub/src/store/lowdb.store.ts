import path from 'node:path';
import type { Visit } from '@glow/shared';
import { ClientMonthIndex } from './client-month-index.ts';
import { HistoryChecks } from './history-checks.ts';
import { MonthReader } from './month-reader.ts';
import { BlobFiles } from './blob-files.ts';
import { DataDirLock } from './data-dir-lock.ts';
import { DurableJsonFile, isTempFileName, readWithLow, writeWithLow } from './durable-json-file.ts';
import { HighWaterMark } from './high-water.ts';
import type { HubState, JournalEntry } from './hub-state.ts';
import { entryProblem, invalidEntry } from './journal-entry.schema.ts';
import { listSegments } from './journal-segments.ts';
import { DATA_VERSION } from './migrations/index.ts';
import { JournalWriter } from './journal-writer.ts';
import { loadDataDir, type LoadedData, type LoadOptions } from './load-data-dir.ts';
import { FORMAT_VERSION, MANIFEST_FILE, PREVIOUS_MANIFEST_FILE, writeManifest, type Manifest } from './manifest.ts';
import { checksumOf, integrityOf } from './partition-integrity.ts';
import { PartitionTracker, type Capture, type ColdOverlay } from './partition-tracker.ts';
import {
  parsePartitionFileName,
  partitionFileName,
  partitionSchema,
  type PartitionData,
  type PartitionName,
} from './partitions.ts';
import { StoreError, type StorePort, type StoreWriteStatus, type VisitDigest } from './store.port.ts';
import { errorCode, nodeStoreFs, type StoreFs } from './store-fs.ts';
import { silentLogger, type StoreLogger } from './store-logger.ts';

export type LowdbStoreOptions = {
  /** The data directory; created 0700 if missing. */
  dir: string;
  fs?: StoreFs;
  logger?: StoreLogger;
  /**
   * The clock for decisions the store makes (pruning command records older than 24 h). Default: the `at` of the
   * newest journal entry, so the store never reads the wall clock for a decision.
   */
  now?: () => number;
  /** Lock details, injectable for tests (see DataDirLock). */
  pid?: number;
  isPidAlive?: (pid: number) => boolean;
  bootId?: string | null;
  /**
   * Start even when the journal no longer reaches the highest acknowledged revision (a deleted or cut newest
   * segment), from the furthest state that can be built, logging what is lost. Only ever set on an explicit
   * request of the person running the hub (main.ts); without it such a start is refused.
   */
  acceptDataLoss?: boolean;
};

type Generation = { manifest: Manifest; files: Map<PartitionName, string> };

/** How long a client's history read from cold months is reused (a record opened again, the desk flicking back). */
const HISTORY_CACHE_MS = 30_000;
const HISTORY_CACHE_ENTRIES = 64;
/** Answers for more clients than this (the follow-up sweep's batches) are not kept: they are not asked again soon. */
const HISTORY_CACHE_CLIENTS = 8;


/**
 * The hub's durable store: lowdb `Low` files as partitioned snapshots plus an append-only, group-committed journal
 * (DESIGN §5). append() is the hot path and costs one shared fdatasync; checkpoint() runs off it and rewrites only
 * the partitions that changed. See the files it imports for each part; this class only sequences them.
 */
export class LowdbStore implements StorePort {
  private readonly dir: string;
  private readonly fs: StoreFs;
  private readonly logger: StoreLogger;
  private lock: DataDirLock | null = null;
  private writer: JournalWriter | null = null;
  private highWater: HighWaterMark | null = null;
  /** The outcome of the latest write to the disk (journal group, checkpoint, blob): what /api/health reports. */
  private lastWrite: StoreWriteStatus = { writable: true };
  private tracker = new PartitionTracker(null);
  /** The snapshot generation on disk now, and the one before it (kept for recovery). */
  private current: Generation | null = null;
  private previous: Generation | null = null;
  private latestAt: number | null = null;
  /** checkpoint / reload / close run one at a time, in call order. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Bumped when a checkpoint fails or the state is reloaded: captures taken before it are no longer valid. */
  private epoch = 0;
  /** The highest revision captured for a checkpoint; an older or equal one is a no-op. */
  private capturedRevision = -1;
  private closing: Promise<void> | null = null;
  private readonly blobs: BlobFiles;
  /** Month files → their clients (#16), and the reader of month files off the main thread (client-history below). */
  private readonly monthIndex: ClientMonthIndex;
  private readonly months: MonthReader;
  /** The months left on disk at the latest load: what `clientHistory` reads (the rest is in the state). */
  private cold: ReadonlySet<PartitionName> = new Set();
  /** Index work runs one step after another (load and rebuild at start, entries of each checkpoint). */
  private indexWork: Promise<void> = Promise.resolve();
  /** Recent answers of `clientHistory`, keyed by the clients and the month files read (a rewritten month misses). */
  private readonly historyCache = new Map<string, { at: number; visits: Visit[] }>();
  private readonly historyChecks = new HistoryChecks();

  constructor(private readonly options: LowdbStoreOptions) {
    this.dir = path.resolve(options.dir);
    this.fs = options.fs ?? nodeStoreFs;
    this.logger = options.logger ?? silentLogger;
    this.blobs = new BlobFiles(this.fs, this.dir);
    this.monthIndex = new ClientMonthIndex(this.fs, this.dir);
    this.months = new MonthReader(this.fs === nodeStoreFs ? null : this.fs);
  }

  putBlob(id: string, bytes: Uint8Array): Promise<void> {
    if (!this.writer || this.closing) return Promise.reject(new StoreError('io', 'The store is not open.'));
    return this.blobs.put(id, bytes).then(
      () => this.noteWrite(null),
      (err: unknown) => {
        const failed = err instanceof StoreError ? err : this.ioError(`write the blob ${id}`, err);
        this.noteWrite(failed);
        throw failed;
      },
    );
  }

  writeStatus(): StoreWriteStatus {
    return this.lastWrite;
  }

  private noteWrite(err: unknown): void {
    if (err === null) {
      this.lastWrite = { writable: true };
      return;
    }
    const code = errorCode(err);
    const message = err instanceof Error ? err.message : String(err);
    this.lastWrite = { writable: false, reason: code && !message.includes(code) ? `${code}: ${message}` : message };
  }

  getBlob(id: string): Promise<Uint8Array | null> {
    return this.blobs.get(id);
  }

  deleteBlob(id: string): Promise<void> {
    return this.blobs.delete(id);
  }

  listBlobs(): Promise<string[]> {
    return this.blobs.list();
  }

  async open(): Promise<{ state: HubState; revision: number } | null> {
    if (this.lock || this.closing) throw new Error('LowdbStore.open() may be called once');
    await this.fs.mkdir(this.dir, 0o700).catch((err: unknown) => {
      throw this.ioError(`create the data directory ${this.dir}`, err);
    });
    // Best effort: makes a newly created data directory's own entry durable. Harmless when it already existed.
    await this.fs.syncDir(path.dirname(this.dir)).catch(() => {});
    this.lock = await DataDirLock.acquire(this.dir, {
      fs: this.fs,
      logger: this.logger,
      pid: this.options.pid,
      isPidAlive: this.options.isPidAlive,
      bootId: this.options.bootId,
    });
    try {
      await this.removeTempFiles();
      const loaded = await this.load({
        repairTornTail: true,
        verifyReach: true,
        acceptDataLoss: this.options.acceptDataLoss === true,
      });
      const end = loaded.journalEnd;
      const revision = loaded.snapshot?.revision ?? 0;
      // Written before any command: from here on the file says how far the journal must reach.
      this.highWater = await HighWaterMark.open(this.fs, this.dir, this.logger, revision, (err) => this.noteWrite(err));
      this.writer =
        end && end.lastSeq === revision
          ? await JournalWriter.resume(this.fs, this.dir, this.logger, end.segment, end.lastSeq)
          : await JournalWriter.create(this.fs, this.dir, this.logger, revision);
      // Not awaited: the start does not wait for the index; a record asked for before it is ready waits for it.
      this.indexWork = this.prepareMonthIndex();
      this.logger.info(
        {
          dir: this.dir,
          revision,
          replayed: loaded.replayed.length,
          coldMonths: loaded.cold.size,
          prunedLinks: loaded.prunedLinks,
        },
        'Store opened',
      );
      return loaded.snapshot;
    } catch (err) {
      await this.writer?.close().catch(() => {});
      this.writer = null;
      await this.highWater?.close().catch(() => {});
      this.highWater = null;
      await this.lock.release().catch(() => {});
      this.lock = null;
      throw err instanceof StoreError ? err : this.ioError(`open the data directory ${this.dir}`, err);
    }
  }

  append(entry: JournalEntry): Promise<void> {
    if (!this.writer || this.closing) return Promise.reject(new StoreError('io', 'The store is not open.'));
    const problem = entryProblem(entry);
    if (problem) return Promise.reject(invalidEntry(entry, problem));
    const accepted = this.writer.append(entry);
    // Handled here, so these bookkeeping branches never surface as unhandled rejections; the caller gets `accepted`.
    accepted.then(
      () => {
        this.noteWrite(null);
        this.highWater?.note(entry.seq);
      },
      (err: unknown) => this.noteWrite(err),
    );
    // Marks are set at append time, before durability, so a checkpoint called right after sees them; a mark from
    // an entry that then fails only causes one needless rewrite.
    this.tracker.noteEntry(entry);
    this.latestAt = Math.max(this.latestAt ?? entry.at, entry.at);
    return accepted;
  }

  checkpoint(state: HubState, revision: number): Promise<void> {
    if (!this.writer) return Promise.reject(new StoreError('io', 'The store is not open.'));
    return this.checkpointNow(state, revision).then(
      () => this.noteWrite(null),
      (err: unknown) => {
        this.noteWrite(err);
        throw err;
      },
    );
  }

  reload(): Promise<{ state: HubState; revision: number } | null> {
    return this.exclusive(async () => {
      const writer = this.requireWriter();
      await writer.drain();
      const active = writer.segment;
      const activeLimit = { file: active.file, length: active.length };
      const loaded = await this.load({ repairTornTail: false, activeLimit });
      const revision = loaded.snapshot?.revision ?? 0;
      if (revision !== writer.durableSeq) {
        this.logger.warn({ revision, durable: writer.durableSeq }, 'Reloaded revision differs from the journal writer');
      }
      return loaded.snapshot;
    });
  }

  close(final?: { state: HubState; revision: number }): Promise<void> {
    this.closing ??= this.closeOnce(final);
    return this.closing;
  }

  private async closeOnce(final?: { state: HubState; revision: number }): Promise<void> {
    if (!this.lock) return;
    try {
      await this.writer?.drain();
      if (final && this.writer) await this.checkpointNow(final.state, final.revision);
      else await this.queue.catch(() => {});
    } finally {
      await this.writer?.close().catch((err: unknown) => this.logger.warn({ err }, 'Could not close the journal'));
      this.writer = null;
      // After the journal: the mark then holds the last acknowledged revision exactly.
      await this.highWater?.close().catch((err: unknown) => this.logger.warn({ err }, 'Could not close the high-water mark'));
      this.highWater = null;
      await this.indexWork;
      await this.months.close();
      await this.lock.release();
      this.lock = null;
      this.logger.info({ dir: this.dir }, 'Store closed');
    }
  }

  private checkpointNow(state: HubState, revision: number): Promise<void> {
    // Capture synchronously: the hub goes on changing `state` while the files are written.
    if (revision <= this.capturedRevision) return this.exclusive(async () => {});
    const onDisk = new Set(this.current?.files.keys() ?? []);
    const capture = this.tracker.capture(state, revision, this.now(), onDisk);
    this.capturedRevision = revision;
    const epoch = this.epoch;
    return this.exclusive(async () => {
      try {
        // A capture taken while an earlier checkpoint was pending assumed that one would succeed.
        if (epoch !== this.epoch) {
          throw new StoreError('io', `Checkpoint ${revision} was overtaken by a failed checkpoint or a reload; retry.`);
        }
        await this.writeSnapshot(capture);
      } catch (err) {
        // Nothing counts until the manifest is written: the partitions of this capture are dirty again.
        this.tracker.restore(capture);
        this.epoch += 1;
        this.capturedRevision = this.current?.manifest.revision ?? -1;
        throw err instanceof StoreError ? err : this.ioError(`write the checkpoint at revision ${revision}`, err);
      }
      await this.removeObsoleteFiles().catch((err: unknown) =>
        this.logger.warn({ err }, 'Could not remove old snapshot or journal files; will retry at the next checkpoint'),
      );
    });
  }

  private async writeSnapshot(capture: Capture): Promise<void> {
    const writer = this.requireWriter();
    const { revision } = capture;
    // Start a new journal segment once everything up to `revision` is on disk, so later appends go to a file that
    // this snapshot does not cover and older segments can eventually be deleted whole.
    await writer.rotate(revision);
    if (writer.durableSeq < revision) {
      throw new StoreError(
        'io',
        `Cannot checkpoint revision ${revision}: the journal only holds entries up to ${writer.durableSeq}.`,
      );
    }
    const files = new Map<PartitionName, string>();
    // File → checksum and schema fingerprint: recorded for files written now, carried over for files kept.
    const integrity: Record<string, string> = {};
    const keep = (name: PartitionName, file: string) => {
      files.set(name, file);
      const recorded = this.current?.manifest.integrity?.[file];
      if (recorded !== undefined) integrity[file] = recorded;
    };
    /** Cold month files written now: their index entries are made once the manifest lists them. */
    const written: string[] = [];
    for (const name of capture.present) {
      const data = capture.write.get(name);
      const overlay = capture.overlays.get(name);
      const current = this.current?.files.get(name);
      if (data) {
        const file = partitionFileName(name, revision);
        integrity[file] = await this.writePartition(name, file, data);
        files.set(name, file);
        if (this.cold.has(name)) written.push(file);
      } else if (overlay && current) {
        const rewritten = await this.writeColdOverlay(name, current, revision, overlay);
        if (rewritten) {
          files.set(name, rewritten.file);
          integrity[rewritten.file] = rewritten.integrity;
          written.push(rewritten.file);
        } else keep(name, current);
      } else {
        if (!current) throw new StoreError('io', `Partition ${name} has no file to keep (internal error).`);
        keep(name, current);
      }
    }
    const manifest: Manifest = {
      formatVersion: FORMAT_VERSION,
      revision,
      // Sound because a load that migrated older data marks every partition dirty (load() below): each file this
      // manifest lists was written, or last checked, at the current data version.
      dataVersion: DATA_VERSION,
      partitions: [...files.values()].sort(),
      createdAt: this.options.now?.() ?? Date.now(),
      integrity,
    };
    // The previous manifest goes to manifest.prev.json first: at every instant one of the two is a whole snapshot.
    if (this.current) await writeManifest(this.fs, this.dir, PREVIOUS_MANIFEST_FILE, this.current.manifest);
    await writeManifest(this.fs, this.dir, MANIFEST_FILE, manifest);
    this.previous = this.current;
    this.current = { manifest, files };
    this.logger.info({ revision, written: capture.write.size, partitions: files.size }, 'Checkpoint written');
    this.indexMonths(written);
  }

  /**
   * A cold month an entry changed: its current file plus the captured overlay, as a new file. The month stays cold
   * (nothing of it is kept in memory). Kept as it is when the overlay changes nothing (a delete of a visit that
   * turned out to live elsewhere).
   */
  private async writeColdOverlay(
    name: PartitionName,
    base: string,
    revision: number,
    overlay: ColdOverlay,
  ): Promise<{ file: string; integrity: string } | null> {
    const recorded = this.current?.manifest.integrity?.[base];
    const data = await readWithLow(
      new DurableJsonFile<PartitionData>(path.join(this.dir, base), {
        fs: this.fs,
        schema: partitionSchema(name),
        // A cold month is not read at start-up, so its checksum is checked here, before anything is built on it.
        trusted: (bytes) => {
          if (recorded !== undefined && checksumOf(recorded) !== checksumOf(integrityOf(name, bytes))) {
            throw new StoreError(
              'corrupt',
              `${base}: its content differs from what was written (SHA-256 does not match ${MANIFEST_FILE}). ` +
                'Restore the data directory from a backup (see README "Backups").',
            );
          }
          return false;
        },
      }),
    );
    if (data === null) throw new StoreError('io', `The snapshot file ${base} is missing.`);
    const visits = { ...data.visits };
    let changed = Object.keys(overlay.set).length > 0;
    for (const id of overlay.remove) {
      if (id in visits && !(id in overlay.set)) {
        delete visits[id];
        changed = true;
      }
    }
    if (!changed) return null;
    Object.assign(visits, overlay.set);
    const file = partitionFileName(name, revision);
    return { file, integrity: await this.writePartition(name, file, { visits }) };
  }

  /** Writes one partition file and returns its integrity value for the manifest (partition-integrity.ts). */
  private async writePartition(name: PartitionName, file: string, data: PartitionData): Promise<string> {
    let integrity = '';
    const adapter = new DurableJsonFile<PartitionData>(path.join(this.dir, file), {
      fs: this.fs,
      onWritten: (bytes) => (integrity = integrityOf(name, bytes)),
    });
    await writeWithLow(adapter, data);
    return integrity;
  }

  /**
   * Deletes what neither of the two kept generations needs: partition files neither manifest lists, and journal
   * segments wholly before the previous generation's revision (a segment ends where the next one begins).
   */
  private async removeObsoleteFiles(): Promise<void> {
    const keep = new Set([...(this.current?.files.values() ?? []), ...(this.previous?.files.values() ?? [])]);
    for (const name of await this.fs.readdir(this.dir)) {
      if (parsePartitionFileName(name) && !keep.has(name)) await this.unlinkIfPresent(name);
    }
    const covered = this.previous?.manifest.revision;
    if (covered === undefined) return;
    const segments = await listSegments(this.fs, this.dir);
    const active = this.requireWriter().segment.file;
    for (let i = 0; i + 1 < segments.length; i++) {
      const segment = segments[i];
      const next = segments[i + 1];
      if (segment && next && next.base <= covered && segment.file !== active) await this.unlinkIfPresent(segment.file);
    }
  }

  private async unlinkIfPresent(name: string): Promise<void> {
    await this.fs.unlink(path.join(this.dir, name)).catch((err: unknown) => {
      if (errorCode(err) !== 'ENOENT') throw err;
    });
  }

  private async removeTempFiles(): Promise<void> {
    for (const name of await this.fs.readdir(this.dir)) {
      if (isTempFileName(name)) await this.unlinkIfPresent(name);
    }
  }

  /** Reads the data directory and resets what this store knows about it (generations, dirty partitions). */
  private async load(
    options: Pick<LoadOptions, 'repairTornTail' | 'activeLimit' | 'verifyReach' | 'acceptDataLoss'>,
  ): Promise<LoadedData> {
    const now = this.options.now?.();
    const loaded = await loadDataDir({
      fs: this.fs,
      dir: this.dir,
      logger: this.logger,
      ...options,
      ...(now !== undefined ? { now } : {}),
    });
    this.current = loaded.manifest ? { manifest: loaded.manifest.manifest, files: loaded.manifest.files } : null;
    // After recovering from manifest.prev.json the damaged newest generation is not trusted: one generation only.
    this.previous = null;
    // Data migrated at load differs from its files: the next checkpoint rewrites every partition (nothing is left cold
    // after such a load), so that the manifest it writes can say the current data version.
    this.tracker = new PartitionTracker(loaded.migratedFrom === null ? loaded.visitPartitions : null, loaded.cold);
    this.cold = new Set(loaded.cold);
    this.historyCache.clear();
    // The links file still holds what the load dropped as expired: the next checkpoint rewrites it without them.
    if (loaded.prunedLinks > 0) this.tracker.markDirty('links', loaded.snapshot?.revision ?? 0);
    this.latestAt = null;
    for (const entry of loaded.replayed) {
      this.tracker.noteEntry(entry);
      this.latestAt = Math.max(this.latestAt ?? entry.at, entry.at);
    }
    this.epoch += 1;
    this.capturedRevision = this.current?.manifest.revision ?? -1;
    return loaded;
  }

  async clientHistory(clientIds: string | readonly string[]): Promise<Visit[]> {
    const ids = [...new Set(typeof clientIds === 'string' ? [clientIds] : clientIds)].sort();
    if (ids.length === 0) return [];
    await this.indexWork;
    const generation = this.current;
    if (!generation || this.cold.size === 0) return [];
    const coldFiles = [...this.cold].flatMap((name) => generation.files.get(name) ?? []);
    const files = this.monthIndex.filesOf(ids, coldFiles).sort((a, b) => a.file.localeCompare(b.file));
    const key = `${ids.join(',')}|${files.map((f) => f.file).join(',')}`;
    const cached = this.historyCache.get(key);
    if (cached && performance.now() - cached.at < HISTORY_CACHE_MS) return structuredClone(cached.visits);
    // Only the bytes of her visits, where the index knows them; a month it knows only by client is read whole.
    const read = await Promise.all(
      files.map(async ({ file, ranges }) => ({
        file,
        ranges,
        visits: ranges
          ? await this.months.visitsAt(path.join(this.dir, file), ranges)
          : await this.months.visitsOf(path.join(this.dir, file), this.recordedChecksum(generation, file), ids),
      })),
    );
    // A month file is checked as a whole by its checksum; each visit is still checked before it reaches a screen
    // (history-checks.ts: a few hundred per turn, a range of a file once).
    const visits = await this.historyChecks.keep(read, new Set(ids));
    // A record's few clients are kept a while (opened again soon); the sweep's batches are not, nor copied: nobody
    // else holds these fresh objects.
    if (ids.length > HISTORY_CACHE_CLIENTS) return visits;
    this.historyCache.set(key, { at: performance.now(), visits });
    while (this.historyCache.size > HISTORY_CACHE_ENTRIES) this.historyCache.delete(this.historyCache.keys().next().value!);
    return structuredClone(visits);
  }

  async clientLastMonths(): Promise<ReadonlyMap<string, number>> {
    await this.indexWork;
    const generation = this.current;
    const latest = new Map<string, number>();
    if (!generation) return latest;
    for (const name of this.cold) {
      const month = /^visits-(\d{4})-(\d{2})$/.exec(name);
      const file = generation.files.get(name);
      if (!month || file === undefined) continue;
      const start = Date.UTC(Number(month[1]), Number(month[2]) - 1, 1);
      for (const id of this.monthIndex.clientsIn(file)) if ((latest.get(id) ?? -1) < start) latest.set(id, start);
    }
    return latest;
  }

  async clientVisitDigests(clientIds: readonly string[]): Promise<VisitDigest[]> {
    await this.indexWork;
    const generation = this.current;
    if (!generation || this.cold.size === 0 || clientIds.length === 0) return [];
    return this.monthIndex.digestsOf([...new Set(clientIds)], [...this.cold].flatMap((name) => generation.files.get(name) ?? []));
  }

  private recordedChecksum(generation: Generation, file: string): string | null {
    const recorded = generation.manifest.integrity?.[file];
    return recorded === undefined ? null : checksumOf(recorded);
  }

  /**
   * At start-up: the index entries on disk, then the cold months they lack, read off the main thread (the first
   * start with the index, or an entry lost). Index trouble is logged and never stops the hub: a record then lacks
   * those months until the next start rebuilds them.
   */
  private prepareMonthIndex(): Promise<void> {
    return (async () => {
      await this.monthIndex.load();
      const generation = this.current;
      if (!generation) return;
      let rebuilt = 0;
      for (const name of this.cold) {
        const file = generation.files.get(name);
        if (file === undefined || this.monthIndex.has(file)) continue;
        // A damaged month is left out of records (and said in the log), never a reason to stop indexing the others.
        await this.indexMonth(generation, file).then(
          () => (rebuilt += 1),
          (err: unknown) => this.logger.warn({ err, file }, 'Could not index a month left on disk for client records'),
        );
      }
      if (rebuilt > 0) this.logger.info({ rebuilt, months: this.cold.size }, 'Client history index rebuilt for months left on disk');
    })().catch((err: unknown) => this.logger.warn({ err }, 'Could not prepare the client history index'));
  }

  /**
   * One month file indexed off the main thread: read whole, checked against the manifest's checksum, each client's
   * byte ranges recorded (see month-reader.ts). The file is never changed after, so later reads of ranges are of the
   * very bytes checked here; each visit read is still checked by the visit schema.
   */
  private async indexMonth(generation: Generation, file: string): Promise<void> {
    const index = await this.months.indexOf(path.join(this.dir, file), this.recordedChecksum(generation, file));
    const clients = 'unlaid' in index ? Object.fromEntries(index.unlaid.map((id) => [id, null])) : index.ranges;
    await this.monthIndex.record(file, clients, index.digests);
  }

  /**
   * After a checkpoint: entries for the cold months it rewrote (the warm months it wrote are in memory; they are
   * indexed at the start that leaves them on disk); entries of files no generation keeps are dropped.
   */
  private indexMonths(written: readonly string[]): void {
    const keep = new Set([...(this.current?.files.values() ?? []), ...(this.previous?.files.values() ?? [])]);
    const generation = this.current;
    this.indexWork = this.indexWork
      .then(async () => {
        if (generation) for (const file of written) await this.indexMonth(generation, file);
        await this.monthIndex.keepOnly(keep);
      })
      .catch((err: unknown) => this.logger.warn({ err }, 'Could not update the client history index'));
  }

  private now(): number | null {
    return this.options.now?.() ?? this.latestAt;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }

  private requireWriter(): JournalWriter {
    if (!this.writer) throw new StoreError('io', 'The store is not open.');
    return this.writer;
  }

  private ioError(action: string, err: unknown): StoreError {
    const code = errorCode(err);
    return new StoreError('io', `Could not ${action}: ${code ? `${code} ` : ''}${(err as Error).message}`);
  }
}
