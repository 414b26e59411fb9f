import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateAll, type Visit } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { ActiveVisits } from './active-visits.ts';
import { DerivedFigures, WAIT_CLOCK_MS } from './derived-figures.ts';
import { floorOf } from './floor-of.ts';
import { demoState, testVisit } from './test-state.ts';

const T0 = Date.parse('2026-06-15T10:00:00Z');

/**
 * The figures as the hub runs them: driven by the active-visit index's change log (only the visits changed since the
 * last look are looked at). Whatever the commands, the waits must be exactly those of a full replay of the floor.
 */
const command = fc.oneof(
  // A walk-in at the back of the queue (the common case: the replay is extended).
  fc.record({ kind: fc.constant('checkIn' as const), service: fc.nat(20), ahead: fc.constantFrom(false, false, false, true) }),
  // A waiting or served visit leaves the floor, or one waiting is taken in (everyone behind may move).
  fc.record({ kind: fc.constantFrom('cancel' as const, 'start' as const), pick: fc.nat(1000) }),
  // A check-in cancelled before anyone looked: it comes and goes between two looks.
  fc.record({ kind: fc.constant('flash' as const), service: fc.nat(20) }),
  // The clock moves on (sometimes into the next quarter minute).
  fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 2 * WAIT_CLOCK_MS }) }),
);

describe('DerivedFigures over the change log', () => {
  it('always equals a full replay of the floor, whatever the commands and whenever it looks', async () => {
    const base = await demoState();
    const staffIds = Object.keys(base.staff);
    const presence = Object.fromEntries(staffIds.map((id) => [id, { day: '2026-06-15', at: T0 - 3_600_000, by: id }]));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(command, fc.boolean()), { minLength: 1, maxLength: 40 }), fc.nat(30), async (commands, queuedAtStart) => {
        const state: HubState = structuredClone(base);
        state.meta.presence = presence;
        const services = Object.values(state.services);
        let rank = 0;
        let n = 0;
        const queued = (serviceIndex: number, now: number, r: number): Visit =>
          testVisit({
            id: `v${String(++n).padStart(4, '0')}`,
            serviceId: services[serviceIndex % services.length]!.id,
            state: 'queued',
            times: { checked_in: now, queued: now },
            queueRank: r,
          });
        const index = new ActiveVisits();
        const put = (v: Visit | null, id: string) => {
          if (v) state.visits[id] = v;
          else delete state.visits[id];
          index.note({ [id]: v });
        };
        for (let i = 0; i < queuedAtStart; i++) {
          const v = queued(i, T0 - 60_000, ++rank);
          state.visits[v.id] = v;
        }
        index.rebuild(state.visits);
        const figures = new DerivedFigures(() => state, () => index.list(state), index);
        let now = T0;
        for (const [cmd, look] of commands) {
          switch (cmd.kind) {
            case 'checkIn': {
              const v = queued(cmd.service, now, cmd.ahead ? rank - 3 : ++rank);
              // The decision reads the newcomer's wait before it joins: what a full replay with it says.
              const told = figures.waitOf(v, now);
              put(v, v.id);
              expect(told).toBe(fullReplay(state, index, now).byVisit.get(v.id));
              break;
            }
            case 'flash': {
              const v = queued(cmd.service, now, ++rank);
              put(v, v.id);
              put({ ...v, state: 'cancelled' }, v.id);
              break;
            }
            case 'cancel':
            case 'start': {
              const active = index.list(state);
              const v = active[cmd.pick % Math.max(1, active.length)];
              if (!v) break;
              if (cmd.kind === 'cancel') put({ ...v, state: 'cancelled' }, v.id);
              else if (v.state === 'queued') put({ ...v, state: 'in_service', times: { ...v.times, in_service: now } }, v.id);
              break;
            }
            case 'tick':
              now += cmd.ms;
              break;
          }
          if (!look) continue;
          const { estimates } = figures.at(now);
          const full = fullReplay(state, index, now);
          expect(estimates.byVisit).toEqual(full.byVisit);
          for (const [id, wait] of full.byService) expect(estimates.byService.get(id)?.estimateMin).toBe(wait);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

/** The waits a replay of the whole floor gives at `now` (to the resolution the figures look at the clock). */
function fullReplay(state: HubState, index: ActiveVisits, now: number) {
  const at = Math.floor(now / WAIT_CLOCK_MS) * WAIT_CLOCK_MS;
  return estimateAll(floorOf(state, index.list(state)), at, state.meta.floor, Object.values(state.services));
}
