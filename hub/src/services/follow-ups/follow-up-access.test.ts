import { beforeAll, describe, expect, it } from 'vitest';
import type { HubState } from '../../store/hub-state.ts';
import { testVisit } from '../test-state.ts';
import { loadTaskFor, mayWorkTask } from './follow-up-access.ts';
import { visitForTask, visitTime } from './follow-up-last-visit.ts';
import { ANNA, DESK, MANAGER, NOW, followUpState, testTask } from './follow-up-test-builders.ts';

let state: HubState;
beforeAll(async () => {
  state = await followUpState();
});

describe('who may work a follow-up task', () => {
  it('the assignee, the front desk and the manager; not another beautician, nor a beautician the desk’s', () => {
    const mine = testTask({ id: 'a' });
    const desks = testTask({ id: 'b', assigneeId: null });
    expect([ANNA, DESK, MANAGER].map((who) => mayWorkTask(who, mine))).toEqual([true, true, true]);
    expect(mayWorkTask({ staffId: 'mei', role: 'beautician' }, mine)).toBe(false);
    expect(mayWorkTask(ANNA, desks)).toBe(false);
    expect(mayWorkTask(DESK, desks)).toBe(true);
  });

  it('loads a task, or says why not', () => {
    expect(loadTaskFor(state, ANNA, 't1')).toMatchObject({ id: 't1' });
    expect(loadTaskFor(state, { staffId: 'mei', role: 'beautician' }, 't1')).toMatchObject({ code: 'forbidden', reason: 'follow_up_not_yours' });
    expect(loadTaskFor(state, DESK, 'gone')).toMatchObject({ code: 'not_found', reason: 'follow_up_unknown' });
  });
});

describe('the visit a call is about', () => {
  it('is the task’s own, else the client’s latest closed one, else none', () => {
    const s = structuredClone(state);
    s.visits.v2 = testVisit({ id: 'v2', state: 'closed', times: { closed: NOW - 1000 } });
    s.visits.v3 = testVisit({ id: 'v3', state: 'queued', times: { queued: NOW } });
    expect(visitForTask(s, { clientId: 'c1', visitId: 'v1' })?.id).toBe('v1');
    expect(visitForTask(s, { clientId: 'c1', visitId: null })?.id).toBe('v2');
    expect(visitForTask(s, { clientId: 'c1', visitId: 'archived-month' })?.id).toBe('v2');
    expect(visitForTask(s, { clientId: 'nobody', visitId: null })).toBeNull();
    expect(visitTime(s.visits.v3!)).toBe(NOW);
  });
});
