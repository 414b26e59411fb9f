import { beforeAll, describe, expect, it } from 'vitest';
import type { HubState } from '../../store/hub-state.ts';
import { testVisit } from '../test-state.ts';
import { followUpContexts } from './follow-up-context.ts';
import { ANNA, DESK, NOW, followUpState, testTask } from './follow-up-test-builders.ts';

let state: HubState;
beforeAll(async () => {
  state = await followUpState();
  state.visits.v0 = testVisit({ id: 'v0', state: 'closed', times: { closed: NOW - 40 * 86_400_000 } });
  state.followUpTasks.t2 = testTask({ id: 't2', assigneeId: null, visitId: null, rule: 'win_back' });
  state.followUpTasks.t3 = testTask({ id: 't3', assigneeId: 'mei' });
  state.complaints.k1 = {
    id: 'k1', visitId: 'v1', clientId: 'c1', severity: 'complaint', kind: 'result', since: 'next_day', description: 'Uneven',
    contact: 'call', photo: null, language: 'en', createdAt: NOW - 1000, status: 'received',
    acknowledgedBy: null, acknowledgedAt: null, resolvedBy: null, resolvedAt: null, resolution: '',
  };
  state.complaints.k2 = { ...state.complaints.k1, id: 'k2', status: 'resolved' };
});

describe('followUpContexts', () => {
  it('gives the client, the visit followed up with what was done and its rating, and open complaints only', () => {
    const [ctx] = followUpContexts(state, ANNA, ['t1']);
    expect(ctx).toMatchObject({
      taskId: 't1',
      client: { id: 'c1', name: 'Lina Zhou', phone: '+8613800138000', language: 'zh-CN', visits: 2, doNotCallSince: null },
      lastVisit: { visitId: 'v1', staffId: 'anna', serviceId: 'facial-classic', rating: { csat: 4, comment: 'Lovely' } },
      openComplaints: [{ id: 'k1', kind: 'result', status: 'received' }],
    });
  });

  it('takes the latest closed visit for a task without one', () => {
    expect(followUpContexts(state, DESK, ['t2'])[0]?.lastVisit?.visitId).toBe('v1');
  });

  it('reads the clients’ visits through the index when it is given one, with the same answers (and scans while it is built)', () => {
    const byClient = (ids: readonly string[]) => Object.values(state.visits).filter((v) => ids.includes(v.clientId)).map((v) => v.id);
    const asked: string[][] = [];
    const looked = followUpContexts(state, DESK, ['t1', 't2', 't3'], (ids) => (asked.push([...ids]), [...byClient(ids), 'gone']));
    expect(looked).toEqual(followUpContexts(state, DESK, ['t1', 't2', 't3']));
    expect(asked).toEqual([['c1']]);
    expect(followUpContexts(state, DESK, ['t1', 't2', 't3'], () => null)).toEqual(looked);
  });

  it('answers only for tasks the caller may work: a beautician neither the desk’s nor another’s', () => {
    expect(followUpContexts(state, ANNA, ['t1', 't2', 't3', 'unknown']).map((c) => c.taskId)).toEqual(['t1']);
    expect(followUpContexts(state, DESK, ['t1', 't2', 't3']).map((c) => c.taskId)).toEqual(['t1', 't2', 't3']);
  });
});
