import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_MONTHS_DIR } from './client-month-index.ts';
import { LowdbStore } from './lowdb.store.ts';
import { nodeStoreFs, type StoreFs } from './store-fs.ts';
import { HubModel, makeClient, makeVisit, T0 } from './testing/fixtures.ts';
import { digestOfVisit } from './visit-digest.ts';

/**
 * What the daily follow-up sweep needs of the visits left on disk (#16) comes from the per-client month index, made
 * once when the month was indexed: asking for it reads no file (the sweep read five years of history at each start
 * and day change), and it says the same as the history read whole.
 */
const DAY = 24 * 60 * 60 * 1000;
const FIVE_YEARS_BACK = T0 - 5 * 365 * DAY;

describe('LowdbStore.clientVisitDigests', () => {
  let dir: string;
  let reads: string[] = [];
  const open: LowdbStore[] = [];
  /** Node's file system, every file read counted (a store on another fs than Node's reads months on the main thread). */
  const counting: StoreFs = {
    ...nodeStoreFs,
    readFile: async (file: string) => {
      reads.push(file);
      return nodeStoreFs.readFile(file);
    },
  } as StoreFs;
  const make = (fs?: StoreFs): LowdbStore => {
    const store = new LowdbStore({ dir, ...(fs ? { fs } : {}) });
    open.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'glow-digests-'));
    reads = [];
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})));
    await rm(dir, { recursive: true, force: true });
  });

  /** Sixty months of Anna and Bo (one of Bo's closed without a closing time), checkpointed: most months stay cold. */
  async function fiveYears(): Promise<void> {
    const hub = new HubModel();
    const store = make();
    await store.open();
    await store.append(hub.seed());
    const visits: Record<string, ReturnType<typeof makeVisit>> = {};
    for (let month = 0; month < 60; month++) {
      const at = FIVE_YEARS_BACK + month * 30 * DAY;
      visits[`a${month}`] = { ...makeVisit(`a${month}`, 'anna', 'closed', at), staffId: month % 3 ? 'staff-1' : null };
      if (month % 2 === 0) visits[`b${month}`] = makeVisit(`b${month}`, 'bo', 'closed', at + DAY);
    }
    visits.b4 = { ...visits.b4!, times: { checked_in: visits.b4!.times.checked_in!, in_service: visits.b4!.times.checked_in! + 5 } };
    await store.append(hub.entry({ clients: { anna: makeClient('anna'), bo: makeClient('bo') }, visits }));
    await store.checkpoint(hub.state, hub.revision);
    await store.append(hub.addClient('cy'));
    await store.close();
  }

  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

  it('reads no month file, and says what the history read whole says', async () => {
    await fiveYears();
    const store = make(counting);
    await store.open();
    await store.clientLastMonths(); // the index is ready
    reads = [];
    const digests = await store.clientVisitDigests(['anna', 'bo', 'cy']);
    expect(reads).toEqual([]);
    const history = await store.clientHistory(['anna', 'bo', 'cy']);
    expect(reads.length).toBeGreaterThan(0); // the counter sees month reads
    expect(digests.length).toBeGreaterThan(40);
    expect(byId(digests)).toEqual(byId(history.flatMap((v) => digestOfVisit(v) ?? [])));
    expect(digests.find((d) => d.id === 'b4')?.times.closed).toBe(history.find((v) => v.id === 'b4')!.times.in_service);
    expect(await store.clientVisitDigests([])).toEqual([]);
  });

  it('an index entry written before digests existed is rebuilt at start, with them', async () => {
    await fiveYears();
    const first = make();
    await first.open();
    const expected = byId(await first.clientVisitDigests(['anna', 'bo']));
    await first.close();
    const folder = path.join(dir, CLIENT_MONTHS_DIR);
    for (const name of await readdir(folder)) {
      const entry = JSON.parse(await readFile(path.join(folder, name), 'utf8')) as Record<string, unknown>;
      delete entry.digests;
      await writeFile(path.join(folder, name), JSON.stringify(entry));
    }
    const store = make();
    await store.open();
    expect(byId(await store.clientVisitDigests(['anna', 'bo']))).toEqual(expected);
  });
});
