import { describe, expect, it } from 'vitest';
import type { FollowUpContext, FollowUpTask } from '@glow/shared';
import { changedClients, FollowUpContexts } from './follow-up-contexts.ts';

const MAX = 100;
const contextOf = (taskId: string, name = `n-${taskId}`) => ({ taskId, client: { name } }) as unknown as FollowUpContext;
const task = (i: number, o: Partial<FollowUpTask> = {}): FollowUpTask => ({
  id: `t${i}`, clientId: `c${Math.floor(i / 3)}`, visitId: null, bookingId: null, productId: null, rule: 'day1', dueDate: '2026-12-03',
  assigneeId: null, dedupeKey: `t${i}`, state: 'open', createdAt: 0, attempts: [], ...o,
});

/** A loader whose reads are counted; reads answer after the current microtasks, as a socket would. */
function counted() {
  const reads: string[][] = [];
  let names = 'a';
  const loader = new FollowUpContexts(
    async (ids) => {
      reads.push([...ids]);
      await Promise.resolve();
      return ids.map((id) => contextOf(id, `${names}-${id}`));
    },
    MAX,
    () => {},
    (run) => queueMicrotask(run),
  );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { loader, reads, settle, rename: (n: string) => (names = n) };
}

describe('FollowUpContexts: what a list of 1,962 calls reads', () => {
  const tasks = Array.from({ length: 1962 }, (_, i) => task(i));

  it('reads only the rows on screen, in one read, never the whole list', async () => {
    const { loader, reads, settle } = counted();
    for (const t of tasks.slice(0, 12)) loader.show(t.id);
    await settle();
    expect(reads).toEqual([tasks.slice(0, 12).map((t) => t.id)]);
    expect(loader.contextOf('t0')?.client.name).toBe('a-t0');
    expect(loader.contextOf('t500')).toBeUndefined();
    // Scrolled: the new rows only; rows seen before keep theirs.
    for (const t of tasks.slice(0, 12)) loader.hide(t.id);
    for (const t of tasks.slice(10, 24)) loader.show(t.id);
    await settle();
    expect(reads[1]).toEqual(tasks.slice(12, 24).map((t) => t.id));
  });

  it('after one outcome, reads again only the calls of that client that are wanted', async () => {
    const { loader, reads, settle, rename } = counted();
    for (const t of tasks.slice(0, 12)) loader.show(t.id);
    let marks = changedClients(null, tasks, []).marks;
    await settle();
    reads.length = 0;
    rename('b');
    // t4 (client c1, with t3 and t5 on screen) was worked: one attempt more.
    const after = tasks.map((t) => (t.id === 't4' ? { ...t, attempts: [{ at: 1, by: 's', outcome: 'no_answer' as const, note: '', retryAt: 9, complaintId: null }] } : t));
    const change = changedClients(marks, after, []);
    marks = change.marks;
    expect([...change.clientIds]).toEqual(['c1']);
    loader.clientsChanged(change.clientIds, after);
    await settle();
    expect(reads).toEqual([['t3', 't4', 't5']]);
    expect(loader.contextOf('t4')?.client.name).toBe('b-t4');
    expect(loader.contextOf('t0')?.client.name).toBe('a-t0');
  });

  it('a complaint that comes or changes status marks its client; an unchanged view marks none', () => {
    const first = changedClients(null, tasks.slice(0, 6), [{ id: 'k1', clientId: 'c1', status: 'received' }]);
    expect(first.clientIds.size).toBe(0);
    expect(changedClients(first.marks, tasks.slice(0, 6), [{ id: 'k1', clientId: 'c1', status: 'received' }]).clientIds.size).toBe(0);
    const closed = changedClients(first.marks, tasks.slice(0, 6), [{ id: 'k1', clientId: 'c1', status: 'resolved' }]);
    expect([...closed.clientIds]).toEqual(['c1']);
    const added = changedClients(first.marks, tasks.slice(0, 6), [{ id: 'k1', clientId: 'c1', status: 'received' }, { id: 'k2', clientId: 'c0', status: 'received' }]);
    expect([...added.clientIds]).toEqual(['c0']);
    expect([...changedClients(first.marks, tasks.slice(0, 6), []).clientIds]).toEqual(['c1']);
  });

  it('reads the opened call even off screen, splits a large screen into reads of at most FOLLOW_UP_CONTEXT_MAX side by side', async () => {
    const { loader, reads, settle } = counted();
    loader.open('t1900');
    for (const t of tasks.slice(0, 150)) loader.show(t.id);
    await settle();
    expect(reads.map((r) => r.length)).toEqual([100, 51]);
    expect(loader.contextOf('t1900')).toBeDefined();
  });

  it('a client changed while her read was out is read once more; a failed read is asked again when shown again', async () => {
    const { loader, reads, settle } = counted();
    loader.show('t0');
    await Promise.resolve();
    await Promise.resolve();
    loader.clientsChanged(new Set(['c0']), tasks.slice(0, 3));
    await settle();
    await settle();
    expect(reads).toEqual([['t0'], ['t0']]);
    const failing: string[][] = [];
    const broken = new FollowUpContexts(async (ids) => (failing.push([...ids]), null), MAX, () => {}, (run) => run());
    broken.show('t1');
    await settle();
    broken.hide('t1');
    broken.show('t1');
    await settle();
    expect(failing).toEqual([['t1'], ['t1']]);
  });
});
