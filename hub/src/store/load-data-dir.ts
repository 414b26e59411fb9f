import path from 'node:path';
import { blankState, hasCompleteMeta } from './blank-state.ts';
import { firstWarmMonth, isColdMonth, oldestReference, reachMs } from './cold-months.ts';
import { CorruptFileError } from './corrupt-file-error.ts';
import { DurableJsonFile, readWithLow } from './durable-json-file.ts';
import type { HubState, JournalEntry } from './hub-state.ts';
import { readSegment, type ParsedSegment } from './journal-reader.ts';
import { replayJournal } from './journal-replay.ts';
import { dropExpiredRawLinks, isLiveLink } from './link-retention.ts';
import { HIGH_WATER_FILE, readHighWater } from './high-water.ts';
import { checksumOf, integrityOf } from './partition-integrity.ts';
import { listSegments } from './journal-segments.ts';
import type { ActiveSegment } from './journal-writer.ts';
import { MANIFEST_FILE, PREVIOUS_MANIFEST_FILE, readManifest, type Manifest } from './manifest.ts';
import { DATA_VERSION, migrate, migrationsAfter } from './migrations/index.ts';
import {
  isVisitPartition,
  mergePartition,
  partitionSchema,
  type PartitionData,
  type PartitionName,
} from './partitions.ts';
import { StoreError } from './store.port.ts';
import type { StoreFs } from './store-fs.ts';
import type { StoreLogger } from './store-logger.ts';

export type LoadOptions = {
  fs: StoreFs;
  dir: string;
  logger: StoreLogger;
  /** At open (we hold the lock and nobody writes): cut a torn last line off the newest segment. */
  repairTornTail: boolean;
  /** At reload: read the segment being written only up to the bytes the writer knows to be durable. */
  activeLimit?: { file: string; length: number };
  /**
   * The time for the store's decisions (which months stay on disk, which links have expired). Default: the newest
   * journal entry's `at`, i.e. the hub's own clock (the one link expiries are set by), never later than its present,
   * so a month is left cold and a link dropped only when that is surely right. Not the manifest's createdAt: that is
   * the store's wall clock, which may run ahead of an injected hub clock.
   */
  now?: number;
  /**
   * At open: the state must reach the highest revision ever acknowledged (the high-water file, and the manifests'
   * revisions), or the load fails — unless `acceptDataLoss`, when it starts from the furthest state it can build
   * and says loudly what is missing.
   */
  verifyReach?: boolean;
  acceptDataLoss?: boolean;
};

export type LoadedData = {
  /** Null when the directory holds nothing yet (first start). */
  snapshot: { state: HubState; revision: number } | null;
  /** The snapshot generation the state was built on; null when built from the journal alone. */
  manifest: { manifest: Manifest; files: Map<PartitionName, string> } | null;
  /** Visit ids per visit partition of that snapshot, for the partition tracker (loaded partitions only). */
  visitPartitions: Map<PartitionName, string[]> | null;
  /**
   * Closed-visit months of that snapshot left on disk, not read (older than any link or complaint can reach; see
   * cold-months.ts). They stay listed in the manifest and are carried into every later snapshot as they are.
   */
  cold: Set<PartitionName>;
  /** Expired links dropped from the loaded state (their file still holds them until the next rewrite). */
  prunedLinks: number;
  /**
   * The data version the loaded snapshot was at when older than this hub's (it was migrated in memory, so every
   * partition must be rewritten before a manifest may say the current version); null when it was current.
   */
  migratedFrom: number | null;
  /** Entries replayed on top of the snapshot: not in any snapshot yet, so their partitions are dirty. */
  replayed: JournalEntry[];
  /** The newest segment, where appending continues; null when there is no journal file. */
  journalEnd: { segment: ActiveSegment; lastSeq: number } | null;
};

type Candidate = {
  label: string;
  manifest: { manifest: Manifest; files: Map<PartitionName, string> } | null;
};

/** The highest revision the hub is known to have acknowledged, and where that is recorded. */
type Floor = { revision: number; source: string };

/** A candidate that loaded cleanly but stops short of the floor: what an accepted loss starts from. */
type Short = { loaded: Omit<LoadedData, 'journalEnd'>; label: string; reached: number };

/**
 * Builds the state from disk: the newest snapshot that reads cleanly plus the journal after it. Tries, in order,
 * manifest.json, manifest.prev.json (the generation kept for this), and the whole journal when it still starts at
 * entry 1. A damaged file is never replaced by defaults: if no candidate works, StoreError('corrupt') names the
 * files and says to restore from a backup.
 */
