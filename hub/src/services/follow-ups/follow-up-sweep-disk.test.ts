import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings, type FollowUpTask, type Visit } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { testClient, outboxTestState } from '../outbox/test-outbox-state.ts';
import { digestOfVisit } from '../../store/visit-digest.ts';
import { testVisit } from '../test-state.ts';
import { finishSweep, sweepInSlices, SweepWatch, type DiskHistory } from './follow-up-sweep-slices.ts';

/**
 * The slices read the visits of clients with months left on disk from the store (#16), and the end of the sweep keeps
 * them when it decides a client again (her record changed meanwhile, the settings changed) — the state still wins.
 */

const DAY = 86_400_000;
const settings: FollowUpSettings = {
  ...DEFAULT_FOLLOW_UP_SETTINGS,
  rules: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules, win_back: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.win_back, enabled: true } },
};
const NOW = Date.parse('2026-12-03T02:00:00Z'); // 10:00 in Asia/Shanghai
const lastVisitAt = NOW - (settings.classes.defaultIntervalDays + settings.rules.win_back.days) * DAY;
const yes = { consents: [{ kind: 'marketing' as const, version: 1, granted: true, at: 0 }] };
const closedVisit = (id: string, clientId: string, at = lastVisitAt): Visit =>
  testVisit({ id, clientId, state: 'closed', times: { checked_in: at - 3_600_000, closed: at } });

/** Ann's and Bo's only visits are on disk; Cy has one on disk the state holds too, closed yesterday (she came back). */
function salon(): { state: HubState; disk: DiskHistory; asked: string[][] } {
  const state = outboxTestState(['ann', 'bo', 'cy', 'dee'].map((id) => testClient(id, yes)));
  state.meta.followUps = settings;
  state.visits['cy-1'] = closedVisit('cy-1', 'cy', NOW - DAY);
  const onDisk = [closedVisit('ann-1', 'ann'), closedVisit('bo-1', 'bo'), closedVisit('cy-1', 'cy')];
  const asked: string[][] = [];
  const disk: DiskHistory = {
    clientLastMonths: async () => new Map(['ann', 'bo', 'cy'].map((id) => [id, 0])),
    clientVisitDigests: async (ids) => {
      const wanted = [...ids];
      asked.push(wanted);
      return onDisk.filter((v) => wanted.includes(v.clientId)).flatMap((v) => digestOfVisit(v) ?? []);
    },
  };
  return { state, disk, asked };
}

const winBacksOf = (changes: Changes) =>
  Object.values(changes.followUpTasks ?? {})
    .filter((t): t is FollowUpTask => t !== null && t.rule === 'win_back')
    .map((t) => t.dedupeKey)
    .sort();

describe('the sweep with visits left on disk', () => {
  it('asks the store only for clients with months on disk, one batch per slice, and the state wins', async () => {
    const { state, disk, asked } = salon();
    const found = await sweepInSlices(state, '2026-12-03', async () => true, 2, undefined, disk);
    expect(asked).toEqual([['ann', 'bo'], ['cy']]); // Dee has nothing on disk: not asked
    expect([...found!.fromDisk.keys()].sort()).toEqual(['ann-1', 'bo-1']);
    // Cy came back yesterday (the state's copy of her visit): no win-back for her.
    expect(winBacksOf(finishSweep(state, NOW, found!, new SweepWatch()))).toEqual(['win_back:ann:ann-1', 'win_back:bo:bo-1']);
  });

  it('keeps the visits from disk when a client is decided again at the end, or the whole sweep is', async () => {
    const { state, disk } = salon();
    const found = await sweepInSlices(state, '2026-12-03', async () => true, 2, undefined, disk);
    // Bo's record changed meanwhile (a new phone): decided again, still with her visit on disk.
    const watch = new SweepWatch();
    state.clients.bo = { ...state.clients.bo!, phone: '+8613900139000' };
    watch.note({ clients: { bo: state.clients.bo } });
    expect(winBacksOf(finishSweep(state, NOW, found!, watch))).toEqual(['win_back:ann:ann-1', 'win_back:bo:bo-1']);
    // The manager changed the settings meanwhile: everyone is decided again, with the visits read from disk.
    state.meta.followUps = { ...settings };
    expect(winBacksOf(finishSweep(state, NOW, found!, new SweepWatch()))).toEqual(['win_back:ann:ann-1', 'win_back:bo:bo-1']);
  });
});
