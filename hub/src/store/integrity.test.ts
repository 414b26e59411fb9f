import { mkdtemp, readdir, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HIGH_WATER_FILE, readHighWater } from './high-water.ts';
import { LowdbStore, type LowdbStoreOptions } from './lowdb.store.ts';
import { MANIFEST_FILE, type Manifest } from './manifest.ts';
import { nodeStoreFs } from './store-fs.ts';
import { StoreError, type StorePort } from './store.port.ts';
import type { StoreLogger } from './store-logger.ts';
import { FaultFs } from './testing/fault-fs.ts';
import { HubModel } from './testing/fixtures.ts';

const JOURNAL = /^journal-\d+\.jsonl$/;

type Logged = { level: 'info' | 'warn' | 'error'; obj: object; msg: string };
function recordingLogger(): StoreLogger & { lines: Logged[] } {
  const lines: Logged[] = [];
  return {
    lines,
    info: (obj, msg) => void lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => void lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => void lines.push({ level: 'error', obj, msg }),
  };
}

/**
 * Start-up checks what the store recorded about itself (issue #10, finding 7): the journal must reach the highest
 * acknowledged revision (journal.high-water, the manifests), and each snapshot file must be byte for byte what was
 * written (its SHA-256 in the manifest). Otherwise it recovers from the older generation, or refuses.
 */
