import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings, type FollowUpTask, type Service } from '@glow/shared';
import { applyChanges } from '../../store/apply-changes.ts';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { LowdbStore } from '../../store/lowdb.store.ts';
import { HubModel, makeClient, makeVisit, sampleMeta, T0 } from '../../store/testing/fixtures.ts';
import type { HubEngine } from '../hub-engine.ts';
import { taskIdFor } from './follow-up-decisions.ts';
import { FollowUpSweeper } from './follow-up-scheduler.ts';

/**
 * A client whose only visit is in a month left on disk at start-up (cold-months.ts) — the long-lapsed client the
 * win-back is for — is owed it on the day her own interval (her service's, with fewer than 3 visits) runs out plus
 * the rule's days, read through the store's client history (#16); once, also after a restart.
 */

const DAY = 86_400_000;
const settings: FollowUpSettings = {
  ...DEFAULT_FOLLOW_UP_SETTINGS,
  rules: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules, win_back: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.win_back, enabled: true } },
};
const facial: Service = {
  id: 'svc-facial',
  category: 'face',
  name: { en: 'Facial', 'zh-CN': '面部护理' },
  durationMin: 60,
  requiredSkill: 'facial',
  equipment: [],
  aftercare: { en: 'Rest', 'zh-CN': '休息' },
  // Half a year: longer than the links' reach, so her month is left on disk by the day she is owed the win-back.
  usualIntervalWeeks: 26,
};
// Her one visit, on T0 (UTC); she is overdue 182 days later, owed the win-back the rule's days after that.
const LAST_DAY = new Date(T0).toISOString().slice(0, 10);
const DUE_DAY = addDays(LAST_DAY, 26 * 7 + settings.rules.win_back.days);
const tenOn = (day: string) => Date.parse(`${day}T10:00:00Z`);
const WIN_BACK = taskIdFor('win_back:anna:v1');

describe('the win-back of a client whose visits are all on disk', () => {
  let dir: string;
  let clock = T0;
  const open: LowdbStore[] = [];
  const make = () => {
    const store = new LowdbStore({ dir, now: () => clock });
    open.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'glow-cold-win-back-'));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})));
    await rm(dir, { recursive: true, force: true });
  });

  /** Anna (marketing: yes) with one closed facial on T0, and Bo who just arrived; checkpointed and closed. */
  async function salonOnDisk(): Promise<void> {
    const hub = new HubModel();
    const store = make();
    await store.open();
    await store.append(hub.entry({ meta: { ...sampleMeta(), followUps: settings }, services: { [facial.id]: facial } }, { command: 'salon:seed' }));
    const anna = { ...makeClient('anna'), consents: [{ kind: 'marketing' as const, version: 1, granted: true, at: T0 }] };
    await store.append(hub.entry({ clients: { anna }, visits: { v1: makeVisit('v1', 'anna', 'closed', T0) } }));
    clock = tenOn(addDays(DUE_DAY, -1));
    await store.append(hub.entry({ clients: { bo: makeClient('bo', clock) } }, { at: clock }));
    await store.checkpoint(hub.state, hub.revision);
    await store.close();
  }

  /** The hub after a start on `day`: its state from the store, an engine that journals what the sweep decides. */
  async function start(day: string) {
    clock = tenOn(day);
    const store = make();
    const opened = (await store.open())!;
    let revision = opened.revision;
    const state: HubState = opened.state;
    const executed: Changes[] = [];
    const engine = {
      state,
      accepting: true,
      execute: async (_meta: unknown, decide: () => { changes: Changes }) => {
        const { changes } = decide();
        applyChanges(state, changes);
        revision += 1;
        await store.append({ seq: revision, at: clock, commandId: null, command: 'followUps:sweep', changes });
        executed.push(changes);
        return { ok: true, data: {} };
      },
    } as unknown as HubEngine;
    const logger = { info() {}, warn() {}, error() {} } as never;
    const sweeper = (disk: boolean) => new FollowUpSweeper({ engine, clock: () => clock, logger, ...(disk ? { disk: store } : {}) });
    return { store, state, executed, sweeper, stop: () => store.close({ state, revision }) };
  }

  const winBacks = (changes: Changes[]) =>
    changes.flatMap((c) => Object.values(c.followUpTasks ?? {})).filter((t): t is FollowUpTask => t !== null && t.rule === 'win_back');

  it('is made on her day from the history on disk, once, and not again after a restart', async () => {
    await salonOnDisk();

    // The day before: her visit is on disk only, and nothing is due yet.
    let hub = await start(addDays(DUE_DAY, -1));
    expect(hub.state.visits.v1).toBeUndefined();
    expect(await hub.store.clientLastMonths()).toHaveProperty('size', 1);
    await hub.sweeper(true).sweep();
    expect(winBacks(hub.executed)).toEqual([]);
    await hub.stop();

    // Her day, after a restart: without the disk she would look never served (the fault of #16) …
    hub = await start(DUE_DAY);
    expect(hub.state.visits.v1).toBeUndefined();
    expect(await hub.sweeper(false).sweep()).toBe(false);
    // … with it, her win-back, for the beautician who served her, about her last visit on disk.
    expect(await hub.sweeper(true).sweep()).toBe(true);
    const made = winBacks(hub.executed);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ id: WIN_BACK, clientId: 'anna', state: 'open', dueDate: DUE_DAY, dedupeKey: 'win_back:anna:v1' });
    // Swept again the same day: nothing new.
    expect(await hub.sweeper(true).sweep()).toBe(false);
    await hub.stop();

    // A restart on her day and the next: the task is there, once, and no second one is made.
    for (const day of [DUE_DAY, addDays(DUE_DAY, 1)]) {
      hub = await start(day);
      expect(hub.state.followUpTasks[WIN_BACK]?.state).toBe('open');
      expect(await hub.sweeper(true).sweep()).toBe(false);
      expect(Object.values(hub.state.followUpTasks).filter((t) => t.rule === 'win_back')).toHaveLength(1);
      await hub.stop();
    }
  });
});