export async function loadDataDir(options: LoadOptions): Promise<LoadedData> {
  const { fs, dir, logger } = options;
  const current = await readManifest(fs, dir, MANIFEST_FILE);
  const previous = await readManifest(fs, dir, PREVIOUS_MANIFEST_FILE);
  const segments = await readSegments(options, journalDataVersion(current, previous));
  const last = segments[segments.length - 1];
  const journalEnd = last
    ? {
        segment: { file: last.file, base: last.base, length: last.goodLength },
        lastSeq: lastEntrySeq(last) ?? last.base,
      }
    : null;

  const hasEntries = segments.some((s) => s.items.length > 0);
  const floor = options.verifyReach ? await acknowledgedFloor(options, current, previous) : null;
  if (current.status === 'missing' && previous.status === 'missing' && !hasEntries) {
    if (floor && floor.revision > 0 && !options.acceptDataLoss) {
      // Everything but the high-water mark is gone: starting here would mean starting on defaults.
      throw new StoreError(
        'corrupt',
        `The data in ${dir} is missing: ${floor.source} records ${floor.revision} acknowledged changes, but there is ` +
          'no snapshot and no journal entry. Glow will not start on empty data. Restore the data directory from a ' +
          'backup (see README "Backups").',
        { canAcceptLoss: true },
      );
    }
    if (floor && floor.revision > 0) lossAccepted(logger, floor, 0, 'nothing');
    if (options.repairTornTail && last && last.tornBytes > 0) await cutTornTail(options, last);
    const empty = { snapshot: null, manifest: null, visitPartitions: null, cold: new Set<PartitionName>() };
    return { ...empty, migratedFrom: null, prunedLinks: 0, replayed: [], journalEnd };
  }

  const problems: CorruptFileError[] = [];
  const candidates: Candidate[] = [];
  if (current.status === 'ok') candidates.push({ label: MANIFEST_FILE, manifest: current });
  else if (current.status === 'corrupt') problems.push(current.error);
  else if (previous.status === 'ok') problems.push(new CorruptFileError(MANIFEST_FILE, 'the file is missing'));
  if (previous.status === 'ok' && (current.status !== 'ok' || current.manifest.revision !== previous.manifest.revision)) {
    candidates.push({ label: PREVIOUS_MANIFEST_FILE, manifest: previous });
  } else if (previous.status === 'corrupt') problems.push(previous.error);
  if (segments[0]?.base === 0) candidates.push({ label: 'the whole journal', manifest: null });
  else if (current.status === 'missing' && previous.status === 'missing') {
    problems.push(new CorruptFileError(MANIFEST_FILE, 'the file is missing and the journal does not start at entry 1'));
  }

  let short: Short | null = null;
  for (const candidate of candidates) {
    try {
      const loaded = await loadCandidate(options, candidate, segments);
      const reached = loaded.snapshot?.revision ?? 0;
      if (floor && reached < floor.revision) {
        if (!short || reached > short.reached) short = { loaded, label: candidate.label, reached };
        throw shortJournal(segments, reached, floor);
      }
      const messages = problems.map((p) => p.message);
      if (candidate.label !== MANIFEST_FILE) {
        logger.warn(
          { problems: messages, recoveredFrom: candidate.label },
          'The newest snapshot is damaged; recovered from an older one and the journal',
        );
      } else if (messages.length > 0) {
        logger.warn({ problems: messages }, 'The previous snapshot generation is damaged (not needed to start)');
      }
      if (options.repairTornTail && last && last.tornBytes > 0) {
        // Only now is this sure: the state reaches every acknowledged revision, so the cut line was never one.
        logger.warn(
          { file: last.file, bytes: last.tornBytes },
          'Dropping an incomplete last journal line (the hub stopped while writing it; it was never acknowledged)',
        );
        await cutTornTail(options, last);
      }
      return { ...loaded, journalEnd };
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err;
      logger.warn({ candidate: candidate.label, problem: err.message }, 'Cannot rebuild the state from this snapshot');
      problems.push(err);
    }
  }
  if (short && floor && options.acceptDataLoss) {
    lossAccepted(logger, floor, short.reached, short.label);
    if (options.repairTornTail && last && last.tornBytes > 0) await cutTornTail(options, last);
    return { ...short.loaded, journalEnd };
  }
  const details = [...new Set(problems.map((p) => p.message))].join('; ');
  throw new StoreError(
    'corrupt',
    `The data in ${dir} is damaged and cannot be recovered (${details || 'no usable snapshot or journal'}). ` +
      'Glow will not start on empty data. Restore the data directory from a backup (see README "Backups").',
    { canAcceptLoss: short !== null },
  );
}

/**
 * The highest revision known to have been acknowledged: the high-water file (written after each acknowledged
 * group), and the manifests (a snapshot's revision was acknowledged before it was written). A damaged or missing
 * high-water file only weakens the check, so it is a warning, not a refusal.
 */
