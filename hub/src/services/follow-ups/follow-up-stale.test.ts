import { describe, expect, it } from 'vitest';
import type { FollowUpTask } from '@glow/shared';
import { testClient, outboxTestState } from '../outbox/test-outbox-state.ts';
import { testVisit } from '../test-state.ts';
import { decideFollowUpSweep, decideSessionCloseFollowUps, taskIdFor } from './follow-up-decisions.ts';

const task = (rule: FollowUpTask['rule'], clientId: string): FollowUpTask => ({
  id: taskIdFor(`${rule}:${clientId}:old`),
  clientId,
  visitId: null,
  bookingId: null,
  productId: null,
  rule,
  dueDate: '2026-11-20',
  assigneeId: null,
  dedupeKey: `${rule}:${clientId}:old`,
  state: 'open',
  createdAt: 1,
  attempts: [],
});

describe('open tasks that no longer make sense', () => {
  it('a client who comes back has her open win-back cancelled with the close', () => {
    const state = outboxTestState([testClient('c1', { consents: [{ kind: 'marketing', version: 1, granted: true, at: 0 }] })]);
    const winBack = task('win_back', 'c1');
    state.followUpTasks[winBack.id] = winBack;
    const at = Date.parse('2026-12-03T07:00:00Z');
    state.visits['v1'] = testVisit({ id: 'v1', clientId: 'c1', state: 'closed', returningClient: true, times: { checked_in: at - 3_600_000, closed: at } });
    const changes = decideSessionCloseFollowUps(state, at, ['v1']);
    expect(changes.followUpTasks?.[winBack.id]).toEqual({ ...winBack, state: 'cancelled' });
  });

  it('the sweep cancels the open marketing calls of a client who opted out since, and leaves her aftercare calls', () => {
    const state = outboxTestState([
      testClient('c1', { consents: [{ kind: 'marketing', version: 1, granted: true, at: 0 }, { kind: 'marketing', version: 1, granted: false, at: 5 }] }),
    ]);
    const card = task('birthday_card', 'c1');
    const day3 = task('day3', 'c1');
    state.followUpTasks[card.id] = card;
    state.followUpTasks[day3.id] = day3;
    const changes = decideFollowUpSweep(state, Date.parse('2026-12-03T02:00:00Z'));
    expect(changes.followUpTasks).toEqual({ [card.id]: { ...card, state: 'cancelled' } });
  });

  it('a client flagged "asked not to be called" gets no call task when her next visit closes, even with no task left to remember it', () => {
    const state = outboxTestState([testClient('c1', { doNotCall: { at: 0, by: 'grace' } })]);
    const at = Date.parse('2026-12-03T07:00:00Z');
    state.visits['v1'] = testVisit({ id: 'v1', clientId: 'c1', state: 'closed', returningClient: true, times: { checked_in: at - 3_600_000, closed: at } });
    const created = Object.values(decideSessionCloseFollowUps(state, at, ['v1']).followUpTasks ?? {});
    expect(created).toEqual([]);
    delete state.clients['c1']!.doNotCall;
    expect(Object.values(decideSessionCloseFollowUps(state, at, ['v1']).followUpTasks ?? {}).length).toBeGreaterThan(0);
  });
});
