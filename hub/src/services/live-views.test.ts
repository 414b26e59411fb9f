import { describe, expect, it } from 'vitest';
import { estimateAll } from '@glow/shared';
import { DerivedFigures } from './derived-figures.ts';
import { floorOf } from './floor-of.ts';
import { LiveViews } from './live-views.ts';
import { demoState, testVisit } from './test-state.ts';
import type { HubState } from '../store/hub-state.ts';

const NOW = 1_000;

function viewsOver(state: HubState) {
  const active = () => Object.values(state.visits);
  return new LiveViews({ state: () => state, activeVisits: active, recentLowRatings: () => [], figures: new DerivedFigures(() => state, active), clock: () => NOW });
}

function queue(state: HubState, id: string, rank: number): HubState['visits'] {
  const visit = testVisit({ id, state: 'queued', times: { checked_in: 900, queued: 900 }, queueRank: rank });
  state.visits[id] = visit;
  return { [id]: visit };
}

/** Every queued visit's wait as a replay of the whole floor gives it. */
const fullReplay = (state: HubState) =>
  estimateAll(floorOf(state, Object.values(state.visits)), NOW, state.meta.floor, Object.values(state.services)).byVisit;

describe('live views: waits', () => {
  it('carries the present waits of a long queue in every patch, never those of an earlier revision', async () => {
    const state = await demoState();
    for (let i = 0; i < 300; i++) queue(state, `q${String(i).padStart(3, '0')}`, i);
    const views = viewsOver(state);
    views.current();
    for (const [i, id] of ['v1', 'v2', 'v3'].entries()) {
      const patch = views.next({ visits: queue(state, id, 1_000 + i) }, 2 + i).staff({ kind: 'floor' });
      await new Promise((r) => setImmediate(r));
      const expected = fullReplay(state);
      expect(views.current().estimates.byVisit).toEqual(expected);
      expect(patch.set.visits?.[id]?.estimateMin).toBe(expected.get(id));
    }
  });
});