async function acknowledgedFloor(
  options: LoadOptions,
  current: Awaited<ReturnType<typeof readManifest>>,
  previous: Awaited<ReturnType<typeof readManifest>>,
): Promise<Floor> {
  let floor: Floor = { revision: 0, source: HIGH_WATER_FILE };
  const highWater = await readHighWater(options.fs, options.dir);
  if (highWater.status === 'ok') floor = { revision: highWater.revision, source: HIGH_WATER_FILE };
  else if (highWater.status === 'damaged') {
    options.logger.warn(
      { file: HIGH_WATER_FILE, problem: highWater.reason },
      'The journal high-water mark is damaged; checking the journal against the snapshots only',
    );
  }
  for (const [read, file] of [
    [current, MANIFEST_FILE],
    [previous, PREVIOUS_MANIFEST_FILE],
  ] as const) {
    if (read.status === 'ok' && read.manifest.revision > floor.revision) {
      floor = { revision: read.manifest.revision, source: file };
    }
  }
  return floor;
}

/** The error for a state that stops before the floor: names the newest segment, says what is missing and why. */
function shortJournal(segments: readonly ParsedSegment[], reached: number, floor: Floor): CorruptFileError {
  const newest = segments[segments.length - 1];
  const missing = floor.revision - reached;
  const cut = newest && newest.tornBytes > 0 ? '; its last line is cut off' : '';
  return new CorruptFileError(
    newest?.file ?? 'the journal',
    `the journal ends at entry ${reached}, but entries up to ${floor.revision} were acknowledged (recorded in ` +
      `${floor.source}): ${missing} acknowledged change${missing === 1 ? ' is' : 's are'} missing, so the newest ` +
      `journal segment was deleted or cut short${cut}`,
  );
}

function lossAccepted(logger: StoreLogger, floor: Floor, reached: number, from: string): void {
  logger.error(
    { event: 'data_loss_accepted', acknowledged: floor.revision, reached, lost: floor.revision - reached, from },
    `Starting with ${floor.revision - reached} acknowledged changes missing, as the data loss was explicitly accepted`,
  );
}

/**
 * The oldest data version a journal line may have been written at: lines after a snapshot were written by a hub at
 * least as new as the one that wrote it, so it is the oldest manifest's version, or 0 when the state may have to be
 * built from the whole journal (a manifest missing or damaged).
 */
function journalDataVersion(...reads: ReadonlyArray<Awaited<ReturnType<typeof readManifest>>>): number {
  let version = DATA_VERSION;
  for (const read of reads) version = Math.min(version, read.status === 'ok' ? read.manifest.dataVersion : 0);
  return version;
}

async function readSegments(options: LoadOptions, dataVersion: number): Promise<ParsedSegment[]> {
  const { fs, dir, activeLimit } = options;
  const refs = await listSegments(fs, dir);
  const segments = await Promise.all(
    refs.map((ref) =>
      readSegment(fs, dir, ref, ref.file === activeLimit?.file ? activeLimit.length : undefined, dataVersion),
    ),
  );
  segments.forEach((segment, i) => {
    // A torn last line of the newest segment is a crash in the middle of writing a group: dropped (and logged)
    // once the load shows the state still reaches every acknowledged revision. Anywhere else it is damage.
    if (segment.tornBytes === 0 || i === segments.length - 1) return;
    segment.items.push({ kind: 'damaged', line: segment.items.length + 1, reason: 'the last line is incomplete' });
  });
  return segments;
}

