import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings, type FollowUpTask, type Visit } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { ClientLinksIndex } from '../client-links-index.ts';
import { testClient, outboxTestState } from '../outbox/test-outbox-state.ts';
import { digestOfVisit } from '../../store/visit-digest.ts';
import { testVisit } from '../test-state.ts';
import { decideFollowUpSweep, messageTimeOf } from './follow-up-decisions.ts';
import { finishSweep, sweepInSlices, SweepWatch, type DiskHistory } from './follow-up-sweep-slices.ts';

/**
 * The daily sweep over merged records (#16): a merge moves nothing, so the record merged away keeps its visits — in
 * the state and in months left on disk. The sweep decides once per person, on the kept record, over every visit of
 * the group (the disk history of the merged-away record too, read through the store); a merged-away record gets
 * nothing of its own.
 */

const DAY = 86_400_000;
const settings: FollowUpSettings = {
  ...DEFAULT_FOLLOW_UP_SETTINGS,
  rules: {
    ...DEFAULT_FOLLOW_UP_SETTINGS.rules,
    win_back: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.win_back, enabled: true, channel: 'call' },
    birthday: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.birthday, enabled: true, channel: 'call' },
  },
};
const NOW = Date.parse('2026-12-03T02:00:00Z'); // 10:00 in Asia/Shanghai
const lapsedAt = NOW - (settings.classes.defaultIntervalDays + settings.rules.win_back.days) * DAY;
const yes = { consents: [{ kind: 'marketing' as const, version: 1, granted: true, at: 0 }] };
const closedVisit = (id: string, clientId: string, at: number): Visit =>
  testVisit({ id, clientId, state: 'closed', times: { checked_in: at - 3_600_000, closed: at } });

/**
 * Fay's kept record is new (made at the kiosk, no visit yet); her old record, merged into it, holds her one visit,
 * long ago, in a month left on disk: she is owed the win-back. Gus came ten days ago on his kept record; his old
 * record, merged into it, has an old visit on disk: he is not lapsed. Both old records have today as birthday.
 */
function salon(): { state: HubState; disk: DiskHistory } {
  const birthday = { birthday: '1990-12-03' };
  const state = outboxTestState([
    testClient('fay', yes),
    testClient('fay-old', { ...yes, ...birthday, mergedInto: 'fay' }),
    testClient('gus', yes),
    testClient('gus-old', { ...yes, ...birthday, mergedInto: 'gus' }),
  ]);
  state.meta.followUps = settings;
  state.visits['gus-2'] = closedVisit('gus-2', 'gus', NOW - 10 * DAY);
  const onDisk = [closedVisit('fay-1', 'fay-old', lapsedAt), closedVisit('gus-1', 'gus-old', lapsedAt)];
  const disk: DiskHistory = {
    clientLastMonths: async () => new Map(['fay-old', 'gus-old'].map((id) => [id, 0])),
    clientVisitDigests: async (ids) => {
      const wanted = [...ids];
      return onDisk.filter((v) => wanted.includes(v.clientId)).flatMap((v) => digestOfVisit(v) ?? []);
    },
  };
  return { state, disk };
}

const tasksOf = (changes: Changes) =>
  Object.values(changes.followUpTasks ?? {})
    .filter((t): t is FollowUpTask => t !== null)
    .map((t) => `${t.rule} ${t.clientId} ${t.dedupeKey}`)
    .sort();

const linksOf = (state: HubState) => {
  const links = new ClientLinksIndex();
  links.rebuild(state.clients);
  return links;
};

