import { describe, expect, it } from 'vitest';
import { ClientOwnedIndex } from './client-owned-index.ts';

const task = (id: string, clientId: string) => ({ id, clientId });

describe('ClientOwnedIndex', () => {
  it('lists each client’s records through adds, moves to another client (a merge) and removals', () => {
    const index = new ClientOwnedIndex();
    index.rebuild({ followUpTasks: { t1: task('t1', 'ann'), t2: task('t2', 'bob') } as never, bookings: { b1: task('b1', 'ann') } as never });
    expect(index.idsOf('followUpTasks', ['ann'])).toEqual(['t1']);
    expect(index.idsOf('bookings', ['ann', 'bob'])).toEqual(['b1']);

    index.note({ followUpTasks: { t3: task('t3', 'ann'), t2: task('t2', 'ann') } as never });
    expect(index.idsOf('followUpTasks', ['ann']).sort()).toEqual(['t1', 't2', 't3']);
    expect(index.idsOf('followUpTasks', ['bob'])).toEqual([]);

    index.note({ followUpTasks: { t1: null }, bookings: { b1: task('b1', 'bob') } as never });
    expect(index.idsOf('followUpTasks', ['ann']).sort()).toEqual(['t2', 't3']);
    expect(index.idsOf('bookings', ['ann'])).toEqual([]);
    expect(index.idsOf('bookings', ['bob'])).toEqual(['b1']);
  });

  it('starts again from the state on a rebuild (a recovery)', () => {
    const index = new ClientOwnedIndex();
    index.note({ complaints: { c1: task('c1', 'ann') } as never });
    index.rebuild({ complaints: {} });
    expect(index.idsOf('complaints', ['ann'])).toEqual([]);
  });
});
