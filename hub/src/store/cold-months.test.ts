import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../security/secrets.ts';
import { findLiveLink } from '../services/public-link.ts';
import { applyChanges } from './apply-changes.ts';
import { firstWarmMonth, isColdMonth, reachMs } from './cold-months.ts';
import type { HubState, JournalEntry, PublicLink } from './hub-state.ts';
import { LowdbStore, type LowdbStoreOptions } from './lowdb.store.ts';
import { MANIFEST_FILE, type Manifest } from './manifest.ts';
import { integrityOf } from './partition-integrity.ts';
import { visitPartition } from './partitions.ts';
import type { StoreLogger } from './store-logger.ts';
import { HubModel, makeClient, makeVisit, T0 } from './testing/fixtures.ts';

/**
 * Closed-visit months older than any link can reach stay on disk at start-up (cold-months.ts), expired links are
 * dropped (link-retention.ts), and files this store wrote skip the schema check (partition-integrity.ts). These tests
 * prove that none of it loses or changes data: what is not loaded is still there, byte for byte, after any number of
 * checkpoints and restarts, and comes back in full when the store is told it is that time again.
 */

const DAY = 24 * 60 * 60 * 1000;
const OLD = Date.UTC(2023, 5, 10); // June 2023: far outside the reach at T0 (March 2025)
const OLDER = Date.UTC(2022, 1, 10); // February 2022
const EVERYTHING = { now: () => OLDER - DAY }; // a clock before every visit: no month is cold

const token = (n: number): string => `${String(n).padStart(3, '0')}${'t'.repeat(40)}`;
function link(visitId: string, createdAt: number, expiresAt: number): PublicLink {
  return { visitId, purpose: 'aftercare', createdAt, expiresAt, revokedAt: null };
}

