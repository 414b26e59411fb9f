import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings, type FollowUpTask } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { applyChanges } from '../../store/apply-changes.ts';
import type { HubEngine } from '../hub-engine.ts';
import { testClient, outboxTestState } from '../outbox/test-outbox-state.ts';
import { testVisit } from '../test-state.ts';
import { decideFollowUpSweep, taskIdFor } from './follow-up-decisions.ts';
import { FollowUpSweeper } from './follow-up-scheduler.ts';
import { finishSweep, sweepInSlices, SweepWatch } from './follow-up-sweep-slices.ts';

/**
 * The sweep sums up visits in slices while the floor goes on (#16): whatever a session close or a merge changed
 * meanwhile is decided on as it is now, never on the summary made before.
 */

const DAY = 86_400_000;
// Lapsed long enough for the win-back: the default interval (no service interval in this state) plus its days.
const settings: FollowUpSettings = {
  ...DEFAULT_FOLLOW_UP_SETTINGS,
  rules: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules, win_back: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.win_back, enabled: true } },
};
const NOW = Date.parse('2026-12-03T02:00:00Z'); // 10:00 in Asia/Shanghai
const overdueDays = settings.classes.defaultIntervalDays + settings.rules.win_back.days;
const lastVisitAt = NOW - overdueDays * DAY;
const yes = { consents: [{ kind: 'marketing' as const, version: 1, granted: true, at: 0 }] };

/** Clients c1…c5, each with one visit closed exactly her win-back's days ago: each is owed a win-back today. */
function lapsedSalon(): HubState {
  const state = outboxTestState(['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => testClient(id, yes)));
  state.meta.followUps = settings;
  for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) {
    state.visits[`old-${id}`] = testVisit({ id: `old-${id}`, clientId: id, state: 'closed', times: { checked_in: lastVisitAt - 3_600_000, closed: lastVisitAt } });
  }
  return state;
}

const winBackId = (clientId: string) => taskIdFor(`win_back:${clientId}:old-${clientId}`);
const winBacksOf = (changes: Changes) =>
  Object.values(changes.followUpTasks ?? {})
    .filter((t): t is FollowUpTask => t !== null && t.rule === 'win_back' && t.state === 'open')
    .map((t) => t.clientId)
    .sort();

/**
 * What happened on the floor while the slices ran: c1 came back, c2's win-back was made and cancelled, c3's visit
 * moved to c4 (a merge), c5 said no to marketing.
 */
function meanwhile(state: HubState, now: number): Changes {
  const cancelled: FollowUpTask = {
    id: winBackId('c2'),
    clientId: 'c2',
    visitId: null,
    bookingId: null,
    productId: null,
    rule: 'win_back',
    dueDate: '2026-12-03',
    assigneeId: null,
    dedupeKey: `win_back:c2:old-c2`,
    state: 'cancelled',
    createdAt: now,
    attempts: [],
  };
  const changes: Changes = {
    visits: {
      back: testVisit({ id: 'back', clientId: 'c1', state: 'closed', times: { checked_in: now - 3_600_000, closed: now - 60_000 } }),
      'old-c3': { ...state.visits['old-c3']!, clientId: 'c4' },
    },
    followUpTasks: { [cancelled.id]: cancelled },
    clients: { c5: testClient('c5', { consents: [...yes.consents, { kind: 'marketing', version: 1, granted: false, at: now }] }) },
  };
  applyChanges(state, changes);
  return changes;
}

describe('the sweep in slices, with the floor changing meanwhile', () => {
  it('decides on the current state: no win-back for who came back, a cancelled task left cancelled, a merge counted', async () => {
    const state = lapsedSalon();
    // Before anything happens, the sweep owes all four a win-back.
    expect(winBacksOf(decideFollowUpSweep(state, NOW))).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    const watch = new SweepWatch();
    let turns = 0;
    const found = await sweepInSlices(state, '2026-12-03', async () => (turns++, true), 1);
    expect(turns).toBeGreaterThan(4);
    watch.note(meanwhile(state, NOW));
    const changes = finishSweep(state, NOW, found!, watch);
    // c1 came back (a visit closed meanwhile), c2's task exists (cancelled: left so), c3 has no visit left, c5 said
    // no to marketing; c4 is still owed hers, under the key of her own last visit.
    expect(winBacksOf(changes)).toEqual(['c4']);
    expect(changes.followUpTasks?.[winBackId('c2')]).toBeUndefined();
    // The same answer as a sweep made at once on the state as it is now.
    expect(changes).toEqual(decideFollowUpSweep(state, NOW));
  });

  it('reads each client\'s visits through an index of visit ids (the hub\'s search index) to the same answer', async () => {
    const state = lapsedSalon();
    const byClient = (ids: readonly string[]) => Object.values(state.visits).filter((v) => ids.includes(v.clientId)).map((v) => v.id);
    const watch = new SweepWatch();
    const found = await sweepInSlices(state, '2026-12-03', async () => true, 2, async (ids) => byClient(ids));
    watch.note(meanwhile(state, NOW));
    expect(winBacksOf(finishSweep(state, NOW, found!, watch))).toEqual(['c4']);
  });

  it('the sweeper sees what the engine applies between its slices, and gives up when told to stop', async () => {
    const state = lapsedSalon();
    let listener: ((changes: Changes) => void) | null = null;
    const executed: Changes[] = [];
    const engine = {
      state,
      accepting: true,
      execute: async (_meta: unknown, decide: () => { changes: Changes }) => {
        const { changes } = decide();
        applyChanges(state, changes);
        executed.push(changes);
        return { ok: true, data: {} };
      },
    } as unknown as HubEngine;
    let pauses = 0;
    const logger = { info() {}, warn() {}, error() {} } as never;
    const sweeper = new FollowUpSweeper({
      engine,
      clock: () => NOW,
      logger,
      applied: { watch: (l) => (listener = l) },
      // Between the slices, the floor closes c1's visit and the rest of `meanwhile`, through the engine's `applied`.
      pause: (goOn) => async () => {
        if (++pauses === 2) listener!(meanwhile(state, NOW));
        await new Promise((resolve) => setImmediate(resolve));
        return goOn();
      },
    });
    expect(await sweeper.sweep()).toBe(true);
    expect(pauses).toBe(2); // one slice of visits, one of clients: the change came after every summary was made
    expect(executed).toHaveLength(1);
    expect(winBacksOf(executed[0]!)).toEqual(['c4']);
    // Swept: a second sweep finds everything made already.
    expect(await sweeper.sweep()).toBe(false);

    // A sweep under way when the hub stops writes nothing.
    const again = lapsedSalon();
    const stopped = new FollowUpSweeper({ engine: { ...engine, state: again } as unknown as HubEngine, clock: () => NOW, logger });
    const run = stopped.sweep();
    stopped.stop();
    expect(await run).toBe(false);
    expect(executed).toHaveLength(1);
  });
});