describe('LowdbStore start-up integrity', () => {
  let dir: string;
  const stores: StorePort[] = [];
  const make = (options: Partial<LowdbStoreOptions> = {}): LowdbStore => {
    const store = new LowdbStore({ dir, ...options });
    stores.push(store);
    return store;
  };
  const file = (name: string): string => path.join(dir, name);
  const journalFiles = async (): Promise<string[]> => (await readdir(dir)).filter((n) => JOURNAL.test(n)).sort();

  /** Seed, two checkpoints, then `after` acknowledged check-ins in the newest segment; a clean close. */
  async function history(after: number): Promise<HubModel> {
    const hub = new HubModel();
    const store = make();
    await store.open();
    await store.append(hub.seed());
    for (const round of [0, 1]) {
      await store.append(hub.checkIn(`v${round}`, `c${round}`));
      await store.checkpoint(hub.state, hub.revision);
    }
    for (let i = 0; i < after; i++) await store.append(hub.checkIn(`late${i}`, `lc${i}`));
    await store.close();
    return hub;
  }

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'glow-integrity-'));
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  it('records the last acknowledged revision beside the journal', async () => {
    const hub = await history(5);
    expect(await readHighWater(nodeStoreFs, dir)).toEqual({ status: 'ok', revision: hub.revision });
  });

  it('refuses to start when the newest journal segment was deleted, saying how many acknowledged changes are missing', async () => {
    const hub = await history(30);
    const newest = (await journalFiles()).at(-1)!;
    await unlink(file(newest));
    const err = await make()
      .open()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('corrupt');
    expect((err as StoreError).details.canAcceptLoss).toBe(true);
    const message = (err as StoreError).message;
    expect(message).toContain(`entries up to ${hub.revision} were acknowledged`);
    expect(message).toContain('30 acknowledged changes are missing');
    expect(message).toContain('Backups');
  });

  it('refuses to start when the newest segment was cut back to a line boundary, without calling the lost entries unacknowledged', async () => {
    const hub = await history(10);
    const newest = (await journalFiles()).at(-1)!;
    const lines = (await readFile(file(newest), 'utf8')).split('\n');
    await writeFile(file(newest), `${lines.slice(0, 4).join('\n')}\n`);
    const logger = recordingLogger();
    const err = await make({ logger })
      .open()
      .catch((e: unknown) => e);
    expect((err as StoreError).kind).toBe('corrupt');
    expect((err as StoreError).message).toContain(`${newest}: the journal ends at entry ${hub.revision - 6}`);
    expect(logger.lines.map((l) => l.msg).join('\n')).not.toMatch(/never acknowledged/);
  });

  it('refuses a segment cut in the middle of a line, and names the cut instead of calling it unacknowledged', async () => {
    await history(10);
    const newest = (await journalFiles()).at(-1)!;
    const bytes = await readFile(file(newest));
    await truncate(file(newest), Math.floor(bytes.length / 2));
    const logger = recordingLogger();
    const err = await make({ logger })
      .open()
      .catch((e: unknown) => e);
    expect((err as StoreError).message).toMatch(/acknowledged changes are missing.*its last line is cut off/);
    expect(logger.lines.map((l) => l.msg).join('\n')).not.toMatch(/never acknowledged/);
  });

  it('still drops, as unacknowledged, a torn line past the last acknowledged revision', async () => {
    const hub = await history(3);
    const newest = (await journalFiles()).at(-1)!;
    await writeFile(file(newest), `${await readFile(file(newest), 'utf8')}{"seq":${hub.revision + 1},"at":`);
    const logger = recordingLogger();
    expect(await make({ logger }).open()).toEqual({ state: hub.state, revision: hub.revision });
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.msg)).toContainEqual(
      expect.stringMatching(/never acknowledged/),
    );
  });

  it('starts from what is left only when the loss is accepted, logs it as an error, and the next start agrees', async () => {
    const hub = await history(30);
    const newest = (await journalFiles()).at(-1)!;
    await unlink(file(newest));
    const logger = recordingLogger();
    const accepted = make({ logger, acceptDataLoss: true });
    const loaded = await accepted.open();
    expect(loaded?.revision).toBe(hub.revision - 30);
    const error = logger.lines.find((l) => l.level === 'error');
    expect(error?.obj).toMatchObject({ event: 'data_loss_accepted', acknowledged: hub.revision, lost: 30 });
    await accepted.close();
    // The accepted state is the new baseline: a start without the flag no longer refuses.
    expect((await make().open())?.revision).toBe(hub.revision - 30);
  });

  it('refuses to start on empty data when only the high-water mark is left', async () => {
    await history(2);
    for (const name of await readdir(dir)) if (name !== HIGH_WATER_FILE) await unlink(file(name));
    await expect(make().open()).rejects.toThrow(/acknowledged changes, but there is no snapshot/);
  });

  it('starts, with a warning, when the high-water mark itself is damaged (the manifests still bound the journal)', async () => {
    const hub = await history(3);
    await writeFile(file(HIGH_WATER_FILE), 'garbage');
    const logger = recordingLogger();
    expect(await make({ logger }).open()).toEqual({ state: hub.state, revision: hub.revision });
    expect(logger.lines.map((l) => l.msg)).toContainEqual(expect.stringMatching(/high-water mark is damaged/));
  });

  it('does not accept a snapshot file edited into other valid JSON: rebuilds it from the older generation and the journal', async () => {
    const hub = await history(3);
    const manifest = JSON.parse(await readFile(file(MANIFEST_FILE), 'utf8')) as Manifest;
    const clients = manifest.partitions.find((n) => n.startsWith('clients.'))!;
    const data = JSON.parse(await readFile(file(clients), 'utf8')) as { clients: Record<string, { firstName: string }> };
    const first = Object.values(data.clients)[0]!;
    first.firstName = 'Edited';
    await writeFile(file(clients), JSON.stringify(data));
    const logger = recordingLogger();
    expect(await make({ logger }).open()).toEqual({ state: hub.state, revision: hub.revision });
    expect(JSON.stringify(logger.lines)).toContain(`${clients}: its content differs from what was written`);
  });

  it('refuses an edited snapshot file that no older generation can replace, naming it', async () => {
    await history(3);
    const manifest = JSON.parse(await readFile(file(MANIFEST_FILE), 'utf8')) as Manifest;
    const settings = manifest.partitions.find((n) => n.startsWith('settings.'))!;
    const data = JSON.parse(await readFile(file(settings), 'utf8')) as { meta: { salon: { name: string } } };
    data.meta.salon.name = 'Not my salon';
    await writeFile(file(settings), JSON.stringify(data));
    const err = await make()
      .open()
      .catch((e: unknown) => e);
    expect((err as StoreError).kind).toBe('corrupt');
    expect((err as StoreError).message).toContain(`${settings}: its content differs from what was written`);
  });

  it('reports whether the last write reached the disk', async () => {
    const fs = new FaultFs();
    const hub = new HubModel();
    const store = make({ fs });
    await store.open();
    expect(store.writeStatus()).toEqual({ writable: true });
    await store.append(hub.seed());
    fs.failNext('write', { match: /journal-\d+\.jsonl$/, code: 'ENOSPC', times: 100 });
    await expect(store.append(hub.addClient('a'))).rejects.toThrow(StoreError);
    const status = store.writeStatus();
    expect(status.writable).toBe(false);
    expect(!status.writable && status.reason).toMatch(/ENOSPC/);
    fs.clearFaults();
    await store.reload();
    hub.revision -= 1;
    await store.append(hub.addClient('b'));
    expect(store.writeStatus()).toEqual({ writable: true });
  });
});