describe('LowdbStore: cold months and expired links', () => {
  let dir: string;
  const open: LowdbStore[] = [];
  const make = (options: Partial<LowdbStoreOptions> = {}): LowdbStore => {
    const store = new LowdbStore({ dir, ...options });
    open.push(store);
    return store;
  };
  const manifest = async (): Promise<Manifest> =>
    JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  const monthFiles = async (): Promise<string[]> => (await manifest()).partitions.filter((f) => f.startsWith('visits-'));
  /** The model's state without the visits of months before the first warm one (what a start at T0 loads). */
  const warmPart = (state: HubState, now: number): HubState => {
    const warm = structuredClone(state);
    const first = firstWarmMonth(now, reachMs(state.meta), null);
    for (const [id, visit] of Object.entries(warm.visits)) if (isColdMonth(visitPartition(visit), first)) delete warm.visits[id];
    return warm;
  };
  /** Plays the hub: applies the entry to the live state the store handed out, then journals it. */
  const commit = async (store: LowdbStore, state: HubState, entry: JournalEntry): Promise<void> => {
    applyChanges(state, structuredClone(entry.changes));
    await store.append(entry);
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'glow-cold-'));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})));
    await rm(dir, { recursive: true, force: true });
  });

  /** A salon with closed visits in two old months and one recent one, checkpointed; the store is closed. */
  async function salonWithHistory(): Promise<HubModel> {
    const hub = new HubModel();
    const store = make();
    await store.open();
    await store.append(hub.seed());
    await store.append(
      hub.entry({
        clients: { c1: makeClient('c1'), c2: makeClient('c2') },
        visits: {
          old1: makeVisit('old1', 'c1', 'closed', OLD),
          old2: makeVisit('old2', 'c2', 'closed', OLD + DAY),
          older: makeVisit('older', 'c1', 'closed', OLDER),
          recent: makeVisit('recent', 'c2', 'closed', T0 - 3 * DAY),
        },
      }),
    );
    await store.append(hub.checkIn('live', 'c1'));
    await store.checkpoint(hub.state, hub.revision);
    await store.close();
    return hub;
  }

  it('leaves old months on disk at start-up and never drops them across checkpoints and restarts', async () => {
    const hub = await salonWithHistory();
    const before = await monthFiles();
    expect(before).toEqual(['visits-2022-02.r3.json', 'visits-2023-06.r3.json', 'visits-2025-03.r3.json']);
    const oldBytes = await readFile(path.join(dir, 'visits-2023-06.r3.json'));

    for (let round = 0; round < 3; round++) {
      const store = make();
      const opened = await store.open();
      // Not loaded: the old visits are not in memory; everything else is exactly as written.
      expect(opened).toEqual({ state: warmPart(hub.state, hub.at), revision: hub.revision });
      expect(opened?.state.visits['old1']).toBeUndefined();
      await commit(store, opened!.state, hub.checkIn(`v${round}`, 'c2'));
      await commit(store, opened!.state, hub.closeVisit(`v${round}`));
      await store.checkpoint(opened!.state, hub.revision);
      await store.close({ state: opened!.state, revision: hub.revision });
      // Not lost: each checkpoint lists the old month files, untouched.
      const files = await monthFiles();
      expect(files).toContain('visits-2023-06.r3.json');
      expect(files).toContain('visits-2022-02.r3.json');
    }
    expect(await readFile(path.join(dir, 'visits-2023-06.r3.json'))).toEqual(oldBytes);
    // A store whose clock is back in 2022 loads every month: the full state, old visits included.
    expect(await make(EVERYTHING).open()).toEqual({ state: hub.state, revision: hub.revision });
  });

  it('keeps a change to an old visit that the journal replays, and writes it into that month without losing the rest', async () => {
    const hub = await salonWithHistory();
    // A late correction of an old visit, journaled but not checkpointed: the next start replays it.
    let store = make();
    await store.open();
    const corrected = { ...hub.state.visits['old1']!, consultationInPerson: true };
    await store.append(hub.entry({ visits: { old1: corrected } }));
    await store.close();

    store = make();
    const opened = await store.open();
    // The replayed visit is in memory (it was touched); the untouched visits of its month stay on disk.
    expect(opened?.state.visits['old1']).toEqual(corrected);
    expect(opened?.state.visits['old2']).toBeUndefined();
    await commit(store, opened!.state, hub.addClient('c3'));
    await store.checkpoint(opened!.state, hub.revision);
    await store.close();
    // The month was rewritten as its file plus the change: old2 is still there, old1 corrected.
    const june = (await monthFiles()).find((f) => f.startsWith('visits-2023-06'))!;
    expect(june).toBe(`visits-2023-06.r${hub.revision}.json`);
    const onDisk = JSON.parse(await readFile(path.join(dir, june), 'utf8')) as Pick<HubState, 'visits'>;
    expect(Object.keys(onDisk.visits).sort()).toEqual(['old1', 'old2']);
    expect(onDisk.visits['old1']).toEqual(corrected);
    expect(await make(EVERYTHING).open()).toEqual({ state: hub.state, revision: hub.revision });
  });

  it('takes a deleted old visit out of its cold month, wherever it is', async () => {
    const hub = await salonWithHistory();
    const store = make();
    const opened = await store.open();
    await commit(store, opened!.state, hub.entry({ visits: { older: null } }));
    await store.checkpoint(opened!.state, hub.revision);
    await store.close();
    // Only the month that held it was rewritten.
    const files = await monthFiles();
    expect(files).toContain(`visits-2022-02.r${hub.revision}.json`);
    expect(files).toContain('visits-2023-06.r3.json');
    const reopened = await make(EVERYTHING).open();
    expect(reopened?.state.visits['older']).toBeUndefined();
    expect(reopened).toEqual({ state: hub.state, revision: hub.revision });
  });

  it('checks a cold month against its recorded SHA-256 before building on it: an edited month fails the checkpoint, never spreads', async () => {
    const hub = await salonWithHistory();
    const older = (await monthFiles()).find((f) => f.startsWith('visits-2022-02'))!;
    const edited = JSON.parse(await readFile(path.join(dir, older), 'utf8')) as Pick<HubState, 'visits'>;
    for (const visit of Object.values(edited.visits)) visit.state = 'cancelled';
    await writeFile(path.join(dir, older), JSON.stringify(edited));
    const store = make();
    const opened = await store.open(); // the month is cold: not read at start-up
    await commit(store, opened!.state, hub.entry({ visits: { older: null } }));
    await expect(store.checkpoint(opened!.state, hub.revision)).rejects.toThrow(
      new RegExp(`${older.replace(/\./g, '\\.')}: its content differs from what was written`),
    );
    expect(store.writeStatus().writable).toBe(false);
    await store.close();
    // The journal still has the change; the edited file was not copied into a new month file.
    expect((await monthFiles()).filter((f) => f.startsWith('visits-2022-02'))).toEqual([older]);
  });

  it('drops expired links at start-up and at the checkpoint; expired and unknown tokens answer alike', async () => {
    const hub = new HubModel();
    let store = make();
    await store.open();
    await store.append(hub.seed());
    const live = link('recent', T0 - DAY, T0 + 29 * DAY);
    const expired = link('old1', OLD, OLD + 30 * DAY);
    await store.append(
      hub.entry({
        visits: { recent: makeVisit('recent', 'c1', 'closed', T0 - DAY), old1: makeVisit('old1', 'c1', 'closed', OLD) },
        links: { [sha256(token(1))]: live, [sha256(token(2))]: expired },
      }),
    );
    // Before any pruning the expired link is still held, and already answers like an unknown token.
    expect(findLiveLink(hub.state, token(2), 'aftercare', hub.at)).toBeNull();
    expect(findLiveLink(hub.state, token(3), 'aftercare', hub.at)).toBeNull();
    await store.close();

    store = make();
    const opened = await store.open();
    // Start-up dropped it: the journal's newest entry is the clock, so only a surely expired link goes.
    expect(Object.values(opened!.state.links)).toEqual([live]);
    expect(findLiveLink(opened!.state, token(1), 'aftercare', hub.at)?.link).toEqual(live);
    expect(findLiveLink(opened!.state, token(2), 'aftercare', hub.at)).toBeNull();
    expect(findLiveLink(opened!.state, token(3), 'aftercare', hub.at)).toBeNull();
    await store.checkpoint(opened!.state, hub.revision);
    await store.close();
    // ...and the checkpoint's links file no longer holds it either.
    const linksFile = (await manifest()).partitions.find((f) => f.startsWith('links.'))!;
    const links = (JSON.parse(await readFile(path.join(dir, linksFile), 'utf8')) as Pick<HubState, 'links'>).links;
    expect(Object.keys(links)).toEqual([sha256(token(1))]);
  });

  it('drops expired links a snapshot file still holds (an older hub wrote it) and rewrites that file', async () => {
    const hub = new HubModel();
    // A store whose clock is back in 2023 writes the link while it is still live.
    let store = make({ now: () => OLD });
    await store.open();
    await store.append(hub.seed());
    await store.append(
      hub.entry({
        visits: { old1: makeVisit('old1', 'c1', 'closed', OLD) },
        links: { [sha256(token(2))]: link('old1', OLD, OLD + 30 * DAY) },
      }),
    );
    await store.checkpoint(hub.state, hub.revision);
    await store.close();
    const linksFile = async () => (await manifest()).partitions.find((f) => f.startsWith('links.'))!;
    const first = await linksFile();
    expect(await readFile(path.join(dir, first), 'utf8')).toContain(sha256(token(2)));

    store = make();
    const opened = await store.open();
    expect(opened!.state.links).toEqual({});
    // Nothing touched the links since, yet the next checkpoint rewrites their file without the expired one.
    await commit(store, opened!.state, hub.addClient('c1'));
    await store.checkpoint(opened!.state, hub.revision);
    await store.close();
    const next = await linksFile();
    expect(next).not.toBe(first);
    expect(JSON.parse(await readFile(path.join(dir, next), 'utf8'))).toEqual({ links: {} });
  });

  it('checks a partition in full when its bytes are not what the store wrote', async () => {
    const hub = await salonWithHistory();
    const m = await manifest();
    const clientsFile = m.partitions.find((f) => f.startsWith('clients.'))!;
    expect(m.integrity?.[clientsFile]).toMatch(/^[0-9a-f]{64}\.[0-9a-f]{16}$/);
    // Valid JSON, wrong shape: only the schema check can tell. The store must not start on it: it falls back to
    // the journal (which here still starts at entry 1) and says why.
    await writeFile(path.join(dir, clientsFile), JSON.stringify({ clients: { c1: { id: 'c1', phone: 42 } } }));
    const problems: string[] = [];
    const logger: StoreLogger = {
      info() {},
      error() {},
      warn: (obj) => void problems.push(String((obj as { problem?: unknown }).problem ?? '')),
    };
    const opened = await make({ logger }).open();
    expect(problems.some((p) => p.includes(clientsFile))).toBe(true);
    expect(opened).toEqual({ state: hub.state, revision: hub.revision });
  });

  it('reads a manifest without integrity values (an older hub) with the full check, and records them next time', async () => {
    const hub = await salonWithHistory();
    const m = await manifest();
    const { integrity: _dropped, ...older } = m;
    await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(older));
    const store = make();
    expect((await store.open())?.revision).toBe(hub.revision);
    await store.append(hub.addClient('c9'));
    await store.close();
    const store2 = make();
    const opened = await store2.open();
    await store2.checkpoint(opened!.state, hub.revision);
    await store2.close();
    const next = await manifest();
    expect(Object.keys(next.integrity ?? {})).toContain(next.partitions.find((f) => f.startsWith('clients.')));
    // A file kept from the older manifest has no value yet: it keeps getting the full check until rewritten.
    expect(next.integrity?.['visits-2023-06.r3.json']).toBeUndefined();
  });

  it('after an upgrade checks each loaded file in full once, then records it so later starts skip the check', async () => {
    const hub = await salonWithHistory();
    const m = await manifest();
    // A newer hub: every recorded schema fingerprint is now out of date.
    const stale = Object.fromEntries(Object.entries(m.integrity ?? {}).map(([file, v]) => [file, `${v.split('.')[0]}.0000000000000000`]));
    await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify({ ...m, integrity: stale }));
    const store = make();
    const opened = await store.open();
    expect(opened).toEqual({ state: warmPart(hub.state, T0), revision: hub.revision });
    // The next checkpoint (after a day's first command) keeps the unchanged files, now vouched for anew.
    await commit(store, opened!.state, hub.addClient('c9'));
    await store.checkpoint(opened!.state, hub.revision);
    await store.close();
    const next = await manifest();
    for (const prefix of ['settings.', 'floor.']) {
      const file = next.partitions.find((f) => f.startsWith(prefix))!;
      const bytes = await readFile(path.join(dir, file));
      expect(next.integrity?.[file], file).toBe(integrityOf(prefix.slice(0, -1), bytes));
    }
    // A cold month was never read, so nothing vouches for it anew: it keeps its old value.
    expect(next.integrity?.['visits-2023-06.r3.json']).toBe(stale['visits-2023-06.r3.json']);
  });
});
