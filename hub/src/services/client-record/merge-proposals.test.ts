import { describe, expect, it } from 'vitest';
import type { Booking, Client, OutboxMessage } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { isRefusal, type Refusal } from '../app-error.ts';
import type { Decision } from '../hub-engine.ts';
import { demoState } from '../test-state.ts';
import type { ViewChange, ViewInputs } from '../view-projections.ts';
import { decideClientMerge, decideProposeMerge } from './client-edits.decision.ts';
import { aheadOfMerge } from './merge-ahead.ts';
import { decideDeclineMerge, mergeProposalsView, pendingMergesOf, pendingProposals } from './merge-proposals.ts';

const NOW = Date.UTC(2026, 11, 3, 10);
const desk = { staffId: 'grace', role: 'front_desk' } as const;
const boss = { staffId: 'olivia', role: 'manager' } as const;
const client = (id: string, phone: string, extra: Partial<Client> = {}): Client => ({
  id,
  firstName: '美丽',
  lastName: id.toUpperCase(),
  phone,
  language: 'zh-CN',
  createdAt: NOW - 1000,
  referredBy: null,
  ...extra,
});

async function salon(): Promise<HubState> {
  const state = await demoState();
  state.clients.a = client('a', '+8613800138000');
  state.clients.b = client('b', '+8613700137000');
  state.clients.c = client('c', '+8613600136000');
  return state;
}

/** A decision's changes laid over the state, as the engine commits them. */
function apply(state: HubState, changes: Changes): void {
  for (const [name, records] of Object.entries(changes) as [keyof HubState, Record<string, unknown> | undefined][]) {
    if (name === 'meta' || !records) continue;
    const target = state[name] as Record<string, unknown>;
    for (const [id, record] of Object.entries(records)) {
      if (record === null) delete target[id];
      else target[id] = record;
    }
  }
}
function run<T>(state: HubState, out: Decision<T> | Refusal): T {
  if (isRefusal(out)) throw new Error(out.reason);
  apply(state, out.changes);
  return out.result;
}
const inputs = (state: HubState): ViewInputs => ({ state, derived: { at: NOW } as ViewInputs['derived'], active: [] });
const viewIds = (state: HubState, kind: 'manager' | 'floor') => [...mergeProposalsView.ids({ kind }, inputs(state))];

describe('merge proposals', () => {
  it('waits for the manager: one per pair (the latest), shown to her only, and pending on both records', async () => {
    const state = await salon();
    run(state, decideProposeMerge(state, NOW, desk, { keepId: 'a', mergeId: 'b' }, 'p1'));
    run(state, decideProposeMerge(state, NOW + 1, desk, { keepId: 'b', mergeId: 'a' }, 'p2'));
    run(state, decideProposeMerge(state, NOW + 2, desk, { keepId: 'a', mergeId: 'c' }, 'p3'));
    expect(pendingProposals(state).map((p) => p.id)).toEqual(['p3', 'p2']);
    expect(viewIds(state, 'manager').sort()).toEqual(['p2', 'p3']);
    expect(viewIds(state, 'floor')).toEqual([]);
    expect(mergeProposalsView.card({ kind: 'floor' }, 'p2', inputs(state))).toBeNull();
    expect(mergeProposalsView.card({ kind: 'manager' }, 'p2', inputs(state))).toMatchObject({ keep: { id: 'b', lastName: 'B' }, merge: { id: 'a' }, byName: expect.any(String) });
    // The older proposal of the same pair is no longer a card of its own.
    expect(mergeProposalsView.card({ kind: 'manager' }, 'p1', inputs(state))).toBeNull();
    expect(pendingMergesOf(state, ['a']).map((p) => [p.id, p.other.id])).toEqual([['p3', 'c'], ['p2', 'b']]);
  });

  it('a decline needs a waiting proposal, is logged with the reason, and takes the pair out of the queue', async () => {
    const state = await salon();
    expect(decideDeclineMerge(state, NOW, boss, { keepId: 'a', mergeId: 'b', reason: 'Sisters' }, 'd0')).toMatchObject({ reason: 'merge_not_proposed' });
    run(state, decideProposeMerge(state, NOW, desk, { keepId: 'a', mergeId: 'b' }, 'p1'));
    expect(decideDeclineMerge(state, NOW, boss, { keepId: 'a', mergeId: 'a', reason: 'x' }, 'd0')).toMatchObject({ reason: 'merge_self' });
    const declined = decideDeclineMerge(state, NOW + 5, boss, { keepId: 'b', mergeId: 'a', reason: '  Sisters, not one person ' }, 'd1');
    if (isRefusal(declined)) throw new Error(declined.reason);
    expect(mergeProposalsView.changed({ kind: 'manager' }, { changes: declined.changes } as ViewChange, inputs(state))).toEqual(expect.arrayContaining(['d1', 'p1']));
    apply(state, declined.changes);
    expect(state.clientChanges.d1).toMatchObject({ kind: 'merge_declined', clientId: 'a', otherClientId: 'b', by: 'olivia', reason: 'Sisters, not one person' });
    expect(viewIds(state, 'manager')).toEqual([]);
    expect(pendingMergesOf(state, ['a'])).toEqual([]);
    // Proposed again later: it waits again.
    run(state, decideProposeMerge(state, NOW + 9, desk, { keepId: 'a', mergeId: 'b' }, 'p4'));
    expect(viewIds(state, 'manager')).toEqual(['p4']);
  });

  it('leaves the queue once the records are merged (either way) or one is erased', async () => {
    const state = await salon();
    run(state, decideProposeMerge(state, NOW, desk, { keepId: 'a', mergeId: 'b' }, 'p1'));
    run(state, decideProposeMerge(state, NOW, desk, { keepId: 'a', mergeId: 'c' }, 'p2'));
    const merge = decideClientMerge(state, NOW + 1, boss, { keepId: 'b', mergeId: 'a' }, 'm1');
    if (isRefusal(merge)) throw new Error(merge.reason);
    expect(mergeProposalsView.changed({ kind: 'manager' }, { changes: merge.changes } as ViewChange, inputs(state))).toEqual(expect.arrayContaining(['p1', 'p2']));
    apply(state, merge.changes);
    expect(viewIds(state, 'manager')).toEqual([]);
    const erased = await salon();
    run(erased, decideProposeMerge(erased, NOW, desk, { keepId: 'a', mergeId: 'b' }, 'p1'));
    delete erased.clients.b;
    expect(viewIds(erased, 'manager')).toEqual([]);
  });
});

describe('aheadOfMerge', () => {
  it("moves the merged record's bookings to come and waiting messages to the kept one, never the past", async () => {
    const state = await salon();
    const booking = (id: string, st: Booking['state']) => ({ id, clientId: 'b', state: st }) as Booking;
    state.bookings = { k1: booking('k1', 'booked'), k2: booking('k2', 'held'), k3: booking('k3', 'checked_in'), k4: booking('k4', 'cancelled') };
    const message = (id: string, st: OutboxMessage['state']) => ({ id, clientId: 'b', state: st }) as OutboxMessage;
    state.outbox = { q: message('q', 'queued'), s: message('s', 'sent'), f: message('f', 'failed') };
    const moved = aheadOfMerge(state, 'b', 'a');
    expect(Object.keys(moved.bookings ?? {}).sort()).toEqual(['k1', 'k2']);
    expect(Object.values(moved.bookings ?? {}).every((b) => b?.clientId === 'a')).toBe(true);
    expect(Object.keys(moved.outbox ?? {})).toEqual(['q']);
    expect(aheadOfMerge(state, 'c', 'a')).toEqual({});
  });
});
