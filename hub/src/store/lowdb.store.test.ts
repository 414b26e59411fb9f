import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './data-dir-lock.ts';
import type { HubState } from './hub-state.ts';
import { LowdbStore, type LowdbStoreOptions } from './lowdb.store.ts';
import { FORMAT_VERSION, MANIFEST_FILE, PREVIOUS_MANIFEST_FILE, type Manifest } from './manifest.ts';
import { DATA_VERSION } from './migrations/index.ts';
import { firstWarmMonth, isColdMonth, reachMs } from './cold-months.ts';
import { FIXED_PARTITIONS, visitPartition } from './partitions.ts';
import { StoreError, type StorePort } from './store.port.ts';
import { nodeStoreFs, type StoreFileHandle, type StoreFs } from './store-fs.ts';
import type { StoreLogger } from './store-logger.ts';
import { GROUP_LIMITS } from './journal-writer.ts';
import { FaultFs } from './testing/fault-fs.ts';
import { HubModel, makeClient, makeVisit, T0 } from './testing/fixtures.ts';
import { SimFs } from './testing/sim-fs.ts';
import { describeStoreContract } from './testing/store-contract.ts';

const JOURNAL = /journal-\d+\.jsonl$/;

describeStoreContract('LowdbStore', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'glow-store-'));
  const fs = new FaultFs();
  return {
    create: () => new LowdbStore({ dir, fs }),
    // A disk filling up part-way through the group's write.
    failNextAppend: () => fs.failNext('write', { match: JOURNAL, partialBytes: 7 }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
});

function recordingLogger(): StoreLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, error() {}, warn: (_obj, msg) => void warnings.push(msg) };
}

