import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followUpDaySalon } from '../support/follow-up-day.ts';
import { connectStaff, expectOk, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';

const HOUR = 3_600_000;

/**
 * Follow-up calls over real sockets (#16): who may record an outcome and read a client's context, what each outcome
 * does to the task, the client and the complaints, and the refusals in words.
 */
describe('follow-up calls', () => {
  let t: TestHub;
  let anna: StaffSocket;
  let mei: StaffSocket;
  let desk: StaffSocket;
  let locked: StaffSocket;
  const state = () => t.hub.core.engine.state;

  beforeAll(async () => {
    const now = Date.now();
    t = await startHub({ seed: () => followUpDaySalon(now, 'Etc/UTC'), timeZone: 'Etc/UTC' });
    anna = (await connectStaff(t, { staffId: 'anna', pin: '2222' })).socket;
    mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
    desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    locked = (await connectStaff(t)).socket;
  }, 30_000);
  afterAll(() => t.stop());

  it('refuses a tablet nobody is signed in on, and a beautician on another’s or the desk’s task', async () => {
    const noOne = await send(locked, 'followUp:record', { taskId: 't-lina', outcome: 'reached' });
    expect(noOne.ok).toBe(false);
    const others = await send(anna, 'followUp:record', { taskId: 't-wang', outcome: 'reached' });
    expect(others).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'follow_up_not_yours', message: 'That follow-up call is assigned to another beautician.' } });
    const desks = await send(mei, 'followUp:record', { taskId: 't-tom', outcome: 'reached' });
    expect(desks).toMatchObject({ ok: false, error: { reason: 'follow_up_not_yours' } });
    expect(state().followUpTasks['t-wang']!.attempts).toEqual([]);
  });

  it('reads the context only of the tasks the caller may work', async () => {
    const mine = expectOk(await send(anna, 'followUp:context', { taskIds: ['t-lina', 't-tom', 't-wang'] }));
    expect(mine.contexts.map((c) => c.taskId)).toEqual(['t-lina']);
    expect(mine.contexts[0]).toMatchObject({
      client: { name: 'Lina Zhou', phone: '+8613800138000', language: 'zh-CN' },
      lastVisit: { visitId: 'v-lina', staffId: 'anna', planNotes: 'Sensitive cheeks: gentle pressure', rating: { csat: 4, comment: 'Skin felt fresh' } },
    });
    const all = expectOk(await send(desk, 'followUp:context', { taskIds: ['t-lina', 't-tom', 't-wang'] }));
    expect(all.contexts.map((c) => c.taskId).sort()).toEqual(['t-lina', 't-tom', 't-wang']);
  });

  it('no answer moves the due time; a retry in the past, long notes and a finished task are refused in words', async () => {
    const past = await send(mei, 'followUp:record', { taskId: 't-wang', outcome: 'call_back', retryAt: Date.now() - HOUR });
    expect(past).toMatchObject({ ok: false, error: { reason: 'follow_up_retry_in_past', message: 'The time to call again has already passed. Choose a later time.' } });
    const long = await send(mei, 'followUp:record', { taskId: 't-wang', outcome: 'reached', note: 'x'.repeat(1001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'The call notes are too long (1,000 characters at most).' } });

    const tomorrow = Date.now() + 26 * HOUR;
    const moved = expectOk(await send(mei, 'followUp:record', { taskId: 't-wang', outcome: 'call_back', retryAt: tomorrow, note: 'Asked for tomorrow' }));
    expect(moved).toMatchObject({ state: 'open', retryAt: tomorrow, dueDate: new Date(tomorrow).toISOString().slice(0, 10) });
    expect(state().followUpTasks['t-wang']).toMatchObject({ state: 'open', dueDate: moved.dueDate });
    expect(state().followUpTasks['t-wang']!.attempts.at(-1)).toMatchObject({ by: 'mei', outcome: 'call_back', note: 'Asked for tomorrow', retryAt: tomorrow });

    expectOk(await send(anna, 'followUp:record', { taskId: 't-lina', outcome: 'reached', note: 'Skin calm' }));
    const again = await send(anna, 'followUp:record', { taskId: 't-lina', outcome: 'reached' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'follow_up_closed' } });
  });

  it('problem found opens a complaint with the call’s notes that the front desk sees on its board', async () => {
    const note = 'Redness on the chin since the day after, wants someone to look at it';
    const seen = new Promise<void>((resolve) => {
      desk.on('sync:patch', (patch) => {
        if (Object.values(patch.set.complaints ?? {}).some((c) => c?.description === note)) resolve();
      });
    });
    const done = expectOk(await send(desk, 'followUp:record', { taskId: 't-tom', outcome: 'problem', note, problemKind: 'reaction' }));
    expect(done).toMatchObject({ state: 'done' });
    const complaint = state().complaints[done.complaintId!]!;
    expect(complaint).toMatchObject({ clientId: 'c-tom', visitId: 'v-tom', description: note, kind: 'reaction', severity: 'incident', contact: 'call', status: 'received' });
    expect(state().followUpTasks['t-tom']!.attempts.at(-1)).toMatchObject({ by: 'grace', outcome: 'problem', complaintId: done.complaintId });
    await seen;
  });

  it('do not call flags the client for later rules and cancels her other calls', async () => {
    expectOk(await send(desk, 'followUp:record', { taskId: 't-sara', outcome: 'do_not_call', note: 'Prefers messages' }));
    expect(state().clients['c-sara']!.doNotCall).toMatchObject({ by: 'grace' });
    expect(state().followUpTasks['t-sara']!.state).toBe('done');
    expect(state().followUpTasks['t-sara-birthday']).toMatchObject({ state: 'cancelled', attempts: [] });
    expect(state().followUpTasks['t-lina']!.state).toBe('done');
  });
});
