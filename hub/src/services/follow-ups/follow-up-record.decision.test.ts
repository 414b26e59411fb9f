import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FollowUpRecordInputSchema, type FollowUpRecordInput, type OpeningHours } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { isRefusal } from '../app-error.ts';
import type { Actor } from '../visit-access.ts';
import { decideRecordFollowUp, MAX_ATTEMPTS } from './follow-up-record.decision.ts';
import { ANNA, DESK, MANAGER, NOW, followUpState, testTask } from './follow-up-test-builders.ts';

const DAY = { start: '09:00', end: '19:00' };
const HOURS: OpeningHours = [null, DAY, DAY, DAY, DAY, DAY, DAY];
const CTX = { complaintId: 'k1', timeZone: 'UTC', openingHours: HOURS };
const HOUR = 3_600_000;
const DAY_MS = 24 * HOUR;

let base: HubState;
beforeAll(async () => {
  base = await followUpState();
});

describe('decideRecordFollowUp', () => {
  let state: HubState;
  beforeEach(() => {
    state = structuredClone(base);
  });
  const record = (input: Omit<FollowUpRecordInput, 'commandId'>, actor: Actor = ANNA, now = NOW) =>
    decideRecordFollowUp(state, now, actor, FollowUpRecordInputSchema.parse({ commandId: 'command-0001', ...input }), CTX);

  it('reached: the task is done, the call logged with who, when and the notes', () => {
    const d = record({ taskId: 't1', outcome: 'reached', note: 'Skin calm, uses the serum at night' });
    if (isRefusal(d)) throw new Error(d.reason);
    expect(d.result).toEqual({ taskId: 't1', state: 'done', dueDate: '2026-12-03', retryAt: null, complaintId: null });
    expect(d.changes.followUpTasks?.t1?.attempts).toEqual([
      { at: NOW, by: 'anna', outcome: 'reached', note: 'Skin calm, uses the serum at night', retryAt: null, complaintId: null },
    ]);
  });

  it('no answer: stays open, tried again later today by default, or at the time chosen (the due day moves)', () => {
    const d = record({ taskId: 't1', outcome: 'no_answer' });
    if (isRefusal(d)) throw new Error(d.reason);
    expect(d.result).toMatchObject({ state: 'open', dueDate: '2026-12-03', retryAt: NOW + 2 * HOUR });
    const evening = record({ taskId: 't1', outcome: 'no_answer' }, ANNA, Date.UTC(2026, 11, 3, 18));
    if (isRefusal(evening)) throw new Error(evening.reason);
    expect(evening.result).toMatchObject({ dueDate: '2026-12-04', retryAt: Date.UTC(2026, 11, 4, 9) });
    const chosen = record({ taskId: 't1', outcome: 'call_back', retryAt: Date.UTC(2026, 11, 5, 15) });
    if (isRefusal(chosen)) throw new Error(chosen.reason);
    expect(chosen.result).toMatchObject({ state: 'open', dueDate: '2026-12-05', retryAt: Date.UTC(2026, 11, 5, 15) });
    expect(chosen.changes.followUpTasks?.t1).toMatchObject({ state: 'open', dueDate: '2026-12-05' });
  });

  it('refuses a retry time in the past or too far ahead, a finished task, and a full log', () => {
    expect(record({ taskId: 't1', outcome: 'call_back', retryAt: NOW - 60_000 })).toMatchObject({ code: 'invalid_input', reason: 'follow_up_retry_in_past' });
    expect(record({ taskId: 't1', outcome: 'call_back', retryAt: NOW + 90 * 24 * HOUR })).toMatchObject({ reason: 'follow_up_retry_too_far' });
    state.followUpTasks.t1 = testTask({ id: 't1', state: 'done' });
    expect(record({ taskId: 't1', outcome: 'reached' })).toMatchObject({ code: 'conflict', reason: 'follow_up_closed' });
    const attempt = { at: 1, by: 'anna', outcome: 'no_answer' as const, note: '', retryAt: 2, complaintId: null };
    state.followUpTasks.t1 = testTask({ id: 't1', attempts: Array.from({ length: MAX_ATTEMPTS }, () => attempt) });
    expect(record({ taskId: 't1', outcome: 'reached' })).toMatchObject({ code: 'conflict', reason: 'follow_up_too_many_attempts' });
  });

  it('lets the assignee, the front desk and the manager record; another beautician is refused', () => {
    expect(isRefusal(record({ taskId: 't1', outcome: 'reached' }, DESK))).toBe(false);
    expect(isRefusal(record({ taskId: 't1', outcome: 'reached' }, MANAGER))).toBe(false);
    expect(record({ taskId: 't1', outcome: 'reached' }, { staffId: 'mei', role: 'beautician' })).toMatchObject({
      code: 'forbidden',
      reason: 'follow_up_not_yours',
    });
    state.followUpTasks.t2 = testTask({ id: 't2', assigneeId: null });
    expect(record({ taskId: 't2', outcome: 'reached' }, ANNA)).toMatchObject({ reason: 'follow_up_not_yours' });
    expect(record({ taskId: 'nope', outcome: 'reached' })).toMatchObject({ code: 'not_found', reason: 'follow_up_unknown' });
  });

  it('do not call: flags the client and cancels their other open calls, not other clients’', () => {
    state.followUpTasks.t2 = testTask({ id: 't2', rule: 'day3', dueDate: '2026-12-05' });
    state.followUpTasks.t3 = testTask({ id: 't3', clientId: 'c2' });
    const d = record({ taskId: 't1', outcome: 'do_not_call', note: 'Prefers messages' });
    if (isRefusal(d)) throw new Error(d.reason);
    expect(d.changes.clients?.c1?.doNotCall).toEqual({ at: NOW, by: 'anna' });
    expect(d.changes.followUpTasks?.t1?.state).toBe('done');
    expect(d.changes.followUpTasks?.t2?.state).toBe('cancelled');
    expect(d.changes.followUpTasks?.t3).toBeUndefined();
  });

  it('problem: opens a complaint with the call’s notes on the visit, and links it from the task', () => {
    const d = record({ taskId: 't1', outcome: 'problem', note: 'Red patches on both cheeks since last night', problemKind: 'reaction' }, DESK);
    if (isRefusal(d)) throw new Error(d.reason);
    expect(d.result).toMatchObject({ state: 'done', complaintId: 'k1' });
    expect(d.changes.complaints?.k1).toMatchObject({
      id: 'k1',
      visitId: 'v1',
      clientId: 'c1',
      kind: 'reaction',
      severity: 'incident',
      since: 'next_day',
      description: 'Red patches on both cheeks since last night',
      contact: 'call',
      language: 'zh-CN',
      status: 'received',
      createdAt: NOW,
    });
    expect(d.changes.followUpTasks?.t1?.attempts[0]).toMatchObject({ outcome: 'problem', complaintId: 'k1' });
  });

  it('problem without a visit of its own goes on the client’s latest; none at all is refused', () => {
    state.followUpTasks.t4 = testTask({ id: 't4', visitId: null, rule: 'win_back' });
    const d = record({ taskId: 't4', outcome: 'problem', note: 'Still unhappy with the colour' });
    if (isRefusal(d)) throw new Error(d.reason);
    expect(d.changes.complaints?.k1).toMatchObject({ visitId: 'v1', kind: 'result' });
    delete state.visits.v1;
    expect(record({ taskId: 't4', outcome: 'problem', note: 'x' })).toMatchObject({ code: 'conflict', reason: 'follow_up_no_visit' });
  });

  it('problem about a visit on disk only: the complaint is about her latest visit read from history, with what it was', () => {
    state.followUpTasks.t4 = testTask({ id: 't4', visitId: null, rule: 'win_back' });
    const old = structuredClone(state.visits.v1!);
    delete state.visits.v1;
    const years = (id: string, clientId: string, closed: number) => ({ ...old, id, clientId, ticket: 'B07', times: { ...old.times, closed } });
    const history = [years('h1', 'c1', NOW - 800 * DAY_MS), years('h2', 'c1', NOW - 700 * DAY_MS), years('other', 'c9', NOW - DAY_MS)];
    const d = decideRecordFollowUp(state, NOW, DESK, FollowUpRecordInputSchema.parse({ commandId: 'command-0002', taskId: 't4', outcome: 'problem', note: 'Hair broke after the perm' }), { ...CTX, history });
    if (isRefusal(d)) throw new Error(d.reason);
    expect(d.changes.complaints?.k1).toMatchObject({ visitId: 'h2', clientId: 'c1', since: 'days_later', visitAbout: { serviceId: old.serviceId, ticket: 'B07', at: NOW - 700 * DAY_MS } });
    // Someone else's history is never taken for hers.
    const none = decideRecordFollowUp(state, NOW, DESK, FollowUpRecordInputSchema.parse({ commandId: 'command-0003', taskId: 't4', outcome: 'problem', note: 'x' }), { ...CTX, history: history.slice(2) });
    expect(none).toMatchObject({ reason: 'follow_up_no_visit' });
  });
});

describe('FollowUpRecordInputSchema', () => {
  const parse = (input: Record<string, unknown>) => FollowUpRecordInputSchema.safeParse({ commandId: 'command-0001', taskId: 't1', ...input });
  it('asks a time for a call back, notes for a problem, and keeps times and kinds to their outcomes', () => {
    expect(parse({ outcome: 'call_back' }).error?.issues[0]?.message).toBe('follow_up_call_back_time');
    expect(parse({ outcome: 'problem' }).error?.issues[0]?.message).toBe('follow_up_problem_note');
    expect(parse({ outcome: 'reached', retryAt: NOW }).error?.issues[0]?.message).toBe('follow_up_no_retry');
    expect(parse({ outcome: 'reached', problemKind: 'result' }).error?.issues[0]?.message).toBe('follow_up_no_problem_kind');
    expect(parse({ outcome: 'reached', note: 'x'.repeat(1001) }).error?.issues[0]?.message).toBe('follow_up_note_too_long');
    expect(parse({ outcome: 'reached', note: '  fine  ' }).data?.note).toBe('fine');
  });
});
