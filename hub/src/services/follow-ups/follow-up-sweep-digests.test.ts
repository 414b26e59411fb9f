import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings, type Service, type Visit } from '@glow/shared';
import { LowdbStore } from '../../store/lowdb.store.ts';
import { nodeStoreFs, type StoreFs } from '../../store/store-fs.ts';
import { HubModel, makeClient, makeVisit, sampleMeta, T0 } from '../../store/testing/fixtures.ts';
import { decideFollowUpSweep } from './follow-up-decisions.ts';
import { finishSweep, sweepInSlices, SweepWatch } from './follow-up-sweep-slices.ts';

/**
 * The daily sweep sums up the visits left on disk from the store's month index (clientVisitDigests), not from the
 * history read off the month files (#16): the same decisions as with the whole history, and no file read.
 */
const DAY = 86_400_000;
const settings: FollowUpSettings = {
  ...DEFAULT_FOLLOW_UP_SETTINGS,
  rules: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules, win_back: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.win_back, enabled: true } },
};
const service = (id: string, weeks: number | undefined, priceMinor?: number): Service => ({
  id,
  category: 'face',
  name: { en: id, 'zh-CN': id },
  durationMin: 60,
  requiredSkill: 'facial',
  equipment: [],
  aftercare: { en: 'Rest', 'zh-CN': '休息' },
  ...(weeks ? { usualIntervalWeeks: weeks } : {}),
  ...(priceMinor ? { priceMinor } : {}),
});
const services = { 'svc-facial': service('svc-facial', 26, 38_000), 'svc-peel': service('svc-peel', 8), 'svc-brow': service('svc-brow', undefined) };
const LAST_DAY = new Date(T0).toISOString().slice(0, 10);
const TODAY = addDays(LAST_DAY, 26 * 7 + settings.rules.win_back.days);
const NOW = Date.parse(`${TODAY}T10:00:00Z`);

describe('the sweep from the month index', () => {
  let dir: string;
  let clock = T0;
  let reads: string[] = [];
  const open: LowdbStore[] = [];
  const counting = { ...nodeStoreFs, readFile: async (file: string) => (reads.push(file), nodeStoreFs.readFile(file)) } as StoreFs;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'glow-sweep-digests-'));
    reads = [];
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})));
    await rm(dir, { recursive: true, force: true });
  });

  /**
   * Twenty clients (marketing yes), visits over five years on three services (one without an interval, one without a
   * price), the latest of each a few days either side of her win-back day; one came back recently (in the state);
   * checkpointed on TODAY's eve, so the old months stay on disk at the next start.
   */
  async function salonOnDisk(): Promise<void> {
    const hub = new HubModel();
    const store = new LowdbStore({ dir, now: () => clock });
    open.push(store);
    await store.open();
    await store.append(hub.entry({ meta: { ...sampleMeta(), followUps: settings }, services }, { command: 'salon:seed' }));
    const clients: Record<string, ReturnType<typeof makeClient>> = {};
    const visits: Record<string, Visit> = {};
    const kinds = Object.keys(services);
    for (let i = 0; i < 20; i++) {
      const id = `c${i}`;
      clients[id] = { ...makeClient(id), consents: [{ kind: 'marketing' as const, version: 1, granted: true, at: T0 - 6 * 365 * DAY }] };
      const count = 1 + (i % 5);
      for (let k = 0; k < count; k++) {
        const at = T0 - (i % 7) * DAY - k * (40 + i) * DAY;
        const visit = { ...makeVisit(`${id}-v${k}`, id, 'closed', at), serviceId: kinds[(i + k) % kinds.length]!, staffId: k % 2 ? 'staff-1' : null };
        // One closed without a closing time: its day is when it began.
        if (i === 3 && k === 0) visit.times = { checked_in: at, in_service: at + 1_000 };
        visits[visit.id] = visit;
      }
    }
    await store.append(hub.entry({ clients, visits }));
    clock = NOW - DAY;
    await store.append(hub.entry({ visits: { 'c5-back': makeVisit('c5-back', 'c5', 'closed', clock - 2 * DAY) } }, { at: clock }));
    await store.checkpoint(hub.state, hub.revision);
    await store.close();
  }

  it('decides the same as with the whole history read off disk, and reads no month file', async () => {
    await salonOnDisk();
    clock = NOW;
    const store = new LowdbStore({ dir, now: () => clock, fs: counting });
    open.push(store);
    const { state } = (await store.open())!;
    expect(Object.keys(state.visits).filter((id) => id.startsWith('c') && id !== 'c5-back')).toEqual([]); // all on disk
    await store.clientLastMonths(); // the index is ready
    reads = [];
    const found = await sweepInSlices(state, TODAY, async () => true, 3, undefined, store);
    const fromIndex = finishSweep(state, NOW, found!, new SweepWatch());
    expect(reads).toEqual([]);

    const history = await store.clientHistory(Object.keys(state.clients));
    expect(reads.length).toBeGreaterThan(0);
    const fromHistory = decideFollowUpSweep(state, NOW, undefined, history);
    expect(fromIndex).toEqual(fromHistory);
    const winBacks = Object.values(fromIndex.followUpTasks ?? {}).filter((t) => t?.rule === 'win_back');
    expect(winBacks.length).toBeGreaterThan(0);
    expect(winBacks.some((t) => t?.clientId === 'c5')).toBe(false); // she came back: the state's visit counts
  });
});
