import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateAll, QueueReplay, type Visit } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { DerivedFigures, WAIT_CLOCK_MS } from './derived-figures.ts';
import { floorOf } from './floor-of.ts';
import { demoState, testVisit } from './test-state.ts';

const T0 = Date.parse('2026-06-15T10:00:00Z');

/** Everyone on the demo's staff signed in on the morning of T0 (the estimates count only staff present today). */
const allPresent = (state: HubState) =>
  Object.fromEntries(Object.keys(state.staff).map((id) => [id, { day: '2026-06-15', at: T0 - 3_600_000, by: id }]));

function figuresOver(state: HubState) {
  state.meta.presence ??= allPresent(state);
  const active = () => Object.values(state.visits).filter((v) => v.state !== 'closed');
  return { figures: new DerivedFigures(() => state, active), active };
}

const queued = (id: string, rank: number, extra: Partial<Visit> = {}): Visit =>
  testVisit({ id, state: 'queued', times: { checked_in: T0 - 60_000, queued: T0 - 60_000 }, queueRank: rank, ...extra });

/** The waits a replay of the whole floor gives at `now` (to the resolution the figures look at the clock). */
function fullReplay(state: HubState, active: () => Visit[], now: number) {
  const at = Math.floor(now / WAIT_CLOCK_MS) * WAIT_CLOCK_MS;
  return estimateAll(floorOf(state, active()), at, state.meta.floor, Object.values(state.services));
}

describe('DerivedFigures', () => {
  afterEach(() => vi.restoreAllMocks());

  it('extends its replay for check-ins at the back of a long queue, and equals a full replay after each', async () => {
    const state = await demoState();
    for (let i = 0; i < 200; i++) state.visits[`q${i}`] = queued(`q${String(i).padStart(3, '0')}`, i);
    const { figures, active } = figuresOver(state);
    figures.at(T0);
    const runs = vi.spyOn(QueueReplay, 'run');
    let replays = 0;
    for (let i = 0; i < 20; i++) {
      const v = queued(`new${i}`, 1_000 + i);
      const now = T0 + i;
      const before = runs.mock.calls.length;
      // The decision reads the newcomer's wait before it joins; the figures then carry it.
      const told = figures.waitOf(v, now);
      state.visits[v.id] = v;
      const { estimates } = figures.at(now);
      replays += runs.mock.calls.length - before;
      const full = fullReplay(state, active, now);
      expect(estimates.byVisit).toEqual(full.byVisit);
      expect(told).toBe(full.byVisit.get(v.id));
      for (const [id, wait] of full.byService) expect(estimates.byService.get(id)?.estimateMin).toBe(wait);
    }
    expect(replays).toBe(0);
  }, 60_000);

  it('replays afresh when anything else changes, or the clock reaches the next quarter minute', async () => {
    const state = await demoState();
    for (let i = 0; i < 5; i++) state.visits[`q${i}`] = queued(`q${i}`, i);
    const { figures, active } = figuresOver(state);
    figures.at(T0);
    const runs = vi.spyOn(QueueReplay, 'run');
    /** The figures at `now`, and how many replays of the whole floor they took. */
    const at = (now: number) => {
      const before = runs.mock.calls.length;
      const { estimates } = figures.at(now);
      return { byVisit: estimates.byVisit, replays: runs.mock.calls.length - before };
    };
    // A visit ahead changes (here: it leaves the queue): everyone behind it may move.
    state.visits['q0'] = { ...state.visits['q0']!, state: 'cancelled' };
    expect(at(T0 + 10)).toEqual({ byVisit: fullReplay(state, active, T0 + 10).byVisit, replays: 1 });
    expect(at(T0 + WAIT_CLOCK_MS)).toEqual({ byVisit: fullReplay(state, active, T0 + WAIT_CLOCK_MS).byVisit, replays: 1 });
    // Nothing changed, same quarter minute: the same replay.
    expect(at(T0 + WAIT_CLOCK_MS + 500).replays).toBe(0);
  });

  it('replays afresh when who is present changes: a wait never counts on someone not here (#11)', async () => {
    const state = await demoState();
    state.meta.presence = {};
    for (let i = 0; i < 3; i++) state.visits[`q${i}`] = queued(`q${i}`, i);
    const { figures, active } = figuresOver(state);
    // Nobody signed in yet: no wait can be promised.
    expect([...figures.at(T0).estimates.byVisit.values()]).toEqual([null, null, null]);
    // The staff sign in (a new presence record, as the engine writes it): the waits follow at once.
    state.meta = { ...state.meta, presence: allPresent(state) };
    const after = figures.at(T0 + 10).estimates.byVisit;
    expect(after).toEqual(fullReplay(state, active, T0 + 10).byVisit);
    expect(after.get('q0')).toBe(0);
  });

  it('tells overruns: sessions in service past their planned end', async () => {
    const state = await demoState();
    const service = Object.values(state.services)[0]!;
    state.visits['s'] = testVisit({ id: 's', serviceId: service.id, state: 'in_service', times: { in_service: T0 - (service.durationMin + 1) * 60_000 } });
    const { figures } = figuresOver(state);
    expect([...figures.at(T0).overrun]).toEqual(['s']);
    expect([...figures.at(T0 - 2 * 60_000).overrun]).toEqual([]);
  });
});
