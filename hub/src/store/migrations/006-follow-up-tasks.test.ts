import { describe, expect, it } from 'vitest';
import { followUpTasks } from './006-follow-up-tasks.ts';

describe('migration 6: follow-up tasks', () => {
  it('leaves data without the collection as it is (the partition is added later and starts empty)', () => {
    const data = { clients: { k1: { id: 'k1' } } };
    expect(followUpTasks.up(data)).toBe(data);
  });

  it('keeps tasks that are there, and gives a damaged value the empty collection', () => {
    const data = { followUpTasks: { t1: { id: 't1' } } };
    expect(followUpTasks.up(data)).toBe(data);
    expect(followUpTasks.up({ followUpTasks: null })).toEqual({ followUpTasks: {} });
    expect(followUpTasks.up({ followUpTasks: [] })).toEqual({ followUpTasks: {} });
  });
});