describe('the sweep over merged records', () => {
  it('decides the kept record with the merged-away record’s visits on disk: her win-back, his none, nothing for the old records', async () => {
    const { state, disk } = salon();
    const found = await sweepInSlices(state, '2026-12-03', async () => true, 1, undefined, disk, linksOf(state));
    expect(tasksOf(finishSweep(state, NOW, found!, new SweepWatch()))).toEqual(['win_back fay win_back:fay:fay-1']);
  });

  it('reads the group wherever its records fall in the slices, and gives the same as the one-turn sweep', async () => {
    for (const perSlice of [1, 2, 3, 4]) {
      const { state, disk } = salon();
      const found = await sweepInSlices(state, '2026-12-03', async () => true, perSlice, undefined, disk);
      expect([...found!.fromDisk.keys()].sort(), `${perSlice} per slice`).toEqual(['fay-1', 'gus-1']);
      const changes = finishSweep(state, NOW, found!, new SweepWatch());
      expect(changes).toEqual(decideFollowUpSweep(state, NOW, undefined, found!.fromDisk.values()));
      expect(tasksOf(changes)).toEqual(['win_back fay win_back:fay:fay-1']);
    }
  });

  it('counts the merged-away record’s visits in the state too, and its “do not call”', async () => {
    const { state } = salon();
    // Without the disk: Gus's old visit is in the state now, and Fay's old record asked not to be called.
    state.visits['gus-1'] = closedVisit('gus-1', 'gus-old', lapsedAt);
    state.visits['fay-1'] = closedVisit('fay-1', 'fay-old', lapsedAt);
    expect(tasksOf(decideFollowUpSweep(state, NOW))).toEqual(['win_back fay win_back:fay:fay-1']);
    state.clients['fay-old'] = { ...state.clients['fay-old']!, doNotCall: { at: 0, by: 'grace' } };
    expect(tasksOf(decideFollowUpSweep(state, NOW))).toEqual([]);
  });

  /** Hal alone on his new record, his old one with a lapsed visit on disk; the manager merges them after `afterTurn`. */
  async function mergeDuringSweep(afterTurn: number) {
    const { state, disk } = salon();
    state.clients.hal = testClient('hal', yes);
    state.clients['hal-old'] = testClient('hal-old', yes);
    const onDisk = closedVisit('hal-1', 'hal-old', lapsedAt);
    const withHal: DiskHistory = {
      clientLastMonths: async () => new Map([...(await disk.clientLastMonths()), ['hal-old', 0]]),
      clientVisitDigests: async (ids) => [...(await disk.clientVisitDigests(ids)), ...(ids.includes('hal-old') ? [digestOfVisit(onDisk)!] : [])],
    };
    const links = linksOf(state);
    const watch = new SweepWatch();
    let turn = 0;
    // One turn lists the state's visits, then one per client (one client per slice): Hal is 5th, his old record 6th.
    const found = await sweepInSlices(
      state,
      '2026-12-03',
      async () => {
        if (++turn === afterTurn) {
          const merged = { clients: { 'hal-old': { ...state.clients['hal-old']!, mergedInto: 'hal' } } };
          state.clients['hal-old'] = merged.clients['hal-old'];
          links.note(merged.clients);
          watch.note(merged);
        }
        return true;
      },
      1,
      undefined,
      withHal,
      links,
    );
    return { state, found: found!, watch, withHal, links };
  }

  it('a merge after the slices read both records: the kept record is decided again with the visits of both', async () => {
    const { state, found, watch } = await mergeDuringSweep(7);
    // Read alone, his old record was owed a win-back of its own; merged, it is Hal's, once, on his kept record.
    expect(found.dues.get('hal-old')?.map((d) => d.dedupeKey)).toEqual(['win_back:hal-old:hal-1']);
    expect(tasksOf(finishSweep(state, NOW, found, watch))).toEqual(['win_back fay win_back:fay:fay-1', 'win_back hal win_back:hal:hal-1']);
  });

  it('a merge before the slices reached the old record: Hal waits for the next sweep, which reads both', async () => {
    const { state, found, watch, withHal, links } = await mergeDuringSweep(6);
    expect(found.readClients.has('hal-old')).toBe(false);
    expect(tasksOf(finishSweep(state, NOW, found, watch))).toEqual(['win_back fay win_back:fay:fay-1']);
    const next = await sweepInSlices(state, '2026-12-03', async () => true, 1, undefined, withHal, links);
    expect(tasksOf(finishSweep(state, NOW, next!, new SweepWatch()))).toEqual(['win_back fay win_back:fay:fay-1', 'win_back hal win_back:hal:hal-1']);
  });

  it('messages go once, to the kept record: a birthday message for the old record’s birthday is not sent to a merged-away id', async () => {
    const { state, disk } = salon();
    const bySms: FollowUpSettings = { ...settings, rules: { ...settings.rules, birthday: { ...settings.rules.birthday, channel: 'message' } } };
    state.meta.followUps = bySms;
    // The merge copied the birthday to the kept record that had none (client-edits.decision.ts).
    state.clients.fay = { ...state.clients.fay!, birthday: '1990-12-03' };
    const found = await sweepInSlices(state, '2026-12-03', async () => true, 2, undefined, disk, linksOf(state));
    const messages = Object.values(finishSweep(state, NOW, found!, new SweepWatch()).outbox ?? {}).filter((m) => m !== null);
    expect(messages.map((m) => [m!.clientId, m!.kind, m!.notBefore])).toEqual([['fay', 'birthday', messageTimeOf('2026-12-03', 'Asia/Shanghai')]]);
  });
});