describe('LowdbStore', () => {
  let dir: string;
  const stores: StorePort[] = [];
  const make = (options: Partial<LowdbStoreOptions> = {}): LowdbStore => {
    const store = new LowdbStore({ dir, ...options });
    stores.push(store);
    return store;
  };
  const file = (name: string): string => path.join(dir, name);
  const journalFiles = async (): Promise<string[]> => (await readdir(dir)).filter((n) => JOURNAL.test(n)).sort();
  const readManifestFile = async (name = MANIFEST_FILE): Promise<Manifest> =>
    JSON.parse(await readFile(file(name), 'utf8')) as Manifest;

  /** Seed, then `checkpoints` rounds of (check-ins, close one, checkpoint), then one more entry; closed without a final checkpoint. */
  async function history(checkpoints: number): Promise<HubModel> {
    const hub = new HubModel();
    const store = make();
    await store.open();
    await store.append(hub.seed());
    for (let round = 0; round < checkpoints; round++) {
      await store.append(hub.checkIn(`v${round}`, `c${round}`));
      if (round > 0) await store.append(hub.closeVisit(`v${round - 1}`));
      await store.checkpoint(hub.state, hub.revision);
    }
    await store.append(hub.addClient('after'));
    await store.close();
    return hub;
  }

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'glow-lowdb-'));
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  describe('data directory lock', () => {
    it('refuses a second store on the same directory, even in the same process', async () => {
      await make().open();
      const err = await make()
        .open()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).kind).toBe('in_use');
      expect((err as StoreError).message).toBe(
        `The data directory ${dir} is in use by another Glow hub (pid ${process.pid}). Stop it first, or start this one with a different DATA_DIR.`,
      );
    });

    it('takes over a lock left by a dead process', async () => {
      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      await writeFile(file(LOCK_FILE), `${dead}\n`);
      const logger = recordingLogger();
      expect(await make({ logger }).open()).toBeNull();
      expect(JSON.parse(await readFile(file(LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
      expect(logger.warnings.join('\n')).toMatch(/stale|no longer running/);
    });

    it('takes over a lock from an earlier boot even if its pid is alive now', async () => {
      await writeFile(file(LOCK_FILE), JSON.stringify({ pid: process.pid, bootId: 'boot-before-the-power-cut' }));
      expect(await make({ bootId: 'boot-now' }).open()).toBeNull();
    });

    it('releases the lock at close', async () => {
      const store = make();
      await store.open();
      await store.close();
      expect(await readdir(dir)).not.toContain(LOCK_FILE);
      await make().open();
    });
  });

  describe('journal', () => {
    it('writes the entries of one tick with one write and one fdatasync', async () => {
      const fs = new FaultFs();
      const hub = new HubModel();
      const store = make({ fs });
      await store.open();
      await store.append(hub.seed());
      const syncs = fs.count('datasync', JOURNAL);
      const writes = fs.count('write', JOURNAL);
      await Promise.all(Array.from({ length: GROUP_LIMITS.maxEntries }, (_, i) => store.append(hub.addClient(`c${i}`))));
      expect(fs.count('datasync', JOURNAL) - syncs).toBe(1);
      expect(fs.count('write', JOURNAL) - writes).toBe(1);
      await Promise.all(Array.from({ length: 5 }, (_, i) => store.append(hub.addClient(`d${i}`))));
      expect(fs.count('datasync', JOURNAL) - syncs).toBe(2);
    });

    it('bounds a group by count and by arrival time, acknowledging every entry in order (#15)', async () => {
      const fs = new FaultFs();
      const hub = new HubModel();
      const store = make({ fs });
      await store.open();
      await store.append(hub.seed());
      const limits = { ...GROUP_LIMITS };
      const order: number[] = [];
      const burst = async (n: number, prefix: string) => {
        const syncs = fs.count('datasync', JOURNAL);
        await Promise.all(
          Array.from({ length: n }, (_, i) => {
            const entry = hub.addClient(`${prefix}${i}`);
            return store.append(entry).then(() => void order.push(entry.seq));
          }),
        );
        return fs.count('datasync', JOURNAL) - syncs;
      };
      try {
        // By count: 40 entries of one tick are three groups (16, 16, 8), not one.
        expect(await burst(40, 'c')).toBe(Math.ceil(40 / GROUP_LIMITS.maxEntries));
        // By time: entries arriving 15 ms apart (a clock the test moves) span more than 20 ms in threes.
        let t = 0;
        Object.assign(GROUP_LIMITS, { maxEntries: 100, maxSpanMs: 20, now: () => (t += 15) });
        expect(await burst(6, 't')).toBe(3);
      } finally {
        Object.assign(GROUP_LIMITS, limits);
      }
      expect(order).toEqual(Array.from({ length: 46 }, (_, i) => i + 2));
    });

    it('gathers entries that arrive during a flush into the next group, resolved in order', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let syncs = 0;
      const slowFs = withDatasync(nodeStoreFs, async (inner) => {
        syncs += 1;
        if (syncs === 2) await gate; // the second group's fsync waits (the first is the seed)
        await inner();
      });
      const hub = new HubModel();
      const store = make({ fs: slowFs });
      await store.open();
      await store.append(hub.seed());
      const order: number[] = [];
      const track = (seq: number, p: Promise<void>) => p.then(() => void order.push(seq));
      const first = [hub.addClient('a'), hub.addClient('b')].map((e) => track(e.seq, store.append(e)));
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      // The first group is stuck in its fsync; these arrive over several ticks.
      const later: Promise<void>[] = [];
      for (let i = 0; i < 3; i++) {
        later.push(track(hub.revision + 1, store.append(hub.addClient(`late${i}`))));
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(order).toEqual([]);
      release();
      await Promise.all([...first, ...later]);
      expect(order).toEqual([2, 3, 4, 5, 6]);
      expect(syncs).toBe(3); // seed, first group, everything that arrived meanwhile
    });

    it('drops a torn last line with a warning and truncates it away', async () => {
      const hub = new HubModel();
      const store = make();
      await store.open();
      await store.append(hub.seed());
      await store.append(hub.addClient('c1'));
      await store.close();
      const [segment] = await journalFiles();
      const size = (await stat(file(segment!))).size;
      await appendFile(file(segment!), '{"seq":3,"at":17419');

      const logger = recordingLogger();
      const reopened = make({ logger });
      expect(await reopened.open()).toEqual({ state: hub.state, revision: 2 });
      expect(logger.warnings.join('\n')).toMatch(/incomplete last journal line/);
      expect((await stat(file(segment!))).size).toBe(size);
      await reopened.append(hub.addClient('c2'));
      await reopened.close();
      expect(await make().open()).toEqual({ state: hub.state, revision: 3 });
    });

    it('starts empty when the only journal line was torn before it was ever acknowledged', async () => {
      const store = make();
      await store.open();
      await store.close();
      const [segment] = await journalFiles();
      await writeFile(file(segment!), '{"seq":1,"at":1741942800000,"commandId":null,"command":"salon:seed","chan');
      const reopened = make();
      expect(await reopened.open()).toBeNull();
      const hub = new HubModel();
      await reopened.append(hub.seed());
      await reopened.close();
      expect(await make().open()).toEqual({ state: hub.state, revision: 1 });
    });

    it('refuses a damaged line the snapshot does not cover, naming the file and the line', async () => {
      const hub = new HubModel();
      const store = make();
      await store.open();
      for (const entry of [hub.seed(), hub.addClient('a'), hub.addClient('b'), hub.addClient('c')]) await store.append(entry);
      await store.close();
      const [segment] = await journalFiles();
      const lines = (await readFile(file(segment!), 'utf8')).split('\n');
      lines[2] = '{"seq":3,"at":1741943 garbage';
      await writeFile(file(segment!), lines.join('\n'));

      const err = await make()
        .open()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).kind).toBe('corrupt');
      expect((err as StoreError).message).toContain(`${segment}: line 3 is damaged`);
      expect((err as StoreError).message).toContain('Restore the data directory from a backup (see README "Backups")');
      // Refusing to start also leaves the directory unlocked and untouched.
      expect(await readdir(dir)).not.toContain(LOCK_FILE);
    });

    it('skips, with a warning, a damaged line that the snapshot already covers', async () => {
      const hub = new HubModel();
      const store = make();
      await store.open();
      for (const entry of [hub.seed(), hub.addClient('a'), hub.addClient('b'), hub.addClient('c')]) await store.append(entry);
      await store.checkpoint(hub.state, hub.revision);
      await store.append(hub.addClient('d'));
      await store.close();
      const [oldest] = await journalFiles();
      const lines = (await readFile(file(oldest!), 'utf8')).split('\n');
      lines[1] = 'xxxxxxxxxxxxxxxxxxxx';
      await writeFile(file(oldest!), lines.join('\n'));

      const logger = recordingLogger();
      expect(await make({ logger }).open()).toEqual({ state: hub.state, revision: 5 });
      expect(logger.warnings.join('\n')).toMatch(/damaged journal line/);
    });

    it('refuses a gap in the seqs', async () => {
      const hub = new HubModel();
      const store = make();
      await store.open();
      for (const entry of [hub.seed(), hub.addClient('a'), hub.addClient('b')]) await store.append(entry);
      await store.close();
      const [segment] = await journalFiles();
      const lines = (await readFile(file(segment!), 'utf8')).split('\n');
      lines.splice(1, 1);
      await writeFile(file(segment!), lines.join('\n'));
      await expect(make().open()).rejects.toThrow(/entry 3 follows entry 1; entries 2–2 are missing/);
    });

    it('on ENOSPC rejects the append, leaves no partial line, and works again when space returns', async () => {
      const fs = new FaultFs();
      const hub = new HubModel();
      const store = make({ fs });
      await store.open();
      await store.append(hub.seed());
      const [segment] = await journalFiles();
      const size = (await stat(file(segment!))).size;

      fs.failNext('write', { match: JOURNAL, code: 'ENOSPC', partialBytes: 20 });
      const lost = hub.addClient('lost');
      const err = await store.append(lost).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).kind).toBe('io');
      expect((err as StoreError).message).toMatch(/ENOSPC/);
      expect((await stat(file(segment!))).size).toBe(size);

      const reloaded = await store.reload();
      expect(reloaded?.revision).toBe(1);
      const hub2 = new HubModel();
      hub2.state = reloaded!.state;
      hub2.revision = 1;
      await store.append(hub2.addClient('kept'));
      await store.close();
      expect(await make().open()).toEqual({ state: hub2.state, revision: 2 });
    });

    it('excludes a failed group from reload even when the truncate fails too, and cleans up before the next write', async () => {
      const fs = new FaultFs();
      const hub = new HubModel();
      const store = make({ fs });
      await store.open();
      await store.append(hub.seed());
      fs.failNext('write', { match: JOURNAL, partialBytes: 10_000 });
      fs.failNext('truncate', { match: JOURNAL });
      await expect(store.append(hub.addClient('lost'))).rejects.toBeInstanceOf(StoreError);
      expect((await store.reload())?.revision).toBe(1);

      const hub2 = new HubModel();
      hub2.state = (await store.reload())!.state;
      hub2.revision = 1;
      await store.append(hub2.addClient('kept'));
      await store.close();
      const [segment] = await journalFiles();
      expect((await readFile(file(segment!), 'utf8')).trim().split('\n')).toHaveLength(2);
      expect(await make().open()).toEqual({ state: hub2.state, revision: 2 });
    });

    it('refuses a checkpoint that includes entries that never reached the disk', async () => {
      const fs = new FaultFs();
      const hub = new HubModel();
      const store = make({ fs });
      await store.open();
      await store.append(hub.seed());
      fs.failNext('datasync', { match: JOURNAL });
      const failed = store.append(hub.addClient('lost')).catch(() => 'rejected');
      await expect(store.checkpoint(hub.state, 2)).rejects.toThrow(/only holds entries up to 1/);
      expect(await failed).toBe('rejected');
    });
  });

  describe('snapshots', () => {
    it('lays out partitions by kind and by month, listed in the manifest', async () => {
      const hub = new HubModel();
      const store = make();
      await store.open();
      await store.append(hub.seed());
      await store.append(
        hub.entry({
          clients: { c1: makeClient('c1') },
          visits: {
            feb: makeVisit('feb', 'c1', 'closed', Date.UTC(2025, 1, 3)),
            mar: makeVisit('mar', 'c1', 'cancelled', Date.UTC(2025, 2, 3)),
            now: makeVisit('now', 'c1', 'in_service', T0),
          },
        }),
      );
      await store.checkpoint(hub.state, hub.revision);
      const manifest = await readManifestFile();
      expect(manifest).toMatchObject({ formatVersion: FORMAT_VERSION, dataVersion: DATA_VERSION, revision: 2 });
      expect(manifest.partitions).toEqual([
        'bookings.r2.json',
        'clientChanges.r2.json',
        'clients.r2.json',
        'commands.r2.json',
        'complaints.r2.json',
        'floor.r2.json',
        'followUpTasks.r2.json',
        'links.r2.json',
        'outbox.r2.json',
        'settings.r2.json',
        'visits-2025-02.r2.json',
        'visits-2025-03.r2.json',
      ]);
      expect(Object.keys(JSON.parse(await readFile(file('floor.r2.json'), 'utf8')).visits)).toEqual(['now']);
      expect(Object.keys(JSON.parse(await readFile(file('visits-2025-03.r2.json'), 'utf8')).visits)).toEqual(['mar']);
    });

    it('rewrites only the partitions touched since the last checkpoint; a finishing visit dirties floor and its month', async () => {
      const hub = new HubModel();
      const store = make();
      await store.open();
      await store.append(hub.seed());
      await store.append(hub.checkIn('v1', 'c1'));
      await store.append(hub.entry({ visits: { old: makeVisit('old', 'c1', 'closed', Date.UTC(2024, 11, 1)) } }));
      await store.checkpoint(hub.state, hub.revision);
      await store.append(hub.closeVisit('v1'));
      await store.checkpoint(hub.state, hub.revision);
      const manifest = await readManifestFile();
      expect(manifest.partitions).toEqual([
        'bookings.r3.json',
        'clientChanges.r3.json',
        'clients.r3.json',
        'commands.r3.json',
        'complaints.r3.json',
        'floor.r4.json',
        'followUpTasks.r3.json',
        'links.r3.json',
        'outbox.r3.json',
        'settings.r3.json',
        'visits-2024-12.r3.json',
        'visits-2025-03.r4.json',
      ]);
      await store.close();
      expect(await make().open()).toEqual({ state: hub.state, revision: 4 });
    });

    it('deletes segments and partition files that neither kept generation needs', async () => {
      await history(4);
      const current = await readManifestFile();
      const previous = await readManifestFile(PREVIOUS_MANIFEST_FILE);
      const partitionFiles = (await readdir(dir)).filter((n) => /\.r\d+\.json$/.test(n)).sort();
      expect(partitionFiles).toEqual([...new Set([...current.partitions, ...previous.partitions])].sort());
      // Segments start where a checkpoint rotated the journal: only those after the previous generation remain.
      const segments = (await journalFiles()).map((n) => Number(/(\d+)/.exec(n)?.[1]));
      expect(segments).toEqual([previous.revision, current.revision]);
    });

    it('recovers from the previous generation when manifest.json is damaged', async () => {
      const hub = await history(3);
      await writeFile(file(MANIFEST_FILE), '{"formatVersion":1,"revi');
      const logger = recordingLogger();
      expect(await make({ logger }).open()).toEqual({ state: hub.state, revision: hub.revision });
      expect(logger.warnings.join('\n')).toMatch(/recovered from an older one/);
    });

    it('recovers from the previous generation when a partition of the newest is truncated', async () => {
      const hub = await history(3);
      const manifest = await readManifestFile();
      const clients = manifest.partitions.find((n) => n.startsWith('clients.'))!;
      expect(clients).toBe(`clients.r${manifest.revision}.json`);
      const { size } = await stat(file(clients));
      await truncate(file(clients), Math.floor(size / 2));
      expect(await make().open()).toEqual({ state: hub.state, revision: hub.revision });
    });

    it('refuses to start, naming the file, when no generation can be read', async () => {
      await history(3);
      const manifest = await readManifestFile();
      const settings = manifest.partitions.find((n) => n.startsWith('settings.'))!;
      // Settings did not change after the first checkpoint: both generations share this file.
      expect((await readManifestFile(PREVIOUS_MANIFEST_FILE)).partitions).toContain(settings);
      await truncate(file(settings), 10);
      const err = await make()
        .open()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).kind).toBe('corrupt');
      expect((err as StoreError).message).toContain(`${settings}: the file is not complete JSON`);
      expect((err as StoreError).message).toContain('see README "Backups"');
    });

    it('refuses to start when both manifests are damaged', async () => {
      await history(3);
      await writeFile(file(MANIFEST_FILE), '');
      await writeFile(file(PREVIOUS_MANIFEST_FILE), 'not json');
      await expect(make().open()).rejects.toThrow(/manifest\.json: the file is empty.*manifest\.prev\.json.*Backups/);
    });

    it('recovers from the journal alone while it still starts at entry 1', async () => {
      const hub = await history(1);
      await writeFile(file(MANIFEST_FILE), '{}');
      expect(await make().open()).toEqual({ state: hub.state, revision: hub.revision });
    });

    it('survives a failed rename during a checkpoint: appends go on, the next checkpoint writes what it missed', async () => {
      const fs = new FaultFs();
      const hub = new HubModel();
      const store = make({ fs });
      await store.open();
      await store.append(hub.seed());
      await store.append(hub.checkIn('v1', 'c1'));
      await store.checkpoint(hub.state, hub.revision);
      await store.append(hub.closeVisit('v1'));
      fs.failNext('rename', { match: /floor/, code: 'EIO' });
      await expect(store.checkpoint(hub.state, hub.revision)).rejects.toMatchObject({ kind: 'io' });
      expect((await readManifestFile()).revision).toBe(2);
      await store.append(hub.addClient('c2'));
      await store.checkpoint(hub.state, hub.revision);
      expect((await readManifestFile()).partitions).toEqual([
        'bookings.r2.json',
        'clientChanges.r2.json',
        'clients.r4.json',
        'commands.r2.json',
        'complaints.r2.json',
        'floor.r4.json',
        'followUpTasks.r2.json',
        'links.r2.json',
        'outbox.r2.json',
        'settings.r2.json',
        'visits-2025-03.r4.json',
      ]);
      await store.close();
      expect(await make().open()).toEqual({ state: hub.state, revision: hub.revision });
    });

    it('writes every partition of a failed first checkpoint at the next one', async () => {
      const fs = new FaultFs();
      const hub = new HubModel();
      const store = make({ fs });
      await store.open();
      await store.append(hub.seed());
      await store.append(hub.checkIn('v1', 'c1'));
      fs.failNext('sync', { match: /settings/ });
      await expect(store.checkpoint(hub.state, hub.revision)).rejects.toMatchObject({ kind: 'io' });
      await store.append(hub.addClient('c2'));
      await store.checkpoint(hub.state, hub.revision);
      const manifest = await readManifestFile();
      expect(manifest.partitions.every((n) => n.endsWith('.r3.json'))).toBe(true);
      expect(manifest.partitions).toHaveLength(FIXED_PARTITIONS.length);
      await store.close();
      expect(await make().open()).toEqual({ state: hub.state, revision: hub.revision });
    });

    it('fails a checkpoint queued behind one that fails, and recovers at the next', async () => {
      const fs = new FaultFs();
      const hub = new HubModel();
      const store = make({ fs });
      await store.open();
      await store.append(hub.seed());
      await store.checkpoint(hub.state, hub.revision);
      await store.append(hub.checkIn('v1', 'c1'));
      fs.failNext('rename', { match: /clients/ });
      const first = store.checkpoint(hub.state, hub.revision);
      await store.append(hub.closeVisit('v1'));
      const second = store.checkpoint(hub.state, hub.revision);
      await expect(first).rejects.toMatchObject({ kind: 'io' });
      await expect(second).rejects.toThrow(/overtaken/);
      await store.append(hub.addClient('c9'));
      await store.checkpoint(hub.state, hub.revision);
      await store.close();
      expect(await make().open()).toEqual({ state: hub.state, revision: hub.revision });
      expect((await readManifestFile()).revision).toBe(hub.revision);
    });

    it('creates its files 0600 and a missing data directory 0700', async () => {
      const data = path.join(dir, 'data');
      const hub = new HubModel();
      const store = make({ dir: data });
      await store.open();
      await store.append(hub.seed());
      await store.checkpoint(hub.state, hub.revision);
      await store.append(hub.addClient('c1'));
      await store.checkpoint(hub.state, hub.revision);
      expect((await stat(data)).mode & 0o777).toBe(0o700);
      const names = await readdir(data);
      expect(names).toContain(LOCK_FILE);
      expect(names).toContain(PREVIOUS_MANIFEST_FILE);
      for (const name of names) expect([name, (await stat(path.join(data, name))).mode & 0o777]).toEqual([name, 0o600]);
    });

    it('checkpoints and reopens a large salon (20,000 clients, 20,000 finished visits)', async () => {
      const hub = new HubModel();
      const store = make();
      await store.open();
      await store.append(hub.seed());
      const clients: HubState['clients'] = {};
      const visits: HubState['visits'] = {};
      for (let i = 0; i < 20_000; i++) {
        clients[`c${i}`] = makeClient(`c${i}`);
        visits[`v${i}`] = makeVisit(`v${i}`, `c${i}`, 'closed', Date.UTC(2021 + (i % 5), i % 12, 10));
      }
      await store.append(hub.entry({ clients }));
      await store.append(hub.entry({ visits }));
      await store.checkpoint(hub.state, hub.revision);
      await store.append(hub.checkIn('today', 'c1'));
      await store.checkpoint(hub.state, hub.revision);
      const manifest = await readManifestFile();
      expect(manifest.partitions.filter((n) => n.startsWith('visits-'))).toHaveLength(60);
      // The check-in touched clients and floor only: the 60 month files were not rewritten.
      expect(manifest.partitions.filter((n) => n.endsWith(`.r${hub.revision}.json`)).sort()).toEqual([
        `clients.r${hub.revision}.json`,
        `floor.r${hub.revision}.json`,
      ]);
      await store.close();
      // Months older than any link can reach (cold-months.ts) stay on disk: the reopened state holds the rest...
      const warm = structuredClone(hub.state);
      for (const [id, visit] of Object.entries(warm.visits)) {
        if (isColdMonth(visitPartition(visit), firstWarmMonth(hub.at, reachMs(warm.meta), null))) delete warm.visits[id];
      }
      expect(Object.keys(warm.visits).length).toBeLessThan(5_000);
      const reopened = make();
      expect(await reopened.open()).toEqual({ state: warm, revision: hub.revision });
      await reopened.close();
      // ...and nothing is lost: a store told it is 2021 again loads every month.
      expect(await make({ now: () => Date.UTC(2021, 0, 1) }).open()).toEqual({ state: hub.state, revision: hub.revision });
    }, 60_000);
  });

  describe('power cuts', () => {
    /** Seed, then 12 groups of two entries, a checkpoint every 4 groups. Stops at the first failure ("death"). */
    async function workload(fs: FaultFs, onAck: (seq: number) => void, states: HubState[]): Promise<void> {
      const hub = new HubModel();
      const store = new LowdbStore({ dir: '/salon/data', fs });
      try {
        await store.open();
        const seed = hub.seed();
        states[1] = structuredClone(hub.state);
        await store.append(seed).then(() => onAck(1));
        for (let i = 0; i < 12; i++) {
          const pending: Promise<void>[] = [];
          // One at a time: each entry changes the model when it is made.
          for (const next of [() => hub.checkIn(`v${i}`, `c${i}`), () => hub.closeVisit(`v${i}`)]) {
            const entry = next();
            states[entry.seq] = structuredClone(hub.state);
            pending.push(store.append(entry).then(() => onAck(entry.seq)));
          }
          if (i % 4 === 3) pending.push(store.checkpoint(hub.state, hub.revision));
          await Promise.all(pending);
        }
      } catch {
        // The process died here.
      }
    }

    it('keeps every acknowledged entry whatever instant the power goes', async () => {
      const probe = new FaultFs(new SimFs());
      await workload(probe, () => {}, []);
      const total = probe.calls.length;
      expect(total).toBeGreaterThan(100);
      const outcomes = new Set<number>();
      for (let crashPoint = 1; crashPoint <= total; crashPoint++) {
        const disk = new SimFs(seededRandom(crashPoint));
        const fs = new FaultFs(disk);
        fs.crashAfter(crashPoint);
        let acked = 0;
        const states: HubState[] = [];
        await workload(fs, (seq) => void (acked = Math.max(acked, seq)), states);

        const after = disk.powerCut({ torn: crashPoint % 2 === 0 });
        const restarted = new LowdbStore({ dir: '/salon/data', fs: after, isPidAlive: () => false });
        const where = `power cut after ${crashPoint} of ${total} calls`;
        const loaded = await restarted.open();
        const revision = loaded?.revision ?? 0;
        expect(revision, where).toBeGreaterThanOrEqual(acked);
        if (revision > 0) expect(loaded?.state, where).toEqual(states[revision]);
        outcomes.add(revision);
        await restarted.close();
      }
      // The cuts landed all along the run, not only at its start or end.
      expect(outcomes.size).toBeGreaterThan(10);
    });
  });
});

/** A StoreFs whose file handles run `datasync` through `hook` (to hold a flush in progress). */
/** Hooks the fdatasync of journal segments (not of the high-water mark, written after them, off the ack path). */
function withDatasync(inner: StoreFs, hook: (datasync: () => Promise<void>) => Promise<void>): StoreFs {
  return {
    ...inner,
    async open(name, flags, mode) {
      const handle = await inner.open(name, flags, mode);
      const wrapped: StoreFileHandle = {
        write: (data, position) => handle.write(data, position),
        datasync: () => (JOURNAL.test(name) ? hook(() => handle.datasync()) : handle.datasync()),
        sync: () => handle.sync(),
        truncate: (length) => handle.truncate(length),
        close: () => handle.close(),
      };
      return wrapped;
    },
  };
}

function seededRandom(seed: number): () => number {
  let x = seed * 2654435761;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}