async function loadCandidate(
  options: LoadOptions,
  candidate: Candidate,
  segments: ParsedSegment[],
): Promise<Omit<LoadedData, 'journalEnd'>> {
  const { fs, dir, logger } = options;
  const state = blankState();
  let visitPartitions: Map<PartitionName, string[]> | null = null;
  let revision = 0;
  const cold = new Set<PartitionName>();
  const now = options.now ?? latestEntryTime(segments);
  let prunedLinks = 0;
  // The snapshot's data version; a state built from the journal alone was migrated line by line from version 0.
  const dataVersion = candidate.manifest?.manifest.dataVersion ?? 0;
  const migrating = dataVersion < DATA_VERSION;
  if (migrating) {
    logger.warn(
      { from: dataVersion, to: DATA_VERSION, migrations: migrationsAfter(dataVersion).map((m) => `${m.version}: ${m.name}`) },
      'The data was written by an older Glow: migrating it (the next checkpoint rewrites every snapshot file)',
    );
  }
  /**
   * Files that passed the full check although the manifest did not vouch for them (written by an older hub, or under
   * a schema since changed): their values under the current schema, so that the next checkpoint records them and the
   * starts after it can skip the check again, instead of paying it at every start until the file is rewritten.
   */
  const verified: Record<string, string> = {};
  if (candidate.manifest) {
    visitPartitions = new Map();
    revision = candidate.manifest.manifest.revision;
    const read = (names: PartitionName[]) =>
      Promise.all(
        names.map(async (name) => {
          const file = candidate.manifest!.files.get(name)!;
          const recorded = candidate.manifest!.manifest.integrity?.[file];
          // What these bytes would be recorded as now; kept when they pass the full check below.
          let checked: string | undefined;
          const adapter = new DurableJsonFile<PartitionData>(path.join(dir, file), {
            fs,
            schema: partitionSchema(name),
            trusted: (bytes) => {
              // Migrated data is not the bytes that were written: always checked in full, after migrating.
              if (migrating) return false;
              checked = integrityOf(name, bytes);
              // Bytes other than the ones written are damage or an edit, even when they still parse and match the
              // schema: the newer generation is not used, and an older one plus the journal rebuilds it.
              if (recorded !== undefined && checksumOf(recorded) !== checksumOf(checked)) {
                throw new CorruptFileError(
                  file,
                  `its content differs from what was written (SHA-256 does not match ${candidate.label})`,
                );
              }
              return checked === recorded;
            },
            prepare: (raw: unknown) => {
              const data = migrating ? migrate(raw as Record<string, unknown>, dataVersion) : raw;
              return name === 'links' ? dropExpiredRawLinks(data, now, (n) => (prunedLinks += n)) : data;
            },
          });
          const data = await readWithLow(adapter);
          if (data === null) throw new CorruptFileError(file, `the file is missing (listed in ${candidate.label})`);
          if (!migrating && checked !== undefined && checked !== recorded) verified[file] = checked;
          return [name, data] as const;
        }),
      );
    const merge = (contents: ReadonlyArray<readonly [PartitionName, PartitionData]>) => {
      for (const [name, data] of contents) {
        mergePartition(state, data);
        if (isVisitPartition(name)) visitPartitions!.set(name, Object.keys(data.visits ?? {}));
      }
    };
    // First what decides how far back closed visits are needed: the settings, the links and the complaints.
    const names = [...candidate.manifest.files.keys()];
    const decisive = new Set<PartitionName>(['settings', 'links', 'complaints']);
    const first = names.filter((name) => decisive.has(name));
    merge(await read(first));
    // Without any time known everything is loaded, and no link is dropped.
    // Migrating: every month is read, as every file is rewritten at the current version by the next checkpoint.
    const warmFrom =
      now === null || migrating ? null : firstWarmMonth(now, reachMs(state.meta), oldestReference(state, now));
    const rest: PartitionName[] = [];
    for (const name of names) {
      if (decisive.has(name)) continue;
      if (warmFrom !== null && isColdMonth(name, warmFrom)) cold.add(name);
      else rest.push(name);
    }
    merge(await read(rest));
  }
  const replay = replayJournal(state, revision, segments, (skipped) =>
    logger.warn(skipped, 'Skipping a damaged journal line that the snapshot already covers'),
  );
  if (!hasCompleteMeta(state)) {
    throw new CorruptFileError(
      segments[0]?.file ?? 'journal',
      'the journal does not begin with the salon settings (meta), and there is no snapshot',
    );
  }
  for (const [hash, link] of Object.entries(state.links)) {
    if (!isLiveLink(link, now)) {
      delete state.links[hash];
      prunedLinks += 1;
    }
  }
  return {
    snapshot: { state, revision: replay.revision },
    manifest: candidate.manifest && {
      ...candidate.manifest,
      manifest: { ...candidate.manifest.manifest, integrity: { ...candidate.manifest.manifest.integrity, ...verified } },
    },
    visitPartitions,
    cold,
    migratedFrom: migrating ? dataVersion : null,
    prunedLinks,
    replayed: replay.applied,
  };
}

/** The latest hub time the journal proves has passed; null when it holds no entry (then nothing is left cold). */
function latestEntryTime(segments: readonly ParsedSegment[]): number | null {
  let latest: number | null = null;
  for (const segment of segments) {
    for (const item of segment.items) {
      if (item.kind === 'entry') latest = Math.max(latest ?? item.entry.at, item.entry.at);
    }
  }
  return latest;
}

function lastEntrySeq(segment: ParsedSegment): number | null {
  for (let i = segment.items.length - 1; i >= 0; i--) {
    const item = segment.items[i];
    if (item?.kind === 'entry') return item.entry.seq;
  }
  return null;
}

async function cutTornTail(options: LoadOptions, segment: ParsedSegment): Promise<void> {
  const handle = await options.fs.open(path.join(options.dir, segment.file), 'r+');
  try {
    await handle.truncate(segment.goodLength);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
