import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import { demoState } from './test-state.ts';
import { outboxStatusView } from './outbox-status-view.ts';
import type { ViewChange, ViewInputs } from './view-projections.ts';

const message = (id: string, over: Partial<OutboxMessage> = {}): OutboxMessage =>
  ({ id, clientId: 'c1', state: 'queued', attempts: 0, createdAt: 1, nextAttemptAt: 1, sentAt: null, settledAt: null, lastError: null, subject: 'Secret subject', body: 'Secret body', ...over }) as OutboxMessage;
const inputs = (state: HubState): ViewInputs => ({ state, derived: { at: 0 } as ViewInputs['derived'], active: [] });
const change = (changes: Changes) => ({ changes }) as unknown as ViewChange;

describe('outboxStatusView', () => {
  it('gives the manager the counts per state and a stamp, nobody else anything, never a word of a message', async () => {
    const state = await demoState();
    state.outbox = { a: message('a'), b: message('b', { state: 'failed', attempts: 3 }) };
    expect([...outboxStatusView.ids({ kind: 'floor' }, inputs(state))]).toEqual([]);
    expect(outboxStatusView.card({ kind: 'beautician', staffId: 'anna' }, 'status', inputs(state))).toBeNull();
    expect([...outboxStatusView.ids({ kind: 'manager' }, inputs(state))]).toEqual(['status']);
    const status = outboxStatusView.card({ kind: 'manager' }, 'status', inputs(state))!;
    expect(status.counts).toEqual({ queued: 1, failed: 1 });
    expect(JSON.stringify(status)).not.toMatch(/Secret/);
    expect([...outboxStatusView.changed({ kind: 'floor' }, change({ outbox: { a: state.outbox.a! } }), inputs(state))]).toEqual([]);
  });

  it('moves with every change to a message, revision after revision, and not for other changes', async () => {
    const state = await demoState();
    state.outbox = { a: message('a') };
    outboxStatusView.ids({ kind: 'manager' }, inputs(state));
    const first = outboxStatusView.card({ kind: 'manager' }, 'status', inputs(state))!;
    // A retry: still queued, one more attempt, a later try — the counts stay, the stamp moves.
    state.outbox.a = message('a', { attempts: 1, nextAttemptAt: 60_000 });
    const retry = { outbox: { a: state.outbox.a } };
    expect([...outboxStatusView.changed({ kind: 'manager' }, change(retry), inputs(state))]).toEqual(['status']);
    const second = outboxStatusView.card({ kind: 'manager' }, 'status', inputs(state))!;
    expect(second.counts).toEqual(first.counts);
    expect(second.version).not.toBe(first.version);
    state.outbox.a = message('a', { attempts: 1, state: 'sent', sentAt: 70_000, settledAt: 70_000 });
    outboxStatusView.changed({ kind: 'manager' }, change({ outbox: { a: state.outbox.a } }), inputs(state));
    expect(outboxStatusView.card({ kind: 'manager' }, 'status', inputs(state))!.counts).toEqual({ sent: 1 });
    expect([...outboxStatusView.changed({ kind: 'manager' }, change({ clients: {} }), inputs(state))]).toEqual([]);
  });
});
